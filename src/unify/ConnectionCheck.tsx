import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Anchor } from '@twilio-paste/core/anchor';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Text } from '@twilio-paste/core/text';

import type { UnifyCheckStep, UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import type { UnifyState } from './unifySlice';

type BadgeVariants = React.ComponentProps<typeof Badge>['variant'];

const STEP_NAMES: Record<UnifyCheckStep['step'], PluginStringKey> = {
  profile_api: 'UnifiedProfilesUnifyStepProfileApi',
  profiles: 'UnifiedProfilesUnifyStepProfiles',
  tracking_api: 'UnifiedProfilesUnifyStepTracking',
  flex_events: 'UnifiedProfilesUnifyStepFlexEvents',
};

const STATUS: Record<UnifyCheckStep['status'], { variant: BadgeVariants; label: PluginStringKey }> = {
  passed: { variant: 'success', label: 'UnifiedProfilesUnifyStepPassed' },
  failed: { variant: 'error', label: 'UnifiedProfilesUnifyStepFailed' },
  warning: { variant: 'warning', label: 'UnifiedProfilesUnifyStepWarning' },
  skipped: { variant: 'neutral', label: 'UnifiedProfilesUnifyStepSkipped' },
};

/** Where to look in Segment when a check fails; the workspace's own pages need its slug. */
function TroubleshootingLinks({ workspaceSlug }: { workspaceSlug: string | null }) {
  const t = useStrings();
  const workspace = workspaceSlug ? `https://app.segment.com/${encodeURIComponent(workspaceSlug)}` : undefined;
  const links: [PluginStringKey, string | undefined][] = [
    ['UnifiedProfilesUnifyLinkWorkspace', workspace && `${workspace}/overview`],
    ['UnifiedProfilesUnifyLinkDebugger', 'https://segment.com/docs/connections/sources/debugger/'],
    ['UnifiedProfilesUnifyLinkExplorer', 'https://segment.com/docs/unify/#profile-explorer'],
  ];
  return (
    <Box as="ul" marginTop="space40" paddingLeft="space50">
      {links
        .filter((link): link is [PluginStringKey, string] => Boolean(link[1]))
        .map(([label, href]) => (
          <Box as="li" key={label} marginBottom="space20">
            <Anchor href={href} showExternal>
              {t(label)}
            </Anchor>
          </Box>
        ))}
    </Box>
  );
}

/** "Test connection": a check against Segment now, each step with its result and what to do. */
export function ConnectionCheck({
  config,
  check,
  onCheck,
}: {
  config: UnifyConfigResponse;
  check: UnifyState['check'];
  onCheck: (knownCustomer?: string) => void;
}) {
  const t = useStrings();
  const [knownCustomer, setKnownCustomer] = React.useState('');
  const result = config.lastCheck;
  return (
    <Box>
      <Box
        as="form"
        display="flex"
        columnGap="space30"
        alignItems="flex-end"
        flexWrap="wrap"
        rowGap="space30"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          onCheck(knownCustomer.trim() || undefined);
        }}
      >
        <Box flexGrow={1} minWidth="size30">
          <Label htmlFor="unified-profiles-unify-known-customer">{t('UnifiedProfilesUnifyKnownCustomer')}</Label>
          <Input
            id="unified-profiles-unify-known-customer"
            type="text"
            value={knownCustomer}
            placeholder="email:ana@example.com"
            aria-describedby="unified-profiles-unify-known-customer-help"
            onChange={(event) => setKnownCustomer(event.target.value)}
          />
        </Box>
        <Button variant="primary" type="submit" loading={check.status === 'checking'}>
          {t('UnifiedProfilesUnifyTest')}
        </Button>
      </Box>
      <HelpText id="unified-profiles-unify-known-customer-help">{t('UnifiedProfilesUnifyKnownCustomerHelp')}</HelpText>
      {check.status === 'failed' && (
        <Box marginTop="space40">
          <Alert variant="error">
            <Text as="p">{t('UnifiedProfilesUnifyCheckCallFailed', { reason: check.error?.message ?? '' })}</Text>
          </Alert>
        </Box>
      )}
      {result && (
        <Box
          as="ul"
          marginTop="space40"
          paddingLeft="space0"
          listStyleType="none"
          aria-label={t('UnifiedProfilesUnifyCheckResults')}
        >
          {result.steps.map((step) => (
            <Box
              as="li"
              key={step.step}
              display="flex"
              columnGap="space30"
              marginBottom="space30"
              data-check-step={step.step}
            >
              <Box flexShrink={0} minWidth="size10">
                <Badge as="span" variant={STATUS[step.status].variant}>
                  <span>{t(STATUS[step.status].label)}</span>
                </Badge>
              </Box>
              <Box>
                <Text as="p" fontWeight="fontWeightSemibold">
                  {t(STEP_NAMES[step.step])}
                </Text>
                <Text as="p">{step.message}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      )}
      <Text as="h3" fontWeight="fontWeightSemibold" marginTop="space50">
        {t('UnifiedProfilesUnifyTroubleshooting')}
      </Text>
      <TroubleshootingLinks workspaceSlug={config.connection.workspaceSlug} />
    </Box>
  );
}
