import { ApiError } from '../http/api-error';
import type { SegmentSettings } from './settings';
import type { CircuitBreakerPolicy } from 'cockatiel';

import { RequestPacer } from './request-pacer';
import { createSegmentBreaker, degradedError, isBrokenCircuit, SegmentOutage } from './segment-breaker';
import { UpstreamBudget } from './upstream-budget';
import { consoleUpstreamLogger, type UpstreamLogEntry, type UpstreamLogger } from './upstream-log';

export type ProfileRoute = UpstreamLogEntry['route'];

export interface ProfileApiCall {
  route: ProfileRoute;
  /** Path under /v1/spaces/<space>/, already made of safe segments (see IdentifierCandidate.pathId). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
}

export interface ProfileApiClientOptions {
  attemptTimeoutMs?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Segment's documented limit per space. */
  requestsPerSecond?: number;
  pacer?: RequestPacer;
  /** The space's circuit breaker (shared by every client of the space in a process). */
  breaker?: CircuitBreakerPolicy;
  logger?: UpstreamLogger;
  fetch?: typeof fetch;
  random?: () => number;
}

/** Docs say traits' limit goes to 200 in one place and 1..100 in another: ask 200, fall back to 100 once refused. */
const SMALL_PAGE_LIMIT = 100;

interface AttemptFailure {
  retryable: boolean;
  error: ApiError;
  retryAfterMs?: number;
  /** Segment itself failed (no answer, 5xx, a broken body): what the circuit breaker counts. */
  outage?: boolean;
}

type AttemptOutcome<T> = { body: T | null } | { failure: AttemptFailure };

const authFailed = (status: number) =>
  new ApiError(
    502,
    'segment_auth_failed',
    `Segment refused the Profile API credentials (HTTP ${status}). Check the Profile API token, the space id, ` +
      'and the region: an EU space answers only on https://profiles.euw1.segment.com with a token made in the EU app.',
  );
const unavailable = (what: string) =>
  new ApiError(503, 'segment_unavailable', `Segment's Profile API is unavailable (${what}); try again shortly.`);
const rateLimited = () =>
  new ApiError(429, 'rate_limited', 'Segment kept answering "too many requests" (429); try again in a few seconds.');

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The Segment Profile API, read side: auth, time-outs, pacing, retries within a budget. */
/** What a 4xx other than 401/403/404/429 means for the caller: a stale cursor, a bad identifier, or neither. */
function refusal(status: number, call: ProfileApiCall): ApiError {
  if (status !== 400) return unavailable(`unexpected HTTP ${status}`);
  if (call.query?.next !== undefined) {
    return new ApiError(400, 'invalid_cursor', 'Segment refused the timeline cursor (HTTP 400): reload the profile.');
  }
  return new ApiError(400, 'invalid_identifier', 'Segment refused the identifier as invalid (HTTP 400).');
}

export class ProfileApiClient {
  /** HTTP requests sent, retries included: what the space's rate limit counts. */
  requestsSent = 0;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly options: Required<Omit<ProfileApiClientOptions, 'pacer' | 'breaker' | 'requestsPerSecond'>>;
  readonly pacer: RequestPacer;
  readonly breaker: CircuitBreakerPolicy;
  private largeLimitRefused = false;

  constructor(settings: SegmentSettings, options: ProfileApiClientOptions = {}) {
    this.baseUrl = `${settings.profileApiUrl.replace(/\/+$/, '')}/v1/spaces/${encodeURIComponent(settings.spaceId)}/`;
    this.authorization = `Basic ${Buffer.from(`${settings.profileApiToken}:`).toString('base64')}`;
    this.pacer = options.pacer ?? new RequestPacer(options.requestsPerSecond ?? 100);
    this.breaker = options.breaker ?? createSegmentBreaker();
    this.options = {
      attemptTimeoutMs: options.attemptTimeoutMs ?? 3_000,
      maxAttempts: options.maxAttempts ?? 6,
      baseBackoffMs: options.baseBackoffMs ?? 150,
      maxBackoffMs: options.maxBackoffMs ?? 2_000,
      logger: options.logger ?? consoleUpstreamLogger,
      fetch: options.fetch ?? fetch,
      random: options.random ?? Math.random,
    };
  }

  /** GETs a JSON document; null when Segment answers 404 (no such profile). */
  async get<T>(call: ProfileApiCall, budget: UpstreamBudget): Promise<T | null> {
    let failure: AttemptFailure | undefined;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      if (failure) {
        const delay = this.backoffMs(attempt - 1, failure.retryAfterMs);
        if (delay >= budget.remainingMs()) throw failure.error;
        await budget.charge(() => new Promise((resolve) => setTimeout(resolve, delay)));
      }
      if (budget.remainingMs() <= 0) throw failure?.error ?? unavailable('time budget used up');
      if (budget.signal.aborted) throw failure?.error ?? unavailable('the lookup was abandoned');
      const outcome = await this.attempt<T>(call, attempt, budget);
      if (!('failure' in outcome)) return outcome.body;
      failure = outcome.failure;
      if (!failure.retryable) throw failure.error;
    }
    throw failure?.error ?? unavailable('no attempt made');
  }

  private backoffMs(retry: number, retryAfterMs?: number): number {
    const exponential = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (retry - 1));
    const jittered = exponential / 2 + (this.options.random() * exponential) / 2;
    // Retry-After is Segment's word; a little jitter keeps queued callers from waking together.
    return retryAfterMs !== undefined ? retryAfterMs + this.options.random() * 50 : jittered;
  }

  private urlOf(call: ProfileApiCall): string {
    const url = new URL(call.path, this.baseUrl);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      const limited = name === 'limit' && this.largeLimitRefused ? Math.min(Number(value), SMALL_PAGE_LIMIT) : value;
      url.searchParams.set(name, String(limited));
    }
    return url.toString();
  }

  /** One attempt through the space's circuit breaker: while it is open, a failure at once, no request. */
  private async attempt<T>(call: ProfileApiCall, attempt: number, budget: UpstreamBudget): Promise<AttemptOutcome<T>> {
    try {
      return await this.breaker.execute(async () => {
        const outcome = await this.attemptOnce<T>(call, attempt, budget);
        if ('failure' in outcome && outcome.failure.outage) throw new SegmentOutage(outcome.failure.error);
        return outcome;
      });
    } catch (error) {
      if (error instanceof SegmentOutage) {
        return { failure: { retryable: true, error: error.error } };
      }
      if (isBrokenCircuit(error)) return { failure: { retryable: false, error: degradedError() } };
      throw error;
    }
  }

  private async attemptOnce<T>(
    call: ProfileApiCall,
    attempt: number,
    budget: UpstreamBudget,
  ): Promise<AttemptOutcome<T>> {
    const queuedMs = await this.pacer.take();
    if (budget.signal.aborted) return { failure: { retryable: false, error: unavailable('the lookup was abandoned') } };
    const started = Date.now();
    const log = (entry: Pick<UpstreamLogEntry, 'outcome' | 'status' | 'requestId'>) =>
      this.options.logger({
        route: call.route,
        attempt,
        ms: Date.now() - started,
        queuedMs: Math.round(queuedMs),
        ...entry,
      });
    const timeoutMs = Math.max(1, Math.min(this.options.attemptTimeoutMs, budget.remainingMs()));
    this.requestsSent += 1;
    budget.requests += 1;
    let response: Response;
    let text: string;
    // One controller with a timer we own: AbortSignal.any over AbortSignal.timeout can be garbage-collected
    // before it fires on Node 20, leaving a hung Segment call hanging the lookup.
    const attemptAbort = new AbortController();
    const timer = setTimeout(
      () => attemptAbort.abort(new DOMException('attempt timed out', 'TimeoutError')),
      timeoutMs,
    );
    const abortWithBudget = () => attemptAbort.abort(budget.signal.reason);
    budget.signal.addEventListener('abort', abortWithBudget, { once: true });
    try {
      [response, text] = await budget.charge(async () => {
        const res = await this.options.fetch(this.urlOf(call), {
          headers: { authorization: this.authorization, accept: 'application/json' },
          signal: attemptAbort.signal,
        });
        return [res, await res.text()] as const;
      });
    } catch (error) {
      // Checked by name: the DOMException may come from another realm than this module's Error.
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      log({ outcome: timedOut ? 'timeout' : 'network_error' });
      return {
        failure: {
          retryable: true,
          outage: true,
          error: unavailable(timedOut ? 'it did not answer in time' : 'the connection failed'),
        },
      };
    } finally {
      clearTimeout(timer);
      budget.signal.removeEventListener('abort', abortWithBudget);
    }
    const status = response.status;
    const requestId = response.headers.get('request-id') ?? undefined;
    if (status === 404) {
      log({ outcome: 'not_found', status, requestId });
      return { body: null };
    }
    if (status === 401 || status === 403) {
      log({ outcome: 'auth_failed', status, requestId });
      return { failure: { retryable: false, error: authFailed(status) } };
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      this.pacer.tooFast(retryAfterMs); // halves its rate, and holds every start until Retry-After
      log({ outcome: 'rate_limited', status, requestId });
      return { failure: { retryable: true, error: rateLimited(), retryAfterMs } };
    }
    if (status >= 500) {
      log({ outcome: 'server_error', status, requestId });
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return { failure: { retryable: true, outage: true, error: unavailable(`HTTP ${status}`), retryAfterMs } };
    }
    if (status === 400 && Number(call.query?.limit) > SMALL_PAGE_LIMIT && !this.largeLimitRefused) {
      log({ outcome: 'rejected', status, requestId });
      this.largeLimitRefused = true;
      return { failure: { retryable: true, error: unavailable('it refused the page size'), retryAfterMs: 0 } };
    }
    if (status < 200 || status >= 300) {
      log({ outcome: 'rejected', status, requestId });
      // Refused at the small page size too: the page size was not the problem, so keep asking for large pages.
      if (status === 400 && Number(call.query?.limit) > SMALL_PAGE_LIMIT) this.largeLimitRefused = false;
      return { failure: { retryable: false, error: refusal(status, call) } };
    }
    try {
      const body = JSON.parse(text) as T;
      if (body === null || typeof body !== 'object') throw new SyntaxError('not an object');
      this.pacer.accepted();
      log({ outcome: 'ok', status, requestId });
      return { body };
    } catch {
      // A 2xx whose body is not a JSON object is a fault on the way (a proxy's page, a body cut short
      // at a gateway), not an answer about this profile: retried like a 5xx, within the same budget.
      log({ outcome: 'bad_json', status, requestId });
      return { failure: { retryable: true, outage: true, error: unavailable('it answered with malformed JSON') } };
    }
  }
}
