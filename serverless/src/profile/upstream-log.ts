/** The only facts about a Segment call that may be logged: no identifier, trait, URL or token. */
export interface UpstreamLogEntry {
  route: 'traits' | 'external_ids' | 'metadata' | 'events' | 'links' | 'account_traits';
  outcome:
    | 'ok'
    | 'not_found'
    | 'auth_failed'
    | 'rate_limited'
    | 'server_error'
    | 'timeout'
    | 'network_error'
    | 'bad_json'
    | 'rejected';
  status?: number;
  requestId?: string;
  attempt: number;
  ms: number;
  queuedMs: number;
}

export type UpstreamLogger = (entry: UpstreamLogEntry) => void;

export const consoleUpstreamLogger: UpstreamLogger = (entry) => {
  const { route, outcome, status, requestId, attempt, ms, queuedMs } = entry;
  console.log(JSON.stringify({ msg: 'segment_profile_api', route, outcome, status, requestId, attempt, ms, queuedMs }));
};

export const silentUpstreamLogger: UpstreamLogger = () => undefined;

/** One line per lookup: how it was answered and what it cost upstream; no identifier or trait. */
export interface LookupLogEntry {
  outcome: 'ok' | string;
  /** cache: answered from this instance's cache; shared: joined a lookup under way; segment: fetched. */
  source: 'cache' | 'shared' | 'segment' | 'none';
  candidates: number;
  /** The task carried a valid link to a profile, and the lookup went by it alone. */
  linked: boolean;
  upstreamRequests: number;
  ms: number;
}

export type LookupLogger = (entry: LookupLogEntry) => void;

export const consoleLookupLogger: LookupLogger = (entry) => {
  const { outcome, source, candidates, linked, upstreamRequests, ms } = entry;
  console.log(JSON.stringify({ msg: 'profile_lookup', outcome, source, candidates, linked, upstreamRequests, ms }));
};

export const silentLookupLogger: LookupLogger = () => undefined;
