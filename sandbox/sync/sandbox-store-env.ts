import { SANDBOX_SYNC_SERVICE_SID } from './sync-shape';

/**
 * The sandbox's config key: 32 bytes, base64, as `openssl rand -base64 32` prints one. Public on
 * purpose: it guards only the sandbox's made-up tokens in SANDBOX_DATA_DIR.
 */
export const SANDBOX_CONFIG_KEY = Buffer.from('unified-profiles-sandbox-key-32b').toString('base64');

/** What the sandbox's Functions need to keep Unify settings in the Sync stand-in at `syncUrl`. */
export function sandboxConfigStoreEnv(syncUrl: string): Record<string, string> {
  return {
    UNIFIED_PROFILES_SYNC_SERVICE_SID: SANDBOX_SYNC_SERVICE_SID,
    UNIFIED_PROFILES_CONFIG_KEY: SANDBOX_CONFIG_KEY,
    UNIFIED_PROFILES_TWILIO_API_BASE: syncUrl,
  };
}
