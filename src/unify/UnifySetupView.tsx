import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import type { UnifyConfigView } from '../../serverless/src/config/unify-config-view';
import type { FunctionsClient } from '../backend/FunctionsClient';
import { useStrings } from '../shared/PluginProviders';
import { FailureWithRetry, LoadingStatus } from '../shared/StatusMessages';
import { useUnifyConfig } from './useUnifyConfig';

const REGION_HOSTS: Record<string, 'UnifiedProfilesUnifyRegionUs' | 'UnifiedProfilesUnifyRegionEu'> = {
  'profiles.segment.com': 'UnifiedProfilesUnifyRegionUs',
  'profiles.euw1.segment.com': 'UnifiedProfilesUnifyRegionEu',
};

function ConnectionDetails({ config }: { config: UnifyConfigView }) {
  const t = useStrings();
  const host = new URL(config.profileApiUrl).host;
  const rows: [string, string][] = [
    [t('UnifiedProfilesUnifyRegion'), t(REGION_HOSTS[host] ?? 'UnifiedProfilesUnifyRegionOther', { host })],
    [t('UnifiedProfilesUnifySpace'), config.spaceId ?? t('UnifiedProfilesUnifyNotSet')],
    [
      t('UnifiedProfilesUnifyToken'),
      config.profileApiTokenSet ? t('UnifiedProfilesUnifyTokenSet') : t('UnifiedProfilesUnifyNotSet'),
    ],
    [t('UnifiedProfilesUnifyPriority'), config.identifierPriority.join(' › ')],
    [t('UnifiedProfilesUnifyCountry'), config.defaultCountry],
  ];
  return (
    <Box
      as="dl"
      display="grid"
      gridTemplateColumns="max-content 1fr"
      columnGap="space50"
      rowGap="space30"
      marginTop="space50"
    >
      {rows.map(([label, value]) => (
        <React.Fragment key={label}>
          <Text as="dt" color="colorTextWeak">
            {label}
          </Text>
          <Text as="dd" margin="space0" wordBreak="break-word">
            {value}
          </Text>
        </React.Fragment>
      ))}
    </Box>
  );
}

/** The Unify view: how the Segment connection stands, read from the Functions (which alone hold the secret). */
export function UnifySetupView({ functions }: { functions: FunctionsClient }) {
  const t = useStrings();
  const { state, reload } = useUnifyConfig(functions);

  return (
    <Box as="main" padding="space100" maxWidth="size80" overflowY="auto">
      <Heading as="h1" variant="heading20">
        {t('UnifiedProfilesUnifyHeading')}
      </Heading>
      <Paragraph>{t('UnifiedProfilesUnifyIntro')}</Paragraph>

      <Heading as="h2" variant="heading40">
        {t('UnifiedProfilesUnifyConnectionHeading')}
      </Heading>
      {state.status === 'loading' && <LoadingStatus>{t('UnifiedProfilesUnifyLoading')}</LoadingStatus>}
      {state.status === 'failed' && (
        <FailureWithRetry
          title={t('UnifiedProfilesUnifyLoadFailed')}
          retryLabel={t('UnifiedProfilesRetry')}
          onRetry={reload}
        >
          {state.message}
        </FailureWithRetry>
      )}
      {state.status === 'loaded' && (
        <>
          {state.config.missing.length === 0 ? (
            <Alert variant="neutral">{t('UnifiedProfilesUnifyReady')}</Alert>
          ) : (
            <Alert variant="warning">
              <Text as="p">{t('UnifiedProfilesUnifyMissing', { missing: state.config.missing.join(', ') })}</Text>
              <Text as="p">{t('UnifiedProfilesUnifyDocsHint')}</Text>
            </Alert>
          )}
          <ConnectionDetails config={state.config} />
        </>
      )}
    </Box>
  );
}
