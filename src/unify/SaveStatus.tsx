import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import type { UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { useStrings } from '../shared/PluginProviders';
import { fieldLabels } from './fieldLabels';
import type { UnifyState } from './unifySlice';

/**
 * How a settings form's last save went: another admin saved first (and what they changed), a
 * failure without a field to blame, or saved (and when every instance has it).
 */
export function SaveStatus({ config, save }: { config: UnifyConfigResponse; save: UnifyState['save'] }) {
  const t = useStrings();
  const banner = (variant: 'warning' | 'error' | 'neutral', children: React.ReactElement) => (
    // Paste's neutral Alert is itself a status region, its error and warning ones alerts.
    <Box marginBottom="space50">
      <Alert variant={variant}>{children}</Alert>
    </Box>
  );
  return (
    <>
      {save.status === 'conflict' &&
        save.conflict &&
        banner(
          'warning',
          <>
            <Text as="p" fontWeight="fontWeightSemibold">
              {t('UnifiedProfilesUnifyConflictTitle', { who: save.conflict.changedBy })}
            </Text>
            <Text as="p">
              {t('UnifiedProfilesUnifyConflictBody', { fields: fieldLabels(save.conflict.changedFields, t) })}
            </Text>
          </>,
        )}
      {save.status === 'failed' && !save.fieldErrors && banner('error', <Text as="p">{save.error?.message}</Text>)}
      {save.status === 'saved' &&
        banner(
          'neutral',
          <Text as="p">{t('UnifiedProfilesUnifySaved', { seconds: config.settingsCacheSeconds })}</Text>,
        )}
    </>
  );
}
