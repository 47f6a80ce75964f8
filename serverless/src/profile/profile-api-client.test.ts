import {
  FAKE_SPACE_ID,
  FAKE_TOKEN,
  startFakeProfileApi,
  type FakeProfileApi,
} from '../../test/fixtures/fake-profile-api';
import { ApiError } from '../http/api-error';
import { ProfileApiClient, parseRetryAfter, type ProfileApiClientOptions } from './profile-api-client';
import { RequestPacer } from './request-pacer';
import { withSettingDefaults } from './settings';
import { UpstreamBudget } from './upstream-budget';
import type { UpstreamLogEntry } from './upstream-log';

let api: FakeProfileApi;
let logged: UpstreamLogEntry[];

beforeAll(async () => {
  api = await startFakeProfileApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
  api.faults.length = 0;
  api.faultFor = undefined;
  logged = [];
});

const ANA_TRAITS = {
  route: 'traits' as const,
  path: 'collections/users/profiles/phone:%2B14155550100/traits',
  query: { limit: 200 },
};

function client(options: ProfileApiClientOptions = {}, token = FAKE_TOKEN) {
  const settings = withSettingDefaults({ profileApiUrl: api.url, spaceId: FAKE_SPACE_ID, profileApiToken: token });
  return new ProfileApiClient(settings, {
    logger: (entry) => logged.push(entry),
    random: () => 0.5,
    baseBackoffMs: 20,
    attemptTimeoutMs: 300,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('ProfileApiClient', () => {
  it('sends Basic auth of token plus colon and the encoded identifier, and logs no identifier or token', async () => {
    const body = await client().get<{ traits: Record<string, unknown> }>(ANA_TRAITS, new UpstreamBudget(2000));
    expect(body?.traits.first_name).toBe('Ana');
    expect(api.requests[0].authorization).toBe(`Basic ${Buffer.from(`${FAKE_TOKEN}:`).toString('base64')}`);
    expect(api.requests[0].rawPath).toContain('/profiles/phone:%2B14155550100/traits');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ route: 'traits', outcome: 'ok', status: 200, attempt: 1 });
    expect(logged[0].requestId).toMatch(/^req-/);
    const line = JSON.stringify(logged);
    for (const secret of ['4155550100', 'ana', FAKE_TOKEN, Buffer.from(`${FAKE_TOKEN}:`).toString('base64')]) {
      expect(line).not.toContain(secret);
    }
  });

  it('answers null for a profile Segment does not have', async () => {
    const path = 'collections/users/profiles/phone:%2B15005550006/traits';
    expect(await client().get({ ...ANA_TRAITS, path }, new UpstreamBudget(2000))).toBeNull();
  });

  it('retries 5xx and dropped connections with back-off, then succeeds', async () => {
    api.faults.push({ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'status', status: 500 });
    const body = await client().get(ANA_TRAITS, new UpstreamBudget(3000));
    expect(body).not.toBeNull();
    expect(api.requests).toHaveLength(4);
    expect(logged.map((entry) => entry.outcome)).toEqual(['server_error', 'network_error', 'server_error', 'ok']);
  });

  it('honours Retry-After on 429', async () => {
    api.faults.push({ kind: 'status', status: 429, retryAfter: '1' });
    const started = Date.now();
    await client().get(ANA_TRAITS, new UpstreamBudget(3000));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.requests).toHaveLength(2);
  });

  it('answers rate_limited when 429s outlast the budget, without waiting past it', async () => {
    api.faultFor = () => ({ kind: 'status', status: 429 });
    const started = Date.now();
    const error = await failure(client({ baseBackoffMs: 100 }).get(ANA_TRAITS, new UpstreamBudget(600)));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('gives up at once when Retry-After is longer than the budget left', async () => {
    api.faults.push({ kind: 'status', status: 429, retryAfter: '30' });
    const started = Date.now();
    const error = await failure(client().get(ANA_TRAITS, new UpstreamBudget(2000)));
    expect(error.code).toBe('rate_limited');
    expect(Date.now() - started).toBeLessThan(500);
    expect(api.requests).toHaveLength(1);
  });

  it('times out a call that never answers and retries it', async () => {
    api.faults.push({ kind: 'hang' });
    const started = Date.now();
    expect(await client({ attemptTimeoutMs: 200 }).get(ANA_TRAITS, new UpstreamBudget(3000))).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(logged[0].outcome).toBe('timeout');
  });

  it('answers segment_unavailable within the budget when Segment never answers', async () => {
    api.faultFor = () => ({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(client({ attemptTimeoutMs: 300 }).get(ANA_TRAITS, new UpstreamBudget(800)));
    expect(error).toMatchObject({ status: 503, code: 'segment_unavailable' });
    expect(Date.now() - started).toBeLessThan(1100);
  });

  it('retries one malformed JSON answer like a 5xx, then succeeds', async () => {
    api.faults.push({ kind: 'bad-json' });
    const body = await client().get<{ traits: Record<string, unknown> }>(ANA_TRAITS, new UpstreamBudget(2000));
    expect(body?.traits.first_name).toBe('Ana');
    expect(api.requests).toHaveLength(2);
    expect(logged.map((entry) => entry.outcome)).toEqual(['bad_json', 'ok']);
  });

  it('answers segment_unavailable when every answer is malformed JSON, after the retries, without echoing the body', async () => {
    api.faultFor = () => ({ kind: 'bad-json' });
    const error = await failure(client({ maxAttempts: 3 }).get(ANA_TRAITS, new UpstreamBudget(2000)));
    expect(error).toMatchObject({ status: 503, code: 'segment_unavailable' });
    expect(error.message).toMatch(/malformed JSON/);
    expect(error.message).not.toContain('Ana');
    expect(api.requests).toHaveLength(3);
  });

  it('retries malformed JSON only within the budget', async () => {
    api.faultFor = () => ({ kind: 'bad-json' });
    const started = Date.now();
    const error = await failure(
      client({ baseBackoffMs: 200, maxBackoffMs: 200 }).get(ANA_TRAITS, new UpstreamBudget(350)),
    );
    expect(error.code).toBe('segment_unavailable');
    expect(Date.now() - started).toBeLessThan(600);
    expect(api.requests.length).toBeLessThanOrEqual(3);
  });

  it('answers segment_auth_failed for a bad token, naming token, space and region, without retrying', async () => {
    const error = await failure(client({}, 'wrong-token').get(ANA_TRAITS, new UpstreamBudget(2000)));
    expect(error).toMatchObject({ status: 502, code: 'segment_auth_failed' });
    expect(error.message).toMatch(/token/);
    expect(error.message).toMatch(/space/);
    expect(error.message).toMatch(/euw1/);
    expect(error.message).not.toContain('wrong-token');
    expect(api.requests).toHaveLength(1);
  });

  it('falls back to pages of 100 traits when Segment refuses 200, and remembers it', async () => {
    const strict = await startFakeProfileApi({ maxTraitsLimit: 100 });
    try {
      const settings = withSettingDefaults({
        profileApiUrl: strict.url,
        spaceId: FAKE_SPACE_ID,
        profileApiToken: FAKE_TOKEN,
      });
      const strictClient = new ProfileApiClient(settings, { logger: () => undefined });
      expect(await strictClient.get(ANA_TRAITS, new UpstreamBudget(2000))).not.toBeNull();
      expect(await strictClient.get(ANA_TRAITS, new UpstreamBudget(2000))).not.toBeNull();
      expect(strict.requests.map((request) => request.query.get('limit'))).toEqual(['200', '100', '100']);
    } finally {
      await strict.close();
    }
  });

  it('does not charge time queued behind the pacer to the budget', async () => {
    const paced = client({ pacer: new RequestPacer(1, 50) }); // one request every 50 ms
    const started = Date.now();
    // Ten lookups at once: the last waits ~450 ms in the queue, more than its 300 ms budget.
    const bodies = await Promise.all(Array.from({ length: 10 }, () => paced.get(ANA_TRAITS, new UpstreamBudget(300))));
    expect(bodies.every((body) => body !== null)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(440);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
