import { missingSettings, readSettingsInput } from '../config/segment-settings';
import { environmentSettings } from '../config/settings-source';
import type { SecretState, UnifyConfigResponse } from '../config/unify-contract';
import type { FlexTokenResult } from '../auth/flex-token';
import { ApiError } from '../http/api-error';
import type { FunctionContext } from '../http/twilio-runtime';
import { segmentHealthOf } from '../profile/service';
import { withSettingDefaults } from '../profile/settings';
import { presentationOf } from '../profile/presentation';
import { publicRevision, type StoredUnifyConfig } from './config-document';
import { savedSettingsInput } from './saved-settings';
import { lastFour, type SealedSecret } from './secret-box';
import type { ConfigConflictError, UnifyConfigStore } from './unify-config-store';

function secretState(saved: SealedSecret | null, environment: string | undefined): SecretState {
  if (saved) return { set: true, last4: saved.last4, source: 'saved' };
  if (environment) return { set: true, last4: lastFour(environment), source: 'environment' };
  return { set: false, last4: null, source: null };
}

/**
 * What /unify-config answers: the settings in effect (saved over environment), secrets only as set
 * or not. Opens no secret, so a changed key cannot lock an admin out of the view that fixes it.
 */
export async function unifyConfigResponse(
  context: FunctionContext,
  store: UnifyConfigStore,
  config: StoredUnifyConfig,
  caller: FlexTokenResult,
): Promise<UnifyConfigResponse> {
  const environment = await environmentSettings.read(context);
  const saved = { name: 'saved', read: async () => savedSettingsInput(config, context) };
  const merged = await readSettingsInput(context, [environmentSettings, saved]);
  const profileApiToken = secretState(config.profileApiToken, environment.profileApiToken);
  const effective = withSettingDefaults(merged);
  return {
    connection: {
      workspaceSlug: merged.workspaceSlug ?? null,
      spaceId: merged.spaceId ?? null,
      region: merged.region ?? 'us',
      profileApiUrl: effective.profileApiUrl,
      profileApiToken,
      writeKey: secretState(config.writeKey, environment.writeKey),
      // The order /profile follows: saved, else SEGMENT_IDENTIFIER_PRIORITY, else the default.
      identifierPriority: effective.identifierPriority,
      // What /engagement keeps out of Segment: saved, else UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS, else none.
      engagementExcludedChannels: merged.engagementExcludedChannels ?? [],
      // What agents' Customer tab highlights: saved, else the recommended ones.
      highlightedTraits: presentationOf(merged).highlightedTraits,
      traitDisplay: presentationOf(merged).traitDisplay,
      customerTab: presentationOf(merged).customerTab,
    },
    revision: publicRevision(config),
    missing: missingSettings({ ...merged, profileApiToken: profileApiToken.set ? 'set' : undefined }),
    audit: config.audit.map(({ at, by, fields }) => ({ at, by, fields })),
    lastCheck: config.lastCheck,
    canEdit: caller.roles.includes('admin'),
    settingsCacheSeconds: store.settingsCacheSeconds,
    configStoreMissing: store.problems.map((problem) => problem.variable),
    // Measured by this instance's lookups: its circuit breaker for the space in effect.
    segmentHealth: merged.spaceId ? segmentHealthOf(effective) : { degraded: false, since: null },
    setupChecklist: config.setupChecklist,
  };
}

/** 409 config_conflict (UnifyConfigConflict): what changed since the admin's revision, by whom, and the config now. */
export async function conflictAnswer(
  context: FunctionContext,
  store: UnifyConfigStore,
  conflict: ConfigConflictError,
  caller: FlexTokenResult,
): Promise<ApiError> {
  const { changedFields, changedBy, changedAt } = conflict.changes;
  const what = changedFields.length > 0 ? changedFields.join(', ') : 'the settings';
  return new ApiError(
    409,
    'config_conflict',
    `${changedBy} changed ${what} after you opened these settings; nothing of yours was saved. Review their change, then save again.`,
    {
      error: { changedFields, changedBy, changedAt },
      body: { current: await unifyConfigResponse(context, store, conflict.current, caller) },
    },
  );
}
