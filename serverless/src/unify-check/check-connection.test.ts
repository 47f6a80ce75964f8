import { SEGMENT_HOSTS } from '../config/segment-hosts';
import type { UnifyCheckResult } from '../config/unify-contract';
import {
  CHECK_ANONYMOUS_ID,
  CHECK_EVENT_NAME,
  checkConnection,
  isProfileNotFound,
  notConfiguredCheck,
  summarise,
  writeKeyFingerprint,
  type CheckOptions,
  type CheckRequest,
} from './check-connection';
import { type ConnectionCheckSettings } from './check-settings';
import type { CheckCallLogEntry, CheckDeps } from './segment-call';

const TOKEN = 'tok_secret_profile_api_0001';
const WRITE_KEY = 'wk_secret_write_key_00000001';
const US = SEGMENT_HOSTS.us.profileApiUrl;
const EU = SEGMENT_HOSTS.eu.profileApiUrl;
const TRACKING = SEGMENT_HOSTS.us.trackingApiUrl;

const settings = (patch: Partial<ConnectionCheckSettings> = {}): ConnectionCheckSettings => ({
  profileApiUrl: US,
  spaceId: 'spa_test',
  profileApiToken: TOKEN,
  otherRegionProfileApiUrl: EU,
  trackingApiUrl: TRACKING,
  writeKey: WRITE_KEY,
  ...patch,
});

type Reply = { status: number; body?: unknown } | 'network' | 'hang';

interface Seen {
  method: string;
  url: string;
  authorization: string;
  body?: Record<string, unknown>;
}

/**
 * A stand-in for Segment on both hosts. By default: the token works on the US host only, the check
 * profile exists and shows every check event tracked so far, Ana has a profile with Flex events.
 */
function fakeSegment(overrides: { route?: (seen: Seen) => Reply | undefined } = {}) {
  const seen: Seen[] = [];
  const tracked: Array<Record<string, unknown>> = [];
  const defaultReply = (request: Seen): Reply => {
    const url = new URL(request.url);
    if (request.method === 'POST') {
      tracked.push(request.body ?? {});
      return { status: 200, body: { success: true } };
    }
    if (request.authorization !== `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}` || url.origin !== US) {
      return { status: 401, body: { error: { code: 'authentication_error', message: 'Unauthorized.' } } };
    }
    const notFound = { status: 404, body: { error: { code: 'not_found', message: 'Profile was not found.' } } };
    if (url.pathname.includes(`anonymous_id:${CHECK_ANONYMOUS_ID}/metadata`)) return notFound;
    if (url.pathname.includes(`anonymous_id:${CHECK_ANONYMOUS_ID}/events`)) {
      const data = tracked.map((event) => ({
        type: 'track',
        event: event.event,
        message_id: event.messageId,
        timestamp: event.timestamp,
        properties: event.properties,
      }));
      return { status: 200, body: { data: data.reverse(), cursor: { has_more: false, next: '' } } };
    }
    if (url.pathname.includes('email:ana%40example.com/traits')) return { status: 200, body: { traits: { a: 1 } } };
    if (url.pathname.includes('email:ana%40example.com/events')) {
      return {
        status: 200,
        body: { data: [{ event: 'Flex - Engagement Initiated', timestamp: '2026-11-20T10:00:00Z' }] },
      };
    }
    return notFound;
  };
  const fakeFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const request: Seen = {
      method: init.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization') ?? '',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const reply = overrides.route?.(request) ?? defaultReply(request);
    if (reply === 'network') throw new TypeError('fetch failed');
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        const signal = init.signal;
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    }
    const text =
      reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: { 'Request-Id': 'req-1' } });
  };
  return { fetch: fakeFetch as typeof fetch, seen, tracked };
}

const paths = (seen: Seen[]) =>
  seen.map(({ method, url }) => `${method} ${new URL(url).origin}${new URL(url).pathname}`);

async function run(
  segment: ReturnType<typeof fakeSegment>,
  patch: Partial<ConnectionCheckSettings> = {},
  request: Partial<CheckRequest> = {},
  options: Partial<CheckOptions> = {},
) {
  const logs: CheckCallLogEntry[] = [];
  const deps: Partial<CheckDeps> = { fetch: segment.fetch, log: (entry) => logs.push(entry) };
  const started = Date.now();
  const result = await checkConnection(settings(patch), { checkedBy: 'admin@example.com', ...request }, deps, {
    budgetMs: 1_000,
    attemptTimeoutMs: 400,
    readbackIntervalMs: 20,
    ...options,
  });
  return { result, logs, elapsed: Date.now() - started };
}

const byStep = (result: UnifyCheckResult) => Object.fromEntries(result.steps.map((item) => [item.step, item]));
const ana = { type: 'email', pathId: 'email:ana%40example.com' };

describe('checkConnection: a working connection', () => {
  it('passes: the Profile API takes the token, the check event comes back; profiles and Flex events unmeasured', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment);
    expect(result).toMatchObject({ status: 'passed', code: 'ok', checkedBy: 'admin@example.com' });
    expect(result.steps.map(({ step, status, code }) => [step, status, code])).toEqual([
      ['profile_api', 'passed', 'ok'],
      ['profiles', 'skipped', 'ok'],
      ['tracking_api', 'passed', 'ok'],
      ['flex_events', 'skipped', 'ok'],
    ]);
    expect(byStep(result).profile_api.message).toContain("Segment's US host");
    expect(byStep(result).profiles.message).toMatch(/cannot count/);
    expect(paths(segment.seen)).toEqual([
      `GET ${US}/v1/spaces/spa_test/collections/users/profiles/anonymous_id:${CHECK_ANONYMOUS_ID}/metadata`,
      `POST ${TRACKING}/v1/track`,
      `GET ${US}/v1/spaces/spa_test/collections/users/profiles/anonymous_id:${CHECK_ANONYMOUS_ID}/events`,
    ]);
  });

  it('sends a harmless track for the check profile, with Segment’s Basic auth and a unique messageId', async () => {
    const segment = fakeSegment();
    await run(segment);
    await run(segment);
    const [first, second] = segment.tracked;
    expect(first).toMatchObject({
      type: 'track',
      anonymousId: CHECK_ANONYMOUS_ID,
      event: CHECK_EVENT_NAME,
      properties: { writeKeyFingerprint: writeKeyFingerprint(WRITE_KEY) },
    });
    expect(first.messageId).toMatch(/^unified-profiles-check-[0-9a-f-]{36}$/);
    expect(first.messageId).not.toBe(second.messageId);
    const post = segment.seen.find((request) => request.method === 'POST')!;
    expect(post.authorization).toBe(`Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`);
    const readback = segment.seen.find((request) => request.url.includes('/events'))!;
    expect(readback.url).toContain(`include=${encodeURIComponent(CHECK_EVENT_NAME)}`);
    expect(readback.url).not.toContain('+');
  });

  it('finds a known customer’s profile and their Flex engagement events', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, {}, { knownIdentifier: ana });
    expect(result.status).toBe('passed');
    expect(byStep(result).profiles).toMatchObject({ status: 'passed', code: 'ok' });
    expect(byStep(result).flex_events).toMatchObject({ status: 'passed', code: 'ok' });
    expect(byStep(result).flex_events.message).toContain('2026-11-20T10:00:00Z');
    const events = segment.seen.find((request) => request.url.includes('ana%40example.com/events'))!;
    expect(new URL(events.url).searchParams.get('include')).toBe(
      'Flex - Engagement Initiated,Flex - Engagement Completed',
    );
  });

  it('records when and by whom, and how long it took, on the injected clock', async () => {
    const segment = fakeSegment();
    const offset = Date.parse('2030-01-02T03:04:05.000Z') - Date.now();
    const result = await checkConnection(
      settings(),
      { checkedBy: 'supervisor@example.com' },
      { fetch: segment.fetch, log: () => undefined, now: () => Date.now() + offset },
      { budgetMs: 1_000, readbackIntervalMs: 20 },
    );
    expect(Date.parse(result.checkedAt) - Date.parse('2030-01-02T03:04:05.000Z')).toBeLessThan(1_000);
    expect(result.checkedBy).toBe('supervisor@example.com');
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(result.ms).toBeLessThan(1_000);
  });
});

describe('checkConnection: the Profile API step tells the faults apart', () => {
  it('token_rejected: 401 on this host and on the other region’s host', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, { profileApiToken: 'wrong' });
    expect(result).toMatchObject({ status: 'failed', code: 'token_rejected' });
    expect(byStep(result).profile_api.message).toMatch(/refused the Profile API token .*HTTP 401.*EU host/);
    expect(byStep(result).profile_api.message).toContain('Unify > Unify settings > API access');
    expect(paths(segment.seen).filter((path) => path.startsWith('GET'))).toEqual([
      expect.stringContaining(US),
      expect.stringContaining(EU),
    ]);
    expect(byStep(result).profiles.status).toBe('skipped');
    expect(byStep(result).flex_events.status).toBe('skipped');
  });

  it('wrong_region: refused here, accepted on the other region’s host (tried only after the 401)', async () => {
    const segment = fakeSegment({
      route: (request) => {
        if (request.method !== 'GET') return undefined;
        return new URL(request.url).origin === EU
          ? { status: 404, body: { error: { code: 'not_found', message: 'Profile was not found.' } } }
          : { status: 401, body: { error: { code: 'authentication_error', message: 'Unauthorized.' } } };
      },
    });
    const { result } = await run(segment);
    expect(result).toMatchObject({ status: 'failed', code: 'wrong_region' });
    expect(byStep(result).profile_api.message).toMatch(/belong to Segment's EU region/);
    expect(byStep(result).profile_api.message).toContain(EU);
  });

  it('does not try another host when the answer was not a 401/403', async () => {
    const segment = fakeSegment({ route: (request) => (request.method === 'GET' ? { status: 503 } : undefined) });
    await run(segment, {}, {}, { budgetMs: 600 });
    expect(segment.seen.some((request) => request.url.startsWith(EU))).toBe(false);
  });

  it('token_rejected without a second call when there is no other region to try', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, { profileApiToken: 'wrong', otherRegionProfileApiUrl: null });
    expect(result.code).toBe('token_rejected');
    expect(segment.seen.filter((request) => request.method === 'GET')).toHaveLength(1);
  });

  it.each([
    ['a not_found about the space', { error: { code: 'not_found', message: 'Space was not found.' } }],
    ['a 404 that is not Segment’s JSON', '<html>Not Found</html>'],
    ['another error code', { error: { code: 'space_not_found', message: 'Unknown.' } }],
  ])('space_not_found: %s', async (_case, body) => {
    const segment = fakeSegment({ route: (request) => (request.method === 'GET' ? { status: 404, body } : undefined) });
    const { result } = await run(segment);
    expect(result).toMatchObject({ status: 'failed', code: 'space_not_found' });
    expect(byStep(result).profile_api.message).toMatch(/no space spa_test .*HTTP 404/);
  });

  it('space_not_found: Segment refuses the space id as malformed (400)', async () => {
    const segment = fakeSegment({
      route: (request) =>
        request.method === 'GET'
          ? { status: 400, body: { error: { code: 'validation_error', message: 'x' } } }
          : undefined,
    });
    const { result } = await run(segment);
    expect(result.code).toBe('space_not_found');
    expect(byStep(result).profile_api.message).toMatch(/malformed/);
  });

  it('reads Segment’s documented profile 404 as a working space', () => {
    expect(isProfileNotFound({ error: { code: 'not_found', message: 'Profile was not found.' } })).toBe(true);
    expect(isProfileNotFound({ error: { code: 'not_found', message: 'Not found.' } })).toBe(true);
    expect(isProfileNotFound({ error: { code: 'not_found', message: 'Space was not found.' } })).toBe(false);
    expect(isProfileNotFound('Not Found')).toBe(false);
    expect(isProfileNotFound(undefined)).toBe(false);
  });

  it('segment_unreachable: connection refused, retried, answered well within the budget', async () => {
    const segment = fakeSegment({ route: () => 'network' });
    const { result, elapsed, logs } = await run(segment, {}, {}, { budgetMs: 5_000 });
    expect(result).toMatchObject({ status: 'failed', code: 'segment_unreachable' });
    expect(byStep(result).profile_api.message).toMatch(/connection failed \(tried 4 times\)/);
    expect(logs.filter((entry) => entry.call === 'profile_probe')).toHaveLength(4);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('segment_unreachable: every attempt times out, and the check ends by its budget', async () => {
    const segment = fakeSegment({ route: () => 'hang' });
    const { result, elapsed } = await run(segment, {}, {}, { budgetMs: 500, attemptTimeoutMs: 200 });
    expect(result.code).toBe('segment_unreachable');
    expect(byStep(result).profile_api.message).toMatch(/did not answer in time \(tried 2 times in 0\.\d s\)/);
    expect(elapsed).toBeLessThan(800);
    expect(result.ms).toBeLessThan(800);
  });

  it('segment_unreachable: 5xx past the retries; a 429 storm says so', async () => {
    const storm = await run(fakeSegment({ route: () => ({ status: 503 }) }), {}, {}, { budgetMs: 3_000 });
    expect(byStep(storm.result).profile_api.message).toMatch(/HTTP 503 \(tried 4 times\)/);
    const limited = await run(fakeSegment({ route: () => ({ status: 429 }) }), {}, {}, { budgetMs: 3_000 });
    expect(byStep(limited.result).profile_api.message).toMatch(/too many requests/);
  });

  it('retries a transient failure away', async () => {
    let calls = 0;
    const segment = fakeSegment({
      route: (request) => (request.url.endsWith('/metadata') && ++calls === 1 ? { status: 502 } : undefined),
    });
    const { result } = await run(segment);
    expect(result.status).toBe('passed');
    expect(calls).toBe(2);
  });

  it('segment_unreachable: an answer Segment never gives (the URL is not the Profile API)', async () => {
    const segment = fakeSegment({ route: (request) => (request.method === 'GET' ? { status: 405 } : undefined) });
    const { result } = await run(segment);
    expect(result.code).toBe('segment_unreachable');
    expect(byStep(result).profile_api.message).toMatch(/HTTP 405, which Segment does not answer/);
  });

  it('refuses to send the token over plain http to anything but loopback', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, { profileApiUrl: 'http://profiles.example.com' });
    expect(result.code).toBe('not_configured');
    expect(segment.seen).toHaveLength(0);
  });
});

describe('checkConnection: the write key', () => {
  it('write_key_missing: a warning, lookups still work', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, { writeKey: null });
    expect(result).toMatchObject({ status: 'warning', code: 'write_key_missing' });
    expect(byStep(result).tracking_api.message).toContain('Connections > Sources');
    expect(segment.seen.some((request) => request.method === 'POST')).toBe(false);
  });

  it.each([400, 401, 403])('write_key_rejected: Segment refuses the key outright (%i)', async (status) => {
    const segment = fakeSegment({ route: (request) => (request.method === 'POST' ? { status } : undefined) });
    const { result } = await run(segment);
    expect(result).toMatchObject({ status: 'warning', code: 'write_key_rejected' });
    expect(byStep(result).tracking_api.message).toContain(`HTTP ${status}`);
    expect(segment.seen.some((request) => request.url.includes('/events'))).toBe(false);
  });

  it('write_key_rejected: a 200 whose event never reaches the space, said honestly, by the deadline', async () => {
    const segment = fakeSegment({
      route: (request) =>
        request.url.includes('/events') ? { status: 200, body: { data: [], cursor: {} } } : undefined,
    });
    const { result, elapsed } = await run(segment, {}, {}, { budgetMs: 600 });
    expect(result).toMatchObject({ status: 'warning', code: 'write_key_rejected' });
    const message = byStep(result).tracking_api.message;
    expect(message).toMatch(/answers 200 even to a wrong write key/);
    expect(message).toContain('Debugger');
    expect(message).toMatch(/test again/);
    expect(elapsed).toBeLessThan(900);
    expect(segment.seen.filter((request) => request.url.includes('/events')).length).toBeGreaterThan(3);
  });

  it('passes on an earlier check event sent with the same key when this one is late', async () => {
    const earlier = {
      message_id: 'unified-profiles-check-old',
      timestamp: '2026-11-28T09:00:00.000Z',
      properties: { writeKeyFingerprint: writeKeyFingerprint(WRITE_KEY) },
    };
    const other = { ...earlier, properties: { writeKeyFingerprint: writeKeyFingerprint('another key') } };
    const late = (data: unknown[]) =>
      fakeSegment({
        route: (request) => (request.url.includes('/events') ? { status: 200, body: { data } } : undefined),
      });
    const same = await run(late([earlier]), {}, {}, { budgetMs: 300 });
    expect(same.result.status).toBe('passed');
    expect(byStep(same.result).tracking_api.message).toContain('2026-11-28T09:00:00.000Z');
    const different = await run(late([other]), {}, {}, { budgetMs: 300 });
    expect(different.result.code).toBe('write_key_rejected');
  });

  it('segment_unreachable on the Tracking API: a warning on its own step', async () => {
    const segment = fakeSegment({ route: (request) => (request.method === 'POST' ? 'network' : undefined) });
    const { result } = await run(segment);
    expect(result).toMatchObject({ status: 'warning', code: 'segment_unreachable' });
    expect(byStep(result).tracking_api).toMatchObject({ status: 'warning', code: 'segment_unreachable' });
    expect(byStep(result).tracking_api.message).toContain(TRACKING);
  });

  it('never sends the write key to an unsafe Tracking API URL', async () => {
    const segment = fakeSegment();
    const { result } = await run(segment, { trackingApiUrl: 'http://tracking.example.com' });
    expect(byStep(result).tracking_api).toMatchObject({ status: 'warning', code: 'not_configured' });
    expect(segment.seen.some((request) => request.method === 'POST')).toBe(false);
  });

  it('still reports a refused key when the Profile API fails, and skips what needs a read-back', async () => {
    const refused = await run(
      fakeSegment({ route: (request) => (request.method === 'POST' ? { status: 400 } : undefined) }),
      { profileApiToken: 'wrong' },
    );
    expect(refused.result).toMatchObject({ status: 'failed', code: 'token_rejected' });
    expect(byStep(refused.result).tracking_api.code).toBe('write_key_rejected');
    const taken = await run(fakeSegment(), { profileApiToken: 'wrong' });
    expect(byStep(taken.result).tracking_api).toMatchObject({ status: 'skipped', code: 'ok' });
  });
});

describe('checkConnection: profiles and Flex events, through a known customer', () => {
  it('no_profiles_yet: the space answers but has no profile for the customer given', async () => {
    const { result } = await run(fakeSegment(), {}, { knownIdentifier: { type: 'email', pathId: 'email:x%40y.z' } });
    expect(result).toMatchObject({ status: 'warning', code: 'no_profiles_yet' });
    expect(byStep(result).profiles.message).toContain('Unify > Profile explorer');
    expect(byStep(result).flex_events.status).toBe('skipped');
  });

  it('no_flex_events_yet: the customer’s profile has no Flex engagement event in the last 14 days', async () => {
    const segment = fakeSegment({
      route: (request) =>
        request.url.includes('ana%40example.com/events') ? { status: 200, body: { data: [] } } : undefined,
    });
    const { result } = await run(segment, {}, { knownIdentifier: ana });
    expect(result).toMatchObject({ status: 'warning', code: 'no_flex_events_yet' });
    expect(byStep(result).flex_events.message).toContain('Flex - Engagement Initiated');
  });

  it('the first warning names the result when there are several', async () => {
    const { result } = await run(
      fakeSegment(),
      { writeKey: null },
      { knownIdentifier: { type: 'email', pathId: 'x:y' } },
    );
    expect(result.code).toBe('no_profiles_yet');
    expect(result.steps.filter((item) => item.status === 'warning').map((item) => item.code)).toEqual([
      'no_profiles_yet',
      'write_key_missing',
    ]);
  });
});

describe('secrets', () => {
  it.each([
    ['a passing check', {}],
    ['a rejected token', { profileApiToken: `${TOKEN}x` }],
    ['an unreachable Segment', { profileApiUrl: 'http://127.0.0.1:9' }],
  ])('neither the token nor the write key is in the result or a log entry: %s', async (_case, patch) => {
    const { result, logs } = await run(fakeSegment(), patch, { knownIdentifier: ana }, { budgetMs: 400 });
    const text = JSON.stringify({ result, logs });
    for (const secret of [TOKEN, WRITE_KEY, Buffer.from(`${TOKEN}:`).toString('base64'), 'ana%40example.com']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('notConfiguredCheck and summarise', () => {
  it('answers not_configured as a failed result the view can show, and still names a missing write key', () => {
    const result = notConfiguredCheck('Segment is not configured: set SEGMENT_SPACE_ID.', { checkedBy: 'a' }, false);
    expect(result).toMatchObject({ status: 'failed', code: 'not_configured', checkedBy: 'a' });
    expect(result.steps.map(({ step, status, code }) => [step, status, code])).toEqual([
      ['profile_api', 'failed', 'not_configured'],
      ['profiles', 'skipped', 'ok'],
      ['tracking_api', 'warning', 'write_key_missing'],
      ['flex_events', 'skipped', 'ok'],
    ]);
    const withKey = notConfiguredCheck('x', { checkedBy: 'a' }, true);
    expect(withKey.steps[2]).toMatchObject({ status: 'skipped', code: 'ok' });
  });

  it('fails on a failed step, warns on warnings only, passes past skipped steps', () => {
    const item = (
      status: 'passed' | 'failed' | 'warning' | 'skipped',
      code: 'ok' | 'token_rejected' | 'no_profiles_yet',
    ) => ({ step: 'profiles', status, code, message: '' }) as const;
    expect(summarise([item('passed', 'ok'), item('skipped', 'ok')], 'a', 0, 5)).toMatchObject({
      status: 'passed',
      code: 'ok',
      ms: 5,
      checkedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(summarise([item('warning', 'no_profiles_yet'), item('failed', 'token_rejected')], 'a', 0, 0)).toMatchObject({
      status: 'failed',
      code: 'token_rejected',
    });
    expect(summarise([item('passed', 'ok'), item('warning', 'no_profiles_yet')], 'a', 0, 0).status).toBe('warning');
  });
});
