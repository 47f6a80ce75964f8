import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import { parseConfigKey } from './secret-box';
import { twilioCredentialsMissing } from '../twilio/twilio-client';

/** The Sync document the settings live in, in the plugin's own Sync service. */
export const CONFIG_DOCUMENT_NAME = 'unified-profiles-config';

/** How long an instance reuses the saved settings before reading Sync again (a save on another instance shows within this). */
export const DEFAULT_SETTINGS_CACHE_SECONDS = 10;
const MAX_SETTINGS_CACHE_SECONDS = 300;

/** A variable the store needs, and what is wrong with it. */
export interface StoreSetupProblem {
  variable: string;
  problem: string;
}

export interface StoreEnvironment {
  serviceSid: string;
  key: Buffer;
}

export interface StoreSetup {
  settingsCacheSeconds: number;
  /** Set when every variable the store needs is there and well-formed. */
  ready: StoreEnvironment | null;
  problems: StoreSetupProblem[];
}

const SYNC_SERVICE_SID = /^IS[0-9a-f]{32}$/;

function cacheSeconds(context: FunctionContext): number {
  const value = Number(contextValue(context, 'UNIFIED_PROFILES_SETTINGS_CACHE_SECONDS') ?? NaN);
  return Number.isInteger(value) && value >= 0 && value <= MAX_SETTINGS_CACHE_SECONDS
    ? value
    : DEFAULT_SETTINGS_CACHE_SECONDS;
}

/** Reads what the config store needs from the environment; never a value in a problem. */
export function readStoreSetup(context: FunctionContext): StoreSetup {
  const problems: StoreSetupProblem[] = [];
  const serviceSid = contextValue(context, 'UNIFIED_PROFILES_SYNC_SERVICE_SID');
  if (!serviceSid) {
    problems.push({ variable: 'UNIFIED_PROFILES_SYNC_SERVICE_SID', problem: 'is not set' });
  } else if (!SYNC_SERVICE_SID.test(serviceSid)) {
    // "default" is refused here too: Flex's default service is readable by every agent's token.
    problems.push({
      variable: 'UNIFIED_PROFILES_SYNC_SERVICE_SID',
      problem: 'must be the SID (IS…) of a Sync service created for this plugin',
    });
  }
  const keyText = contextValue(context, 'UNIFIED_PROFILES_CONFIG_KEY');
  const key = keyText ? parseConfigKey(keyText) : null;
  if (!keyText) {
    problems.push({ variable: 'UNIFIED_PROFILES_CONFIG_KEY', problem: 'is not set' });
  } else if (!key) {
    problems.push({
      variable: 'UNIFIED_PROFILES_CONFIG_KEY',
      problem: 'must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits',
    });
  }
  for (const variable of twilioCredentialsMissing(context)) problems.push({ variable, problem: 'is not set' });
  return {
    settingsCacheSeconds: cacheSeconds(context),
    ready: problems.length === 0 && serviceSid && key ? { serviceSid, key } : null,
    problems,
  };
}

/** "UNIFIED_PROFILES_CONFIG_KEY is not set; …" for a message an admin acts on. */
export function describeStoreProblems(problems: StoreSetupProblem[]): string {
  return problems.map(({ variable, problem }) => `${variable} ${problem}`).join('; ');
}
