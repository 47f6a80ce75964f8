/** What the check may log about one Segment call: never a URL, a token, a write key or an identifier. */
export interface CheckCallLogEntry {
  call: CheckCallName;
  outcome: 'answered' | 'timeout' | 'network_error';
  status?: number;
  requestId?: string;
  attempt: number;
  ms: number;
}

export type CheckCallName =
  'profile_probe' | 'other_region_probe' | 'track' | 'readback' | 'sample_traits' | 'sample_events';

export type CheckCallLogger = (entry: CheckCallLogEntry) => void;

export const consoleCheckCallLogger: CheckCallLogger = ({ call, outcome, status, requestId, attempt, ms }) =>
  console.log(JSON.stringify({ msg: 'unify_check_call', call, outcome, status, requestId, attempt, ms }));

/** The clock and network the check runs on; tests inject their own. */
export interface CheckDeps {
  fetch: typeof fetch;
  now: () => number;
  /** Resolves after `ms`, or early once `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  log: CheckCallLogger;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const defaultCheckDeps: CheckDeps = {
  fetch: (...args) => fetch(...args),
  now: Date.now,
  sleep,
  log: consoleCheckCallLogger,
};

/** One attempt's result: Segment's answer, or why there was none. */
export type Attempt =
  | { kind: 'answered'; status: number; body: unknown; requestId?: string }
  | { kind: 'timeout' }
  | { kind: 'network_error' };

/** The last attempt of a call, and how many were made. */
export interface CallResult {
  last: Attempt;
  attempts: number;
  /** From the first attempt to the last answer, back-off included. */
  ms: number;
}

export interface CallPolicy {
  maxAttempts: number;
  attemptTimeoutMs: number;
  /** Back-off before retry n (1-based): base · 2^(n-1). */
  baseBackoffMs: number;
}

/** Worth trying again: no answer, a 5xx, or 429. Everything else is Segment's word on the request. */
export function isTransient(attempt: Attempt): boolean {
  return attempt.kind !== 'answered' || attempt.status >= 500 || attempt.status === 429;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** Calls Segment under one deadline shared by the whole check: every attempt's time-out ends by it. */
export class SegmentCaller {
  constructor(
    private readonly deps: CheckDeps,
    private readonly deadline: number,
  ) {}

  remainingMs(): number {
    return Math.max(0, this.deadline - this.deps.now());
  }

  /** Tries up to `policy.maxAttempts` times while the answer is transient and the deadline allows. */
  async call(name: CheckCallName, url: string, init: RequestInit, policy: CallPolicy): Promise<CallResult> {
    const started = this.deps.now();
    let last: Attempt = { kind: 'timeout' };
    let attempts = 0;
    while (attempts < policy.maxAttempts) {
      if (attempts > 0) {
        const backoff = policy.baseBackoffMs * 2 ** (attempts - 1);
        if (backoff >= this.remainingMs()) break;
        await this.deps.sleep(backoff);
      }
      const timeoutMs = Math.min(policy.attemptTimeoutMs, this.remainingMs());
      if (timeoutMs <= 0) break;
      attempts += 1;
      last = await this.attempt(name, url, init, attempts, timeoutMs);
      if (!isTransient(last)) break;
    }
    return { last, attempts, ms: this.deps.now() - started };
  }

  private async attempt(
    name: CheckCallName,
    url: string,
    init: RequestInit,
    attempt: number,
    timeoutMs: number,
  ): Promise<Attempt> {
    const started = this.deps.now();
    const abort = new AbortController();
    const settled = new AbortController();
    void this.deps.sleep(timeoutMs, settled.signal).then(() => {
      if (!settled.signal.aborted) abort.abort();
    });
    const log = (entry: Omit<CheckCallLogEntry, 'call' | 'attempt' | 'ms'>) =>
      this.deps.log({ call: name, attempt, ms: this.deps.now() - started, ...entry });
    try {
      const response = await this.deps.fetch(url, { ...init, signal: abort.signal });
      const body = parseBody(await response.text());
      const requestId = response.headers.get('request-id') ?? undefined;
      log({ outcome: 'answered', status: response.status, requestId });
      return { kind: 'answered', status: response.status, body, requestId };
    } catch {
      const timedOut = abort.signal.aborted;
      log({ outcome: timedOut ? 'timeout' : 'network_error' });
      return timedOut ? { kind: 'timeout' } : { kind: 'network_error' };
    } finally {
      settled.abort();
    }
  }
}

/** Basic auth as Segment takes it: the secret as user name, an empty password. */
export function basicAuthorization(secret: string): string {
  return `Basic ${Buffer.from(`${secret}:`).toString('base64')}`;
}

/** A query string with spaces as %20 (never `+`, which Segment's ids and names must not carry unencoded). */
export function queryString(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
}
