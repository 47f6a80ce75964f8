import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CursorCodec } from './cursor';
import { errorResponse, invalidRequest, SegmentError, SimResponse, spaceNotFound, unauthorized } from './errors';
import { chooseFault, FaultSettings, NO_FAULTS } from './faults';
import { basicUser, decodeBody, readBody, retryHeaders, sleep, STATUS_ERRORS, writeAnswer } from './http-wire';
import { answerProfileRoute, parseProfileRoute } from './profile-api';
import { ProfileStore } from './profile-store';
import { DEFAULT_SEED } from './prng';
import { createRateLimiter, RateLimitStrategy } from './rate-limiter';
import { MAX_BATCH_BYTES, MissingIdentityAnswer, TrackingApi, TrackingCall } from './tracking-api';
import { SANDBOX_SERVER_OPTIONS } from '../http-timeouts';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  spaceId?: string;
  profileToken?: string;
  writeKey?: string;
  /** Generated customers beside the demo customers and edge cases. */
  customers?: number;
  /** Another seed gives another (equally deterministic) crowd; identifiers keep their shapes. */
  seed?: number;
  faults?: Partial<FaultSettings>;
  /** Profile API requests per second per space before 429 (Segment's documented 100). */
  rateLimitPerSecond?: number;
  rateLimitStrategy?: RateLimitStrategy;
  /** Tracking API requests per second before 429 (Segment's documented 1,000 per workspace). */
  trackingRateLimitPerSecond?: number;
  /**
   * How the right token with an unknown space is answered; Segment documents neither. `unauthorized`
   * (default): 401, as a wrong token (and as the wrong region's host answers). `not_found`: 404 with
   * a not_found error about the space, not a profile. A wrong token is a 401 either way.
   */
  unknownSpace?: UnknownSpaceAnswer;
  /**
   * The simulator's clock, in milliseconds since the epoch (default `Date.now`). It dates the generated data
   * at start-up, stamps tracked messages as received, bounds the 14-day events look-back (counted from each
   * request) and expires messageId de-duplication after 24 hours. Tests pass a clock they can move.
   */
  clock?: () => number;
  /**
   * How a single Tracking API call without `userId` and `anonymousId` is answered; Segment's page reads both
   * ways. `dropped` (default): 200, rejected in the debugger with `no_user_anon_id`. `bad_request`: 400 with
   * `{"error":{"code":"no_user_anon_id",…}}`.
   */
  missingIdentity?: MissingIdentityAnswer;
  /**
   * Adds the optional Total outbounds computed trait (`total_outbounds`: Flex - Engagement Initiated with
   * direction Outbound) to every profile. Off by default: a Segment for Flex space is entitled to two computed
   * traits, and the two recommended are Total inbounds and Frequent inbound channel.
   */
  totalOutbounds?: boolean;
}

export type UnknownSpaceAnswer = 'unauthorized' | 'not_found';

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  at: string;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: Partial<FaultSettings>): void;
  resetFaults(): void;
  /** Requests received on Segment's routes, oldest first. */
  requests: RecordedRequest[];
}

const MAX_RECORDED_REQUESTS = 10_000;
const MAX_CUSTOMERS = 1_000_000;
/** How long a queued "slow" answer trickles when no slowBodyMs is set. */
const DEFAULT_SLOW_BODY_MS = 1000;
/** A JSON object, or undefined for anything else (invalid JSON, an array, null, a number). */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the Segment simulator: Profile API and Tracking API on Segment's paths, plus /__sim/ admin routes. */
export async function startSegmentSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const spaceId = options.spaceId ?? 'spa_sandbox';
  const profileToken = options.profileToken ?? 'sandbox-profile-token';
  const writeKey = options.writeKey ?? 'sandbox-write-key';
  const unknownSpace = options.unknownSpace ?? 'unauthorized';
  if (unknownSpace !== 'unauthorized' && unknownSpace !== 'not_found') {
    throw new Error('unknownSpace must be unauthorized or not_found.');
  }
  const customers = options.customers ?? 1000;
  // Crowd phones are +1650 and seven digits from 2,000,000: room for a million customers.
  if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) {
    throw new Error(`customers must be an integer from 0 to ${MAX_CUSTOMERS.toLocaleString('en')}.`);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new Error('seed must be an integer.');
  const missingIdentity = options.missingIdentity ?? 'dropped';
  if (missingIdentity !== 'dropped' && missingIdentity !== 'bad_request') {
    throw new Error('missingIdentity must be dropped or bad_request.');
  }
  const clock = options.clock ?? Date.now;
  const store = new ProfileStore(customers, clock(), options.seed ?? DEFAULT_SEED, options.totalOutbounds ?? false);
  const tracking = new TrackingApi(store, { clock, missingIdentity });
  const cursors = new CursorCodec();
  const limiter = createRateLimiter(options.rateLimitPerSecond ?? 100, options.rateLimitStrategy);
  // The Tracking API's own documented ceiling: 1,000 requests per second per workspace.
  const trackingLimiter = createRateLimiter(options.trackingRateLimitPerSecond ?? 1000, options.rateLimitStrategy);
  let faults: FaultSettings = { ...NO_FAULTS, ...options.faults, next: [...(options.faults?.next ?? [])] };
  const requests: RecordedRequest[] = [];
  let origin = '';

  const record = (method: string, path: string, status: number) => {
    requests.push({ method, path, status, at: new Date().toISOString() });
    if (requests.length > MAX_RECORDED_REQUESTS) requests.shift();
  };

  async function admin(request: IncomingMessage, url: URL): Promise<SimResponse> {
    const route = url.pathname.replace(/^\/__sim\//, '');
    if (route === 'health') {
      const body = { ok: true, spaceId, customers: store.crowdSize, seed: store.seed, profilesHeld: store.heldCount };
      return { status: 200, body };
    }
    if (route === 'faults') {
      if (request.method === 'PUT') {
        const patch = parseObject((await readBody(request, 65_536)).toString() || '{}') as
          Partial<FaultSettings> | undefined;
        if (!patch) return errorResponse(invalidRequest('The faults must be a JSON object.'));
        faults = { ...faults, ...patch, next: patch.next ? [...patch.next] : faults.next };
      } else if (request.method === 'DELETE') {
        faults = { ...NO_FAULTS, next: [] };
      }
      return { status: 200, body: { faults } };
    }
    if (route === 'requests') {
      if (request.method === 'DELETE') requests.length = 0;
      return { status: 200, body: { requests } };
    }
    if (route === 'debugger') return { status: 200, body: { messages: tracking.debugger } };
    const profileMatch = /^profiles\/(use_[A-Za-z0-9_-]+)$/.exec(route);
    if (profileMatch) {
      const profile = store.get(profileMatch[1]);
      return profile
        ? { status: 200, body: { profile } }
        : { status: 404, body: { error: { code: 'not_found', message: 'Profile was not found.' } } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'Unknown simulator admin route.' } } };
  }

  async function segment(request: IncomingMessage, url: URL): Promise<SimResponse> {
    const tracked = /^\/v1\/(track|identify|page|screen|group|alias|batch|import)\/?$/.exec(url.pathname);
    if (tracked) {
      if (request.method !== 'POST') throw invalidRequest('Use POST.');
      // The limits hold for the JSON: a gzip body is decompressed first, and measured after.
      const limit = MAX_BATCH_BYTES + 1024;
      const raw = decodeBody(await readBody(request, limit), request.headers['content-encoding'], limit);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalidRequest('Invalid JSON.');
      }
      // Valid JSON that is not an object (null, an array, a number) is as unusable as invalid JSON: a 400.
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw invalidRequest('The body must be a JSON object.');
      }
      const body = parsed as Record<string, unknown>;
      const key =
        basicUser(request.headers.authorization, true) ??
        (typeof body.writeKey === 'string' ? body.writeKey : undefined);
      // Segment's edge answers 400 for a missing key but 200 for a wrong one (the messages are dropped later).
      if (!key) throw invalidRequest('A write key is required: Basic auth user name or writeKey in the body.');
      if (!trackingLimiter.tryAcquire()) {
        const headers = { 'Retry-After': '1', 'X-RateLimit-Reset': '1' };
        throw new SegmentError(429, 'rate_limit_error', STATUS_ERRORS[429][1], headers);
      }
      return tracking.receive(tracked[1] as TrackingCall, body, raw.length, key === writeKey);
    }
    const space = /^\/v1\/spaces\/([^/]+)\//.exec(url.pathname)?.[1];
    if (space === undefined) return { status: 404, body: { error: { code: 'not_found', message: 'Not found.' } } };
    // Authentication comes first, so a caller without the token learns nothing about ids or parameters.
    // A wrong token, a token of another space and an unknown space all look alike by default.
    if (basicUser(request.headers.authorization) !== profileToken) throw unauthorized();
    if (space !== spaceId) throw unknownSpace === 'not_found' ? spaceNotFound() : unauthorized();
    if (!limiter.tryAcquire()) throw new SegmentError(429, 'rate_limit_error', STATUS_ERRORS[429][1]);
    if (request.method !== 'GET') throw invalidRequest('The Profile API answers GET only.');
    const route = parseProfileRoute(url.pathname);
    if (!route) return { status: 404, body: { error: { code: 'not_found', message: 'Not found.' } } };
    return answerProfileRoute(route, url.searchParams, { store, cursors, origin, now: clock() });
  }

  const server = createServer(SANDBOX_SERVER_OPTIONS, async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const path = `${url.pathname}${url.search}`;
    try {
      if (url.pathname.startsWith('/__sim/')) {
        await writeAnswer(response, await admin(request, url), undefined, 0);
        return;
      }
      const fault = chooseFault(faults, path);
      const delay = faults.latencyMs + Math.random() * faults.jitterMs;
      if (delay > 0) await sleep(delay);
      if (fault === 'drop') {
        record(request.method ?? 'GET', path, 0);
        request.socket.destroy();
        return;
      }
      let answer: SimResponse;
      if (typeof fault === 'number') {
        const [code, message] = STATUS_ERRORS[fault];
        const headers: Record<string, string> = fault === 429 ? retryHeaders(url.pathname, faults) : {};
        answer = errorResponse(new SegmentError(fault, code, message), headers);
      } else {
        try {
          answer = await segment(request, url);
        } catch (error) {
          if (!(error instanceof SegmentError)) throw error;
          answer = errorResponse(error, error.headers);
        }
      }
      record(request.method ?? 'GET', path, answer.status);
      await writeAnswer(response, answer, fault, faults.slowBodyMs || DEFAULT_SLOW_BODY_MS);
    } catch {
      if (!response.headersSent)
        await writeAnswer(
          response,
          errorResponse(new SegmentError(500, 'internal_error', 'Internal server error.')),
          undefined,
          0,
        );
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: origin,
    port,
    requests,
    setFaults(patch) {
      faults = { ...faults, ...patch, next: patch.next ? [...patch.next] : faults.next };
    },
    resetFaults() {
      faults = { ...NO_FAULTS, next: [] };
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
