import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';
import { useSelector } from 'react-redux';

import type { SecretState, UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { identifierTypeName } from '../shared/identifierFormat';
import { useStrings } from '../shared/PluginProviders';
import type { RootStateWithPlugin } from '../shared/pluginState';
import { FailureWithRetry, LoadingStatus } from '../shared/StatusMessages';
import { ChangeHistory } from './ChangeHistory';
import { AgentViewForm } from './AgentViewForm';
import { ConnectForm } from './ConnectForm';
import { ConnectionCheck } from './ConnectionCheck';
import { ConnectionOverview } from './ConnectionOverview';
import type { ProfilePreviewComponent } from './CustomerTabPreview';
import { sentChannelsSummary } from './EngagementChannels';
import { highlightsSummary, RECOMMENDED_HIGHLIGHTS } from './HighlightedTraits';
import { layoutSummary } from './layout/layoutSummary';
import { SetupChecklist } from './SetupChecklist';
import { traitDisplaySummary } from './TraitDisplaySettings';
import type { UnifyLoader } from './unifyLoader';
import { connectionStanding, selectUnify, type UnifySettingsForm, type UnifyState } from './unifySlice';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Box as="section" aria-labelledby={`unified-profiles-unify-${id}`} marginBottom="space80">
      <Heading as="h2" id={`unified-profiles-unify-${id}`} variant="heading40">
        {title}
      </Heading>
      {children}
    </Box>
  );
}

/** The host of the Profile API URL, or the setting as written when it is not a URL (the check names that fault). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** What a supervisor sees of the connection: the settings, secrets only as set or not. */
function ConnectionDetails({ config }: { config: UnifyConfigResponse }) {
  const t = useStrings();
  const secret = (state: SecretState) =>
    state.set ? t('UnifiedProfilesUnifySecretSet', { last4: state.last4 ?? '····' }) : t('UnifiedProfilesUnifyNotSet');
  const { connection } = config;
  const rows: [string, string][] = [
    [t('UnifiedProfilesUnifyFieldWorkspace'), connection.workspaceSlug ?? t('UnifiedProfilesUnifyNotSet')],
    [t('UnifiedProfilesUnifyFieldSpace'), connection.spaceId ?? t('UnifiedProfilesUnifyNotSet')],
    [t('UnifiedProfilesUnifyFieldRegion'), `${connection.region.toUpperCase()} (${hostOf(connection.profileApiUrl)})`],
    [t('UnifiedProfilesUnifyFieldToken'), secret(connection.profileApiToken)],
    [t('UnifiedProfilesUnifyFieldWriteKey'), secret(connection.writeKey)],
    [
      t('UnifiedProfilesUnifyFieldPriority'),
      connection.identifierPriority.map((type) => identifierTypeName(type, t)).join(' › '),
    ],
    [t('UnifiedProfilesUnifyFieldEngagementChannels'), sentChannelsSummary(connection.engagementExcludedChannels, t)],
    [
      t('UnifiedProfilesUnifyFieldHighlightedTraits'),
      highlightsSummary(connection.highlightedTraits ?? RECOMMENDED_HIGHLIGHTS, t),
    ],
    [t('UnifiedProfilesUnifyFieldTraitDisplay'), traitDisplaySummary(connection.traitDisplay, t)],
    [t('UnifiedProfilesUnifyLayoutHeading'), layoutSummary(connection.customerTab, t)],
  ];
  return (
    <>
      <Text as="p" marginBottom="space40">
        {t('UnifiedProfilesUnifyReadOnly')}
      </Text>
      <Box as="dl" display="grid" gridTemplateColumns="max-content 1fr" columnGap="space50" rowGap="space30">
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
    </>
  );
}

/**
 * The Unify view: the connection's measured state, the guided setup of a new Segment workspace, the
 * check against Segment, the admins' two forms (the connection, and what agents see with its
 * preview) or the settings read-only, and who changed what. A region, not a `<main>`: Flex's
 * layout has its own.
 */
export function UnifySetupView({
  loader,
  ProfilePreview,
}: {
  loader: UnifyLoader;
  /** How the Customer tab shows a profile, for the preview (the profile feature's, passed by the plugin). */
  ProfilePreview: ProfilePreviewComponent;
}) {
  const t = useStrings();
  const unify = useSelector((state: RootStateWithPlugin) => selectUnify(state));
  React.useEffect(() => void loader.load(), [loader]);
  const { config } = unify;
  // Each form shows only its own save: the other one stays as it was.
  const saveOf = (form: UnifySettingsForm): UnifyState['save'] =>
    unify.save.form === form ? unify.save : { status: 'idle' };
  const savingForm = unify.save.status === 'saving' ? unify.save.form : undefined;

  return (
    <Box
      as="section"
      aria-labelledby="unified-profiles-unify-title"
      padding="space100"
      maxWidth="size80"
      overflowY="auto"
    >
      <Heading as="h1" id="unified-profiles-unify-title" variant="heading20">
        {t('UnifiedProfilesUnifyHeading')}
      </Heading>
      <Text as="p" marginBottom="space60">
        {t('UnifiedProfilesUnifyIntro')}
      </Text>

      {!config && unify.load.status !== 'failed' && <LoadingStatus>{t('UnifiedProfilesUnifyLoading')}</LoadingStatus>}
      {unify.load.status === 'failed' && (
        <FailureWithRetry
          title={t('UnifiedProfilesUnifyLoadFailed')}
          retryLabel={t('UnifiedProfilesRetry')}
          onRetry={() => void loader.load()}
        >
          {unify.load.error?.message}
        </FailureWithRetry>
      )}
      {config && (
        <>
          <ConnectionOverview config={config} />
          <Section id="setup" title={t('UnifiedProfilesUnifySetupHeading')}>
            <SetupChecklist
              config={config}
              ready={connectionStanding(config) === 'ready'}
              checklist={unify.checklist}
              onTick={(stepId, done) => void loader.tickSetupStep(stepId, done)}
            />
          </Section>
          <Section id="check" title={t('UnifiedProfilesUnifyCheckHeading')}>
            <ConnectionCheck
              config={config}
              check={unify.check}
              onCheck={(knownCustomer) => void loader.check(knownCustomer)}
            />
          </Section>
          {config.canEdit ? (
            <>
              <Section id="connect" title={t('UnifiedProfilesUnifyConnectHeading')}>
                <ConnectForm
                  config={config}
                  save={saveOf('connection')}
                  onSave={(write) => void loader.save(write, 'connection')}
                  otherSaving={savingForm === 'agentView'}
                />
              </Section>
              <Section id="agent-view" title={t('UnifiedProfilesUnifyAgentViewHeading')}>
                <AgentViewForm
                  config={config}
                  save={saveOf('agentView')}
                  onSave={(write) => void loader.save(write, 'agentView')}
                  otherSaving={savingForm === 'connection'}
                  loadPreviewProfile={loader.previewProfile}
                  ProfilePreview={ProfilePreview}
                />
              </Section>
            </>
          ) : (
            <Section id="connect" title={t('UnifiedProfilesUnifyConnectHeading')}>
              <ConnectionDetails config={config} />
            </Section>
          )}
          <Section id="changes" title={t('UnifiedProfilesUnifyChangesHeading')}>
            <ChangeHistory audit={config.audit} />
          </Section>
        </>
      )}
    </Box>
  );
}
