import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import type { UnifyAuditEntry } from '../../serverless/src/config/unify-contract';
import { formatDateExact } from '../shared/timeFormat';
import { useLocale, useStrings } from '../shared/PluginProviders';
import { fieldLabels } from './fieldLabels';

/** Who changed the connection, when, and which fields (never a secret's value): the last 50. */
export function ChangeHistory({ audit }: { audit: UnifyAuditEntry[] }) {
  const t = useStrings();
  const locale = useLocale();
  if (audit.length === 0) return <Text as="p">{t('UnifiedProfilesUnifyNoChanges')}</Text>;
  return (
    <Box as="ol" paddingLeft="space0" listStyleType="none" margin="space0">
      {audit.map((entry, index) => (
        <Box as="li" key={`${entry.at}-${index}`} marginBottom="space30">
          <Text as="p">
            {t('UnifiedProfilesUnifyChange', {
              when: formatDateExact(entry.at, locale),
              who: entry.by,
              fields: fieldLabels(entry.fields, t),
            })}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
