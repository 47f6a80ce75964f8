import * as React from 'react';
import { Alert, AlertVariants } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import type { UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { formatDateExact } from '../shared/timeFormat';
import { useLocale, useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import { ConnectionStanding, connectionStanding } from './unifySlice';

const STANDING: Record<ConnectionStanding, { variant: AlertVariants; title: PluginStringKey; next: PluginStringKey }> =
  {
    not_connected: {
      variant: 'warning',
      title: 'UnifiedProfilesUnifyNotConnected',
      next: 'UnifiedProfilesUnifyNextConnect',
    },
    degraded: { variant: 'error', title: 'UnifiedProfilesUnifyDegraded', next: 'UnifiedProfilesUnifyNextDegraded' },
    not_checked: { variant: 'neutral', title: 'UnifiedProfilesUnifyNotChecked', next: 'UnifiedProfilesUnifyNextCheck' },
    ready: { variant: 'neutral', title: 'UnifiedProfilesUnifyReady', next: 'UnifiedProfilesUnifyNextNothing' },
    warning: { variant: 'warning', title: 'UnifiedProfilesUnifyWarning', next: 'UnifiedProfilesUnifyNextWarning' },
    failing: { variant: 'error', title: 'UnifiedProfilesUnifyFailing', next: 'UnifiedProfilesUnifyNextFix' },
  };

const REGION_NAMES = { us: 'UnifiedProfilesUnifyRegionUs', eu: 'UnifiedProfilesUnifyRegionEu' } as const;

/** The connection's real state at a glance: what was measured, when and by whom, and what to do next. */
export function ConnectionOverview({ config }: { config: UnifyConfigResponse }) {
  const t = useStrings();
  const locale = useLocale();
  const standing = connectionStanding(config);
  const { variant, title, next } = STANDING[standing];
  const check = config.lastCheck;
  const failedStep = check?.steps.find((step) => step.status === 'failed' || step.status === 'warning');
  const { connection } = config;

  return (
    <Box as="section" aria-labelledby="unified-profiles-unify-overview" marginBottom="space70">
      <Text
        as="h2"
        id="unified-profiles-unify-overview"
        fontSize="fontSize50"
        fontWeight="fontWeightSemibold"
        marginBottom="space30"
      >
        {t('UnifiedProfilesUnifyOverviewHeading')}
      </Text>
      <Alert variant={variant}>
        <Text as="p" fontWeight="fontWeightSemibold" data-standing={standing}>
          {t(title)}
        </Text>
        {standing === 'degraded' && config.segmentHealth?.since && (
          <Text as="p">
            {t('UnifiedProfilesUnifyDegradedSince', { when: formatDateExact(config.segmentHealth.since, locale) })}
          </Text>
        )}
        {failedStep && standing !== 'degraded' && <Text as="p">{failedStep.message}</Text>}
        {standing === 'not_connected' && (
          <Text as="p">{t('UnifiedProfilesUnifyMissing', { missing: config.missing.join(', ') })}</Text>
        )}
        {check && (
          <Text as="p" fontSize="fontSize20">
            {t('UnifiedProfilesUnifyCheckedBy', {
              when: formatDateExact(check.checkedAt, locale),
              who: check.checkedBy,
            })}
          </Text>
        )}
        <Text as="p">{t(next)}</Text>
        {standing === 'not_connected' && <Text as="p">{t('UnifiedProfilesUnifyNextCreate')}</Text>}
      </Alert>
      <Text as="p" marginTop="space30" color="colorTextWeak">
        {t('UnifiedProfilesUnifyConnectedTo', {
          workspace: connection.workspaceSlug ?? t('UnifiedProfilesUnifyNotSet'),
          space: connection.spaceId ?? t('UnifiedProfilesUnifyNotSet'),
          region: t(REGION_NAMES[connection.region]),
        })}
      </Text>
    </Box>
  );
}
