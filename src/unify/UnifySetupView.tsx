import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';

import { useStrings } from '../shared/PluginProviders';

/** The Unify setup view. Until the guided setup lands, it tells the admin where the connection is configured. */
export function UnifySetupView() {
  const t = useStrings();
  return (
    <Box as="main" padding="space100" maxWidth="size70" overflowY="auto">
      <Heading as="h1" variant="heading20">
        {t('UnifiedProfilesUnifyHeading')}
      </Heading>
      <Paragraph>{t('UnifiedProfilesUnifyIntro')}</Paragraph>
      <Paragraph>{t('UnifiedProfilesUnifyDocsHint')}</Paragraph>
    </Box>
  );
}
