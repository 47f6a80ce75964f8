import type { SegmentSettingsInput, SettingsSource } from '../config/settings-source';
import { ApiError } from '../http/api-error';
import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import type { StoredUnifyConfig } from './config-document';
import { regionUrl } from './region';
import { SecretUnreadableError } from './secret-box';
import { getUnifyConfigStore, type UnifyConfigStore } from './unify-config-store';

const SECRET_LABELS = { profileApiToken: 'Profile API token', writeKey: 'write key' } as const;

/**
 * The saved settings as a source: the non-secret ones, and the secrets when `store` is given to
 * open them. A saved region picks Segment's host unless the environment names another server.
 */
export function savedSettingsInput(
  config: StoredUnifyConfig,
  context: FunctionContext,
  store?: UnifyConfigStore,
): SegmentSettingsInput {
  const { region } = config;
  const input: SegmentSettingsInput = {
    spaceId: config.spaceId ?? undefined,
    workspaceSlug: config.workspaceSlug ?? undefined,
    region: region ?? undefined,
    identifierPriority: config.identifierPriority ? [...config.identifierPriority] : undefined,
    // [] is a choice (send every channel) that overrides the environment's list; null leaves it.
    engagementExcludedChannels: config.engagementExcludedChannels ? [...config.engagementExcludedChannels] : undefined,
    highlightedTraits: config.highlightedTraits ? [...config.highlightedTraits] : undefined,
    traitDisplay: config.traitDisplay ? { ...config.traitDisplay } : undefined,
    customerTab: config.customerTab ? structuredClone(config.customerTab) : undefined,
    profileApiUrl: region
      ? regionUrl(region, 'profileApiUrl', contextValue(context, 'SEGMENT_PROFILE_API_URL'))
      : undefined,
    trackingApiUrl: region
      ? regionUrl(region, 'trackingApiUrl', contextValue(context, 'SEGMENT_TRACKING_API_URL'))
      : undefined,
  };
  if (!store) return input;
  try {
    input.profileApiToken = store.revealSecret(config, 'profileApiToken');
    input.writeKey = store.revealSecret(config, 'writeKey');
  } catch (error) {
    if (!(error instanceof SecretUnreadableError)) throw error;
    const label = SECRET_LABELS[error.field as keyof typeof SECRET_LABELS] ?? error.field;
    throw new ApiError(
      503,
      'not_configured',
      `The ${label} saved in the Unify tab cannot be decrypted with UNIFIED_PROFILES_CONFIG_KEY (was the key changed?): an admin saves it again in the Unify tab.`,
    );
  }
  return input;
}

/** Settings saved in the Unify tab, read through the per-instance cache; nothing when the store is not set up. */
export const savedSettings: SettingsSource = {
  name: 'saved',
  async read(context) {
    const store = getUnifyConfigStore(context);
    if (store.problems.length > 0) return {};
    let saved;
    try {
      saved = await store.read();
    } catch (error) {
      // Sync down or the store misconfigured: lookups go on with the environment's settings.
      if (error instanceof ApiError && error.code.startsWith('config_store_')) {
        console.warn(JSON.stringify({ at: 'unified-profiles', msg: 'saved_settings_unavailable', code: error.code }));
        return {};
      }
      throw error;
    }
    return savedSettingsInput(saved, context, store);
  },
};
