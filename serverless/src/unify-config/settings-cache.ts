import type { StoredUnifyConfig } from './config-document';

/** The saved config as last read from Sync, with Sync's revision (for If-Match) and when it was read. */
export interface LoadedConfig {
  config: StoredUnifyConfig;
  /** null while no document exists. */
  syncRevision: string | null;
}

interface CachedConfig extends LoadedConfig {
  readAt: number;
}

/** Per process: what was read, reads in flight (one Sync call for a burst), services already checked. */
export interface ConfigCache {
  entries: Map<string, CachedConfig>;
  inflight: Map<string, Promise<LoadedConfig>>;
  verifiedServices: Set<string>;
}

export function createConfigCache(): ConfigCache {
  return { entries: new Map(), inflight: new Map(), verifiedServices: new Set() };
}

/**
 * Every Function is its own bundle with its own copy of this module; the cache lives on globalThis
 * so that on one instance /profile sees what /unify-config just saved, with no wait.
 */
const SHARED = Symbol.for('unified-profiles.saved-config-cache');

export function sharedConfigCache(): ConfigCache {
  const holder = globalThis as { [SHARED]?: ConfigCache };
  holder[SHARED] ??= createConfigCache();
  return holder[SHARED];
}

export function remember(cache: ConfigCache, scope: string, loaded: LoadedConfig, now: number): void {
  cache.entries.set(scope, { ...loaded, readAt: now });
}

/** The cached config if read less than maxAgeMs ago. */
export function recall(cache: ConfigCache, scope: string, maxAgeMs: number, now: number): CachedConfig | undefined {
  const cached = cache.entries.get(scope);
  return cached && now - cached.readAt < maxAgeMs ? cached : undefined;
}

/** One read at a time per scope: callers arriving while it runs share its answer. */
export function singleFlight(
  cache: ConfigCache,
  scope: string,
  load: () => Promise<LoadedConfig>,
): Promise<LoadedConfig> {
  const running = cache.inflight.get(scope);
  if (running) return running;
  const started = load().finally(() => cache.inflight.delete(scope));
  cache.inflight.set(scope, started);
  return started;
}
