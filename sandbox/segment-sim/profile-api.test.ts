import { DEMO_CUSTOMERS, UNKNOWN_CALLER_PHONE } from '../demo/customers';
import { EDGE_CASES } from './edge-cases';
import { simulatorForTest } from './test-client';

const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const marcus = DEMO_CUSTOMERS.find((customer) => customer.key === 'marcus')!;

describe('Segment simulator: Profile API', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeAll(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterAll(() => sim.simulator.close());

  describe('auth and ids', () => {
    it('answers a documented traits request with traits and a cursor, and a Request-Id', async () => {
      const { status, body, headers } = await sim.users(`user_id:${ana.userId}/traits`);
      expect(status).toBe(200);
      expect(body.traits.name).toBe('Ana García');
      expect(body.cursor).toEqual(expect.objectContaining({ has_more: true, limit: 10 }));
      expect(headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      ['a wrong token', 'not-the-token', 'spa_sandbox'],
      ['an unknown space', 'sandbox-profile-token', 'spa_other'],
    ])('refuses %s with 401 authentication_error', async (_case, token, space) => {
      const { status, body } = await sim.users(`user_id:${ana.userId}/traits`, token, space);
      expect(status).toBe(401);
      expect(body.error.code).toBe('authentication_error');
    });

    it('authenticates before it validates: a malformed id with a wrong token is a 401', async () => {
      const { status, body } = await sim.users('no-type-here/traits?limit=5000', 'not-the-token');
      expect(status).toBe(401);
      expect(body.error.code).toBe('authentication_error');
    });

    it('refuses a token sent as the password instead of the user name', async () => {
      const response = await fetch(
        `${sim.simulator.url}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:${ana.userId}/traits`,
        { headers: { Authorization: `Basic ${Buffer.from(':sandbox-profile-token').toString('base64')}` } },
      );
      expect(response.status).toBe(401);
    });

    it('finds a phone only when + travels as %2B', async () => {
      expect((await sim.users(`phone:${encodeURIComponent(ana.phone!)}/traits`)).status).toBe(200);
      expect((await sim.users(`phone:${ana.phone}/traits`)).status).toBe(404);
    });

    it('matches lower-case identifiers only', async () => {
      expect((await sim.users(`email:${ana.email}/traits`)).status).toBe(200);
      expect((await sim.users(`email:${ana.email!.toUpperCase()}/traits`)).status).toBe(404);
      expect((await sim.users(`Email:${ana.email}/traits`)).status).toBe(404);
    });

    it('answers profiles by their use_ id', async () => {
      const { status, body } = await sim.users(`${ana.segmentId}/external_ids`);
      expect(status).toBe(200);
      expect(body.data.map((id: { type: string }) => id.type)).toEqual(['user_id', 'email', 'phone']);
    });

    it('answers 404 not_found for an unknown profile, with Segment body', async () => {
      const { status, body } = await sim.users(`phone:${encodeURIComponent(UNKNOWN_CALLER_PHONE)}/traits`);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: 'Profile was not found.' } });
    });

    it.each([
      ['no type', 'usr_ana_garcia/traits'],
      ['an empty value', 'user_id:/traits'],
      ['a broken escape', 'user_id:%E0%A4%A/traits'],
    ])('answers 400 validation_error for an id with %s', async (_case, path) => {
      const { status, body } = await sim.users(path);
      expect(status).toBe(400);
      expect(body.error.code).toBe('validation_error');
    });
  });

  describe('traits', () => {
    it('pages through all traits by sending next back, with the cursor url naming the use_ id', async () => {
      const seen: string[] = [];
      let next = '';
      do {
        const { body } = await sim.users(
          `user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=200${next ? `&next=${next}` : ''}`,
        );
        seen.push(...Object.keys(body.traits));
        expect(body.cursor.url).toContain(`/profiles/${EDGE_CASES.manyTraits.segmentId}/traits`);
        next = body.cursor.has_more ? body.cursor.next : '';
      } while (next);
      expect(seen).toHaveLength(EDGE_CASES.manyTraits.traitCount);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('answers verbose traits as value, source_id and updated_at', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/traits?include=plan&verbose=true`);
      expect(body.traits.plan).toEqual({
        value: 'Premium',
        source_id: expect.any(String),
        updated_at: expect.any(String),
      });
    });

    it('filters by class and include', async () => {
      const audiences = await sim.users(`user_id:${ana.userId}/traits?class=audience&limit=200`);
      expect(Object.values(audiences.body.traits).every((value) => typeof value === 'boolean')).toBe(true);
      const computed = await sim.users(`user_id:${ana.userId}/traits?class=computed_trait&limit=200`);
      expect(computed.body.traits).toHaveProperty('total_inbounds');
      expect(computed.body.traits).not.toHaveProperty('plan');
      const included = await sim.users(`user_id:${ana.userId}/traits?include=city,plan`);
      expect(Object.keys(included.body.traits).sort()).toEqual(['city', 'plan']);
    });

    it.each(['0', '201', 'ten', '1.5'])('refuses limit=%s with 400', async (limit) => {
      const { status, body } = await sim.users(`user_id:${ana.userId}/traits?limit=${limit}`);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/limit/);
    });

    it('refuses an unknown class', async () => {
      expect((await sim.users(`user_id:${ana.userId}/traits?class=everything`)).status).toBe(400);
    });

    it('answers a profile with no traits with an empty object', async () => {
      const { status, body } = await sim.users(`user_id:${EDGE_CASES.noTraits.userId}/traits`);
      expect(status).toBe(200);
      expect(body.traits).toEqual({});
      expect(body.cursor.has_more).toBe(false);
    });

    it('keeps non-Latin names intact', async () => {
      const { body } = await sim.users(`email:${EDGE_CASES.nonLatin.email}/traits?include=name,city`);
      expect(body.traits).toEqual({ name: '田中 美咲', city: '東京' });
    });
  });

  describe('cursors', () => {
    it('refuses a forged or edited cursor with 400', async () => {
      const first = await sim.users(`user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=10`);
      const decoded = Buffer.from(first.body.cursor.next, 'base64url').toString().replace('"offset":10', '"offset":20');
      const forged = Buffer.from(decoded).toString('base64url');
      for (const cursor of [forged, 'bm90LWEtY3Vyc29y', 'garbage!!']) {
        const { status, body } = await sim.users(
          `user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=10&next=${cursor}`,
        );
        expect(status).toBe(400);
        expect(body.error.code).toBe('invalid_request_error');
      }
    });

    it('refuses a cursor of another profile', async () => {
      const first = await sim.users(`user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=10`);
      const { status } = await sim.users(`user_id:${ana.userId}/traits?limit=10&next=${first.body.cursor.next}`);
      expect(status).toBe(400);
    });

    it('refuses a cursor from an earlier run as stale', async () => {
      const first = await sim.users(`user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=10`);
      const other = await simulatorForTest();
      try {
        const { status } = await other.users(
          `user_id:${EDGE_CASES.manyTraits.userId}/traits?limit=10&next=${first.body.cursor.next}`,
        );
        expect(status).toBe(400);
      } finally {
        await other.simulator.close();
      }
    });
  });

  describe('events', () => {
    it('pages 5,000 events newest first with base64 cursors and absolute cursor urls', async () => {
      const { body } = await sim.users(`user_id:${EDGE_CASES.manyEvents.userId}/events?limit=100`);
      expect(body.data).toHaveLength(100);
      expect(body.cursor.next).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(body.cursor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/spaces\/spa_sandbox\//);
      const stamps = body.data.map((event: { timestamp: string }) => event.timestamp);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      const second = await sim.users(
        `user_id:${EDGE_CASES.manyEvents.userId}/events?limit=100&next=${encodeURIComponent(body.cursor.next)}`,
      );
      expect(second.body.data[0].timestamp <= stamps[99]).toBe(true);
      expect(second.body.data[0].message_id).not.toBe(body.data[99].message_id);
    });

    it('writes events cursors as Segment does: base64 of <nanoseconds>::<message id> of the last event served', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/events?limit=5`);
      const last = body.data[4];
      const decoded = Buffer.from(body.cursor.next, 'base64').toString('utf8');
      expect(decoded).toBe(`${BigInt(Date.parse(last.timestamp)) * 1_000_000n}::${last.message_id}`);
    });

    it('keeps events pages stable when an event is tracked between them', async () => {
      const first = await sim.users(`user_id:${marcus.userId}/events?limit=5`);
      const tracked = await fetch(`${sim.simulator.url}/v1/track`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: sim.basic('sandbox-write-key') },
        body: JSON.stringify({ userId: marcus.userId, event: 'Mid Page Event', messageId: 'mid-page' }),
      });
      expect(tracked.status).toBe(200);
      const second = await sim.users(
        `user_id:${marcus.userId}/events?limit=5&next=${encodeURIComponent(first.body.cursor.next)}`,
      );
      const firstIds = first.body.data.map((event: { message_id: string }) => event.message_id);
      const secondIds = second.body.data.map((event: { message_id: string }) => event.message_id);
      expect(secondIds).toHaveLength(5);
      expect(secondIds.filter((id: string) => firstIds.includes(id))).toEqual([]);
      expect(second.body.data[0].timestamp <= first.body.data[4].timestamp).toBe(true);
    });

    it('refuses an events cursor that names no event of the list', async () => {
      for (const forged of [Buffer.from('1513755436867000000::ajs-nope').toString('base64'), 'bm90LWEtY3Vyc29y']) {
        const { status, body } = await sim.users(`user_id:${ana.userId}/events?next=${encodeURIComponent(forged)}`);
        expect(status).toBe(400);
        expect(body.error.code).toBe('invalid_request_error');
      }
    });

    it('sorts ascending, filters by time window and by event name', async () => {
      const asc = await sim.users(`user_id:${ana.userId}/events?sort=asc&limit=100`);
      const stamps = asc.body.data.map((event: { timestamp: string }) => event.timestamp);
      expect([...stamps].sort()).toEqual(stamps);
      const middle = stamps[Math.floor(stamps.length / 2)];
      const since = await sim.users(`user_id:${ana.userId}/events?limit=100&start=${middle}`);
      expect(since.body.data.every((event: { timestamp: string }) => event.timestamp >= middle)).toBe(true);
      const pages = await sim.users(`user_id:${ana.userId}/events?limit=100&include=page`);
      expect(pages.body.data.every((event: { type: string }) => event.type === 'page')).toBe(true);
      const noPages = await sim.users(`user_id:${ana.userId}/events?limit=100&exclude=page`);
      expect(noPages.body.data.some((event: { type: string }) => event.type === 'page')).toBe(false);
    });

    it('keeps events to the 14-day look-back', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/events?limit=100&start=2000-01-01T00:00:00Z`);
      const oldest = Date.parse(body.data[body.data.length - 1].timestamp);
      expect(Date.now() - oldest).toBeLessThan(14 * 86_400_000);
    });

    it.each(['sort=newest', 'start=yesterday', 'limit=101'])('refuses %s with 400', async (query) => {
      expect((await sim.users(`user_id:${ana.userId}/events?${query}`)).status).toBe(400);
    });
  });

  describe('external ids, metadata, links, accounts', () => {
    it('answers external ids filtered by include, with an empty cursor url', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/external_ids?include=email`);
      expect(body.data).toEqual([
        expect.objectContaining({ type: 'email', id: ana.email, collection: 'users', encoding: 'none' }),
      ]);
      expect(body.cursor.url).toBe('');
    });

    it('answers metadata', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/metadata`);
      expect(body.metadata).toEqual(
        expect.objectContaining({
          created_at: expect.any(String),
          updated_at: expect.any(String),
          last_message_id: expect.any(String),
        }),
      );
    });

    it('answers links without a cursor, and the linked account by group_id', async () => {
      const links = await sim.users(`user_id:${marcus.userId}/links`);
      expect(links.body).toEqual({ data: [expect.objectContaining({ to_collection: 'accounts' })] });
      const groupId = links.body.data[0].external_ids[0].id;
      const account = await sim.profileGet(`accounts/profiles/group_id:${groupId}/traits`);
      expect(account.body.traits.name).toBe('Johnson Logistics');
    });

    it('serves the generated crowd by any of its identifiers, and not beyond its size', async () => {
      const byUser = await sim.users('user_id:usr_sim_42/traits?include=email');
      const email = byUser.body.traits.email;
      expect((await sim.users(`email:${email}/traits?include=email`)).body.traits.email).toBe(email);
      expect((await sim.users('user_id:usr_sim_5000/traits')).status).toBe(404);
    });
  });

  describe('documented details', () => {
    it('sends no CORS headers: the Profile API is for servers only', async () => {
      const { headers } = await sim.users(`user_id:${ana.userId}/traits`);
      expect(headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a request with no Authorization header with 401', async () => {
      const response = await fetch(
        `${sim.simulator.url}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:${ana.userId}/traits`,
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('request-id')).toBeTruthy();
      expect((await response.json()).error.code).toBe('authentication_error');
    });

    it('answers validation_error for a bad path field and invalid_request_error for a bad query parameter', async () => {
      const collection = await sim.profileGet(`us!ers/profiles/user_id:${ana.userId}/traits`);
      expect(collection.status).toBe(400);
      expect(collection.body.error.code).toBe('validation_error');
      for (const query of ['limit=500', 'verbose=maybe', 'class=trait']) {
        const { status, body } = await sim.users(`user_id:${ana.userId}/traits?${query}`);
        expect(status).toBe(400);
        expect(body.error.code).toBe('invalid_request_error');
      }
    });

    it('writes the traits cursor url as a path naming the use_ id', async () => {
      const { body } = await sim.users(`user_id:${ana.userId}/traits`);
      expect(body.cursor.url).toMatch(
        new RegExp(`^/v1/spaces/spa_sandbox/collections/users/profiles/${ana.segmentId}/traits`),
      );
      expect(body.cursor.has_more).toBe(true);
      expect(body.cursor.next).not.toBe('');
    });

    it('pages external ids one at a time', async () => {
      const seen: string[] = [];
      let next = '';
      do {
        const { body } = await sim.users(`${ana.segmentId}/external_ids?limit=1${next ? `&next=${next}` : ''}`);
        expect(body.data).toHaveLength(1);
        expect(body.cursor).toEqual({ url: '', has_more: expect.any(Boolean), next: expect.any(String), limit: 1 });
        seen.push(body.data[0].type);
        next = body.cursor.has_more ? body.cursor.next : '';
      } while (next);
      expect(seen).toEqual(['user_id', 'email', 'phone']);
    });

    it('answers metadata with the documented fields, verbose or not', async () => {
      const { status, body } = await sim.users(`user_id:${ana.userId}/metadata?verbose=true`);
      expect(status).toBe(200);
      expect(Object.keys(body.metadata).sort()).toEqual(
        [
          'created_at',
          'expires_at',
          'first_message_id',
          'first_source_id',
          'last_message_id',
          'last_source_id',
          'updated_at',
        ].sort(),
      );
    });

    it('answers an account by its use_ id, and not under the users collection', async () => {
      const links = (await sim.users(`user_id:${marcus.userId}/links`)).body.data;
      const groupId = links[0].external_ids[0].id;
      const byGroup = await sim.profileGet(`accounts/profiles/group_id:${groupId}/traits`);
      const accountId = byGroup.body.cursor.url.split('/profiles/')[1].split('/')[0];
      expect(accountId).toMatch(/^use_/);
      expect((await sim.profileGet(`accounts/profiles/${accountId}/traits`)).body.traits.name).toBe(
        'Johnson Logistics',
      );
      expect((await sim.users(`${accountId}/traits`)).status).toBe(404);
    });

    it('filters events by end and by a track event name', async () => {
      const all = (await sim.users(`user_id:${ana.userId}/events?limit=100`)).body.data;
      const cut = all[Math.floor(all.length / 2)].timestamp;
      const before = (await sim.users(`user_id:${ana.userId}/events?limit=100&end=${cut}`)).body.data;
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((event: { timestamp: string }) => event.timestamp <= cut)).toBe(true);
      const name = all.find((event: { event?: string }) => event.event)!.event;
      const named = (await sim.users(`user_id:${ana.userId}/events?limit=100&include=${encodeURIComponent(name)}`)).body
        .data;
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((event: { event: string }) => event.event === name)).toBe(true);
    });
  });

  it('answers 429 rate_limit_error past the space limit', async () => {
    const limited = await simulatorForTest({ rateLimitPerSecond: 5 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () => limited.users(`user_id:${ana.userId}/metadata`)),
      );
      const refused = statuses.filter(({ status }) => status === 429);
      expect(refused).toHaveLength(3);
      expect(refused[0].body.error.code).toBe('rate_limit_error');
    } finally {
      await limited.simulator.close();
    }
  });
});
