import type { UnifyCheckResult } from '../config/unify-contract';
import { ApiError } from '../http/api-error';
import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import { DEFAULT_IDENTIFIER_PRIORITY, withSettingDefaults } from '../profile/settings';
import {
  applyChange,
  changedFields,
  changesSettings,
  changesSince,
  fitToSyncLimit,
  unusedIdentifierSettings,
  withLastCheck,
  type SecretSealer,
} from './config-changes';
import {
  EMPTY_CONFIG,
  publicRevision,
  readConfigDocument,
  SETTING_FIELDS,
  type StoredUnifyConfig,
} from './config-document';
import { invalidConfig, type UnifyConfigChange } from './config-write';
import { openSecret, sealSecret, SecretUnreadableError } from './secret-box';
import {
  recall,
  remember,
  sharedConfigCache,
  singleFlight,
  type ConfigCache,
  type LoadedConfig,
} from './settings-cache';
import { CONFIG_DOCUMENT_NAME, readStoreSetup, type StoreSetupProblem } from './store-environment';
import { ConfigConflictError, logStoreFailure, storeNotConfigured, storeUnavailable } from './store-errors';
import { SYNC_ERRORS, twilioRestError, type SyncService, type TwilioSyncClient } from './sync-api';
import { twilioClientFor } from '../twilio/twilio-client';

/** The Unify tab's settings, kept in a Sync document of the plugin's own service. */
export interface UnifyConfigStore {
  /** What keeps saving from working here (variables, never values); empty when it works. */
  readonly problems: StoreSetupProblem[];
  readonly settingsCacheSeconds: number;
  /**
   * The saved config (empty before the first save, or when the store is not set up), reused for
   * settingsCacheSeconds unless `fresh`; a stale copy stands in while Sync does not answer.
   */
  read(options?: { fresh?: boolean }): Promise<StoredUnifyConfig>;
  /**
   * Saves a validated change made by `by` (a Flex identity): ConfigConflictError when another
   * admin saved since `change.revision` (never for ticks of the setup checklist alone); 400
   * invalid_config when it would leave the layout's identifier settings outside the priority;
   * 503 when the store is not set up or Sync is down.
   */
  write(change: UnifyConfigChange, by: string): Promise<StoredUnifyConfig>;
  /** Keeps the last connection check. Never throws: false when it could not be kept (logged). */
  recordCheck(result: UnifyCheckResult): Promise<boolean>;
  /** A saved secret in clear, for the settings source; SecretUnreadableError for a wrong key. */
  revealSecret(config: StoredUnifyConfig, field: 'profileApiToken' | 'writeKey'): string | undefined;
}

export interface StoreDependencies {
  client: TwilioSyncClient;
  serviceSid: string;
  key: Buffer;
  settingsCacheSeconds: number;
  /** The identifier priority in effect when none is saved: SEGMENT_IDENTIFIER_PRIORITY, else the default. */
  fallbackPriority?: readonly string[];
  cache?: ConfigCache;
  now?: () => number;
}

/** A Sync call that hangs must not hold a Function past its 10 s limit. */
const SYNC_TIMEOUT_MS = 5_000;
/** Sync writes that lose a race are tried again from a fresh read (a recorded check, say). */
const WRITE_ATTEMPTS = 3;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('Sync did not answer in time')), SYNC_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A write that lost to another one between our read and our write: Sync's 412, or a create race's 409. */
function lostRace(error: unknown): boolean {
  const rest = twilioRestError(error);
  return (
    rest?.status === 412 ||
    rest?.code === SYNC_ERRORS.revisionMismatch ||
    (rest?.status === 409 && rest.code === SYNC_ERRORS.uniqueNameExists)
  );
}

/** The store over a Twilio client; getUnifyConfigStore builds it from a Function's context. */
export function createUnifyConfigStore(deps: StoreDependencies): UnifyConfigStore {
  const { client, serviceSid, key, settingsCacheSeconds } = deps;
  const cache = deps.cache ?? sharedConfigCache();
  const now = deps.now ?? Date.now;
  const fallbackPriority = deps.fallbackPriority ?? DEFAULT_IDENTIFIER_PRIORITY;
  const service: SyncService = client.sync.v1.services(serviceSid);
  const scope = `${client.sync.baseUrl}|${client.accountSid}|${serviceSid}`;
  const box: SecretSealer = {
    seal: (field, secret) => sealSecret(key, field, secret),
    tryOpen(field, sealed) {
      try {
        return openSecret(key, field, sealed);
      } catch {
        return undefined;
      }
    },
  };

  /** Once per instance: the service exists, and it is not Flex's default one, which agents' tokens read. */
  async function verifyService(): Promise<void> {
    if (cache.verifiedServices.has(scope)) return;
    const [own, flexDefault] = await Promise.allSettled([
      withTimeout(service.fetch()),
      withTimeout(client.sync.v1.services('default').fetch()),
    ]);
    if (own.status === 'rejected') {
      if (twilioRestError(own.reason)?.status !== 404) throw own.reason;
      throw storeNotConfigured([
        { variable: 'UNIFIED_PROFILES_SYNC_SERVICE_SID', problem: 'names no Sync service of this Twilio account' },
      ]);
    }
    const isFlexDefault =
      own.value.uniqueName === 'default' ||
      (flexDefault.status === 'fulfilled' && flexDefault.value.sid === serviceSid);
    if (isFlexDefault) {
      throw storeNotConfigured([
        {
          variable: 'UNIFIED_PROFILES_SYNC_SERVICE_SID',
          problem:
            'names the default Sync service, which every Flex user’s token can read: create a service for this plugin',
        },
      ]);
    }
    cache.verifiedServices.add(scope);
  }

  async function load(): Promise<LoadedConfig> {
    try {
      await verifyService();
      const document = await withTimeout(service.documents(CONFIG_DOCUMENT_NAME).fetch());
      return { config: readConfigDocument(document.data), syncRevision: document.revision };
    } catch (error) {
      if (twilioRestError(error)?.status === 404) return { config: EMPTY_CONFIG, syncRevision: null };
      if (error instanceof ApiError) throw error;
      logStoreFailure('read', error);
      throw storeUnavailable(error);
    }
  }

  async function loadFresh(): Promise<LoadedConfig> {
    const loaded = await load();
    remember(cache, scope, loaded, now());
    return loaded;
  }

  /** Creates the document on the first save, else updates it only if Sync still has `syncRevision`. */
  async function save(syncRevision: string | null, config: StoredUnifyConfig): Promise<LoadedConfig> {
    const data = fitToSyncLimit(config);
    const saved = await withTimeout(
      syncRevision === null
        ? service.documents.create({ uniqueName: CONFIG_DOCUMENT_NAME, data })
        : service.documents(CONFIG_DOCUMENT_NAME).update({ data, ifMatch: syncRevision }),
    );
    const loaded = { config: readConfigDocument(saved.data), syncRevision: saved.revision };
    // This instance sees its own save at once; others within settingsCacheSeconds.
    remember(cache, scope, loaded, now());
    return loaded;
  }

  /** Reads, changes and saves, again from a fresh read when another write slipped in between. */
  async function update(
    operation: string,
    change: (current: StoredUnifyConfig) => StoredUnifyConfig | null,
  ): Promise<StoredUnifyConfig> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await loadFresh();
      const next = change(current.config);
      if (!next) return current.config;
      try {
        return (await save(current.syncRevision, next)).config;
      } catch (error) {
        if (lostRace(error) && attempt < WRITE_ATTEMPTS) continue;
        logStoreFailure(operation, error);
        throw storeUnavailable(error);
      }
    }
  }

  return {
    problems: [],
    settingsCacheSeconds,

    async read({ fresh = false } = {}) {
      const cached = recall(cache, scope, settingsCacheSeconds * 1000, now());
      if (cached && !fresh) return cached.config;
      try {
        return (await singleFlight(cache, scope, loadFresh)).config;
      } catch (error) {
        const stale = cache.entries.get(scope);
        if (stale && !fresh && !(error instanceof ApiError && error.code === 'config_store_not_configured')) {
          return stale.config;
        }
        throw error;
      }
    },

    write(change, by) {
      const sent = SETTING_FIELDS.filter((field) => change[field] !== undefined);
      return update('write', (current) => {
        // Ticking setup steps merges into whatever is saved now (Sync's own revision guards the
        // write): it never conflicts with another admin's save, and needs no revision of its own.
        if (changesSettings(sent) && (change.revision ?? null) !== publicRevision(current)) {
          throw new ConfigConflictError(changesSince(current, change.revision), current);
        }
        const unused = unusedIdentifierSettings(current, change, fallbackPriority);
        if (unused) throw invalidConfig(unused);
        const fields = changedFields(current, change, box);
        return fields.length === 0 ? null : applyChange(current, change, fields, by, new Date(now()), box);
      });
    },

    async recordCheck(result) {
      try {
        await update('recordCheck', (current) => withLastCheck(current, result));
        return true;
      } catch (error) {
        if (!(error instanceof ApiError)) logStoreFailure('recordCheck', error);
        return false;
      }
    },

    revealSecret(config, field) {
      const sealed = config[field];
      return sealed ? openSecret(key, field, sealed) : undefined;
    },
  };
}

/** A store that cannot save: reads answer nothing saved (the environment alone applies), writes 503. */
function unconfiguredStore(problems: StoreSetupProblem[], settingsCacheSeconds: number): UnifyConfigStore {
  return {
    problems,
    settingsCacheSeconds,
    read: async () => EMPTY_CONFIG,
    write: async () => {
      throw storeNotConfigured(problems);
    },
    recordCheck: async () => false,
    revealSecret: () => undefined,
  };
}

/** The config store of this Function's service, from its environment (docs/configuration.md). */
export function getUnifyConfigStore(context: FunctionContext): UnifyConfigStore {
  const setup = readStoreSetup(context);
  if (!setup.ready) return unconfiguredStore(setup.problems, setup.settingsCacheSeconds);
  return createUnifyConfigStore({
    client: twilioClientFor(context),
    serviceSid: setup.ready.serviceSid,
    key: setup.ready.key,
    settingsCacheSeconds: setup.settingsCacheSeconds,
    fallbackPriority: withSettingDefaults({
      identifierPriority: contextValue(context, 'SEGMENT_IDENTIFIER_PRIORITY')?.split(','),
    }).identifierPriority,
  });
}

export { ConfigConflictError, SecretUnreadableError };
