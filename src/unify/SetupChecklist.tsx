import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Anchor } from '@twilio-paste/core/anchor';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type {
  UnifyConfigResponse,
  UnifySetupStepId,
  UnifySetupStepState,
} from '../../serverless/src/config/unify-contract';
import type { Translate } from '../shared/PluginProviders';
import { useLocale, useStrings } from '../shared/PluginProviders';
import { formatDateExact } from '../shared/timeFormat';
import type { PluginStringKey } from '../strings/en';
import type { UnifyState } from './unifySlice';

/** Where the guided "Segment for Flex" setup starts. */
export const SEGMENT_APP_URL = 'https://app.segment.com/';
/** The SQL model Twilio's guided setup recommends for a warehouse source. */
export const RECOMMENDED_SQL_MODEL = 'SELECT * FROM unified_profiles.accounts';

interface SetupStep {
  id: UnifySetupStepId;
  title: PluginStringKey;
  body: PluginStringKey;
}

/** The guided setup's four steps, in order (segment.md, "Setup concepts"). */
const STEPS: SetupStep[] = [
  { id: 'data_source', title: 'UnifiedProfilesUnifySetupStep1Title', body: 'UnifiedProfilesUnifySetupStep1Body' },
  { id: 'connections', title: 'UnifiedProfilesUnifySetupStep2Title', body: 'UnifiedProfilesUnifySetupStep2Body' },
  { id: 'identity', title: 'UnifiedProfilesUnifySetupStep3Title', body: 'UnifiedProfilesUnifySetupStep3Body' },
  { id: 'enable_sources', title: 'UnifiedProfilesUnifySetupStep4Title', body: 'UnifiedProfilesUnifySetupStep4Body' },
];

const SOURCE_CHOICES: PluginStringKey[] = [
  'UnifiedProfilesUnifySetupChoiceSalesforce',
  'UnifiedProfilesUnifySetupChoiceWarehouse',
  'UnifiedProfilesUnifySetupChoiceApp',
];

const ENTITLEMENTS: PluginStringKey[] = [
  'UnifiedProfilesUnifySetupEntitlementSources',
  'UnifiedProfilesUnifySetupEntitlementDestinations',
  'UnifiedProfilesUnifySetupEntitlementSpaces',
  'UnifiedProfilesUnifySetupEntitlementTraits',
];

/** "setup step 2 (Add connections)" for an audit entry's `setupChecklist.connections`; undefined for other fields. */
export function setupStepFieldLabel(field: string, t: Translate): string | undefined {
  if (field === 'setupChecklist') return t('UnifiedProfilesUnifySetupChecklistField');
  const index = STEPS.findIndex((step) => field === `setupChecklist.${step.id}`);
  if (index < 0) return undefined;
  return t('UnifiedProfilesUnifySetupStepField', { number: index + 1, title: t(STEPS[index].title) });
}

/** The recommended SQL model, with a button that copies it (or selects it where the clipboard is refused). */
function SqlModel() {
  const t = useStrings();
  const code = React.useRef<HTMLElement>(null);
  const [copied, setCopied] = React.useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(RECOMMENDED_SQL_MODEL);
      setCopied('copied');
    } catch {
      // Flex in an iframe may be refused the clipboard: select the text for Ctrl+C instead.
      const selection = window.getSelection();
      if (code.current && selection) {
        const range = document.createRange();
        range.selectNodeContents(code.current);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopied('failed');
    }
  };
  return (
    <Box marginTop="space40">
      <Text as="p" marginBottom="space40">
        {t('UnifiedProfilesUnifySetupStep2Warehouse')}
      </Text>
      <Text as="p" fontWeight="fontWeightSemibold" id="unified-profiles-unify-setup-sql">
        {t('UnifiedProfilesUnifySetupSqlLabel')}
      </Text>
      <Box display="flex" alignItems="center" columnGap="space30" flexWrap="wrap" rowGap="space20" marginTop="space20">
        <Box
          as="pre"
          margin="space0"
          paddingX="space40"
          paddingY="space30"
          backgroundColor="colorBackground"
          borderStyle="solid"
          borderWidth="borderWidth10"
          borderColor="colorBorderWeak"
          borderRadius="borderRadius20"
          overflowX="auto"
          aria-labelledby="unified-profiles-unify-setup-sql"
        >
          <Text as="code" ref={code} fontFamily="fontFamilyCode" fontSize="fontSize30">
            {RECOMMENDED_SQL_MODEL}
          </Text>
        </Box>
        <Button variant="secondary" size="small" onClick={() => void copy()}>
          {t('UnifiedProfilesUnifySetupCopy')}
        </Button>
      </Box>
      <Text as="p" role="status" fontSize="fontSize20" marginTop="space20">
        {copied === 'copied' && t('UnifiedProfilesUnifySetupCopied')}
        {copied === 'failed' && t('UnifiedProfilesUnifySetupCopyFailed')}
      </Text>
      <Text as="p" color="colorTextWeak" fontSize="fontSize20">
        {t('UnifiedProfilesUnifySetupSqlHelp')}
      </Text>
    </Box>
  );
}

/** What only some steps say: step 1's choices and warning, step 2's SQL model, step 3's 48-hour note. */
function StepDetails({ id }: { id: UnifySetupStepId }) {
  const t = useStrings();
  if (id === 'data_source') {
    return (
      <>
        <Box as="ul" marginY="space30" paddingLeft="space50">
          {SOURCE_CHOICES.map((choice) => (
            <Text as="li" key={choice} marginBottom="space20">
              {t(choice)}
            </Text>
          ))}
        </Box>
        {/* Always there, not news: a note, not an alert a screen reader breaks in with. */}
        <Alert variant="warning" role="note" i18nWarningLabel={t('UnifiedProfilesUnifySetupWarningLabel')}>
          <Text as="p">{t('UnifiedProfilesUnifySetupStep1Warning')}</Text>
        </Alert>
      </>
    );
  }
  if (id === 'connections') return <SqlModel />;
  if (id === 'identity') {
    return (
      <Box marginTop="space40">
        <Alert variant="neutral" role="note" i18nNeutralLabel={t('UnifiedProfilesUnifySetupNoteLabel')}>
          <Text as="p">{t('UnifiedProfilesUnifySetupStep3Note')}</Text>
        </Alert>
      </Box>
    );
  }
  return null;
}

/** Who last ticked or unticked a step, and when; nothing before the Functions answered a tick. */
function useTickedBy() {
  const t = useStrings();
  const locale = useLocale();
  return (state: UnifySetupStepState | undefined) => {
    if (!state?.by || !state.at) return undefined;
    const values = { who: state.by, when: formatDateExact(state.at, locale) };
    return state.done
      ? t('UnifiedProfilesUnifySetupTickedBy', values)
      : t('UnifiedProfilesUnifySetupUntickedBy', values);
  };
}

interface SetupChecklistProps {
  config: UnifyConfigResponse;
  /** A check passed: the steps start collapsed, so they do not push the rest of the view down. */
  ready: boolean;
  checklist: UnifyState['checklist'];
  onTick: (stepId: UnifySetupStepId, done: boolean) => void;
}

/**
 * "Create a Segment workspace for Flex": the link that starts Twilio's guided setup in Segment, its
 * four steps as a checklist remembered for the account (admins tick, supervisors read), and what the
 * workspace includes. Native <details> collapses it: keyboard-operable and costs no bundle.
 */
export function SetupChecklist({ config, ready, checklist, onTick }: SetupChecklistProps) {
  const t = useStrings();
  const tickedBy = useTickedBy();
  // Collapsed when the view opens on a Ready connection; never folded under the admin's hands when a
  // check they just ran passes (that would move the check's results up out of sight).
  const [open, setOpen] = React.useState(!ready);
  const steps = config.setupChecklist?.steps ?? {};
  const done = STEPS.filter((step) => steps[step.id]?.done).length;
  const storeMissing = (config.configStoreMissing?.length ?? 0) > 0;
  const canTick = config.canEdit && !storeMissing;

  return (
    <Box>
      <Text as="p" marginBottom="space40">
        {t('UnifiedProfilesUnifySetupIntro')}
      </Text>
      <Text as="p" marginBottom="space50" fontWeight="fontWeightSemibold">
        <Anchor
          href={SEGMENT_APP_URL}
          target="_blank"
          rel="noopener noreferrer"
          showExternal
          i18nExternalLinkLabel={t('UnifiedProfilesUnifySetupNewTab')}
        >
          {t('UnifiedProfilesUnifySetupLink')}
        </Anchor>
      </Text>
      <details
        open={open}
        onToggle={(event: React.SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open)}
      >
        <Box as="summary" cursor="pointer" marginBottom="space40" data-setup-summary="">
          <Text as="span" fontWeight="fontWeightSemibold">
            {t('UnifiedProfilesUnifySetupSummary', { done, total: STEPS.length })}
          </Text>
        </Box>
        {!config.canEdit && (
          <Text as="p" marginBottom="space40" color="colorTextWeak">
            {t('UnifiedProfilesUnifySetupReadOnly')}
          </Text>
        )}
        {config.canEdit && storeMissing && (
          <Text as="p" marginBottom="space40" color="colorTextWeak">
            {t('UnifiedProfilesUnifySetupStoreMissing')}
          </Text>
        )}
        {checklist.status === 'failed' && (
          <Box marginBottom="space40">
            <Alert variant="error">
              <Text as="p">{t('UnifiedProfilesUnifySetupTickFailed', { reason: checklist.error?.message ?? '' })}</Text>
            </Alert>
          </Box>
        )}
        <Box as="ol" margin="space0" padding="space0" listStyleType="none">
          {STEPS.map((step, index) => {
            const state = steps[step.id];
            const number = index + 1;
            const headingId = `unified-profiles-unify-setup-${step.id}`;
            return (
              <Box
                as="li"
                key={step.id}
                marginBottom="space50"
                padding="space50"
                borderStyle="solid"
                borderWidth="borderWidth10"
                borderColor="colorBorderWeaker"
                borderRadius="borderRadius30"
                data-setup-step={step.id}
              >
                <Heading as="h3" id={headingId} variant="heading50">
                  {t('UnifiedProfilesUnifySetupStepHeading', { number, title: t(step.title) })}
                </Heading>
                <Text as="p">{t(step.body)}</Text>
                <StepDetails id={step.id} />
                <Box marginTop="space50">
                  {canTick ? (
                    <Checkbox
                      id={`${headingId}-done`}
                      checked={Boolean(state?.done)}
                      helpText={tickedBy(state)}
                      onChange={(event) => onTick(step.id, event.target.checked)}
                    >
                      {t('UnifiedProfilesUnifySetupDone', { number })}
                    </Checkbox>
                  ) : (
                    <Text as="p">
                      <Text as="span" fontWeight="fontWeightSemibold">
                        {state?.done
                          ? t('UnifiedProfilesUnifySetupStatusDone')
                          : t('UnifiedProfilesUnifySetupStatusNotDone')}
                      </Text>
                      {tickedBy(state) && ` · ${tickedBy(state)}`}
                    </Text>
                  )}
                </Box>
              </Box>
            );
          })}
        </Box>
        <Heading as="h3" variant="heading50">
          {t('UnifiedProfilesUnifySetupEntitlementsHeading')}
        </Heading>
        <Box as="ul" marginTop="space0" marginBottom="space30" paddingLeft="space50">
          {ENTITLEMENTS.map((entitlement) => (
            <Text as="li" key={entitlement} marginBottom="space20">
              {t(entitlement)}
            </Text>
          ))}
        </Box>
        <Text as="p" color="colorTextWeak">
          {t('UnifiedProfilesUnifySetupEntitlementsExisting')}
        </Text>
      </details>
    </Box>
  );
}
