import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { CHANNEL_CASES } from './fixtures/channel-attributes';
import { silenceFunctionLogs, startTestStack, type TestStack } from './support/stack';

/** /profile and /profile-events over HTTP: twilio-run serving the sandbox build, against the Segment simulator. */
describe('/profile and /profile-events over HTTP', () => {
  let stack: TestStack;
  silenceFunctionLogs();
  beforeAll(async () => {
    stack = await startTestStack();
  }, 30_000);
  afterAll(() => stack?.close());

  const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;

  describe('/profile from task attributes, per channel', () => {
    it.each(CHANNEL_CASES.map((item) => [item.name, item] as const))('%s (JSON)', async (_name, item) => {
      const answer = await stack.functions.call('/profile', { taskAttributes: item.taskAttributes });
      if (item.expected === null) {
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe('profile_not_found');
        return;
      }
      expect(answer.status).toBe(200);
      expect(answer.body.profile.segmentId).toBe(item.expected.segmentId);
      expect(answer.body.profile.matchedIdentifier).toEqual(item.expected.matchedIdentifier);
    });

    it.each(CHANNEL_CASES.map((item) => [item.name, item] as const))(
      '%s (form post, attributes as JSON text)',
      async (_name, item) => {
        const answer = await stack.functions.call(
          '/profile',
          { taskAttributes: JSON.stringify(item.taskAttributes) },
          'form',
        );
        expect(answer.status).toBe(item.expected ? 200 : 404);
        if (item.expected) expect(answer.body.profile.matchedIdentifier).toEqual(item.expected.matchedIdentifier);
      },
    );
  });

  describe('/profile answers one normalised document', () => {
    it('with ids, name, identifiers, split traits and a timeline', async () => {
      const answer = await stack.functions.call('/profile', { identifier: `email:${ana.email}` });
      expect(answer.status).toBe(200);
      const { profile } = answer.body;
      expect(profile.segmentId).toBe(ana.segmentId);
      expect(profile.displayName).toBe(ana.traits.name);
      expect(profile.identifiers).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'email', value: ana.email })]),
      );
      expect(Object.keys(profile.traits).sort()).toEqual(['audiences', 'computed', 'custom', 'predictive']);
      expect(profile.traits.custom.plan).toBe(ana.traits.plan);
      expect(Array.isArray(profile.timeline.items)).toBe(true);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    });
  });

  describe('/profile from a typed identifier', () => {
    it.each([
      ['an email in mixed case with spaces', `  email:${ana.email!.toUpperCase()} `, 'email', ana.email],
      ['a bare E.164 phone', ana.phone, 'phone', ana.phone],
      ['a national US phone', 'phone:(415) 555-0100', 'phone', '+14155550100'],
      ['a user id', `user_id:${ana.userId}`, 'user_id', ana.userId],
    ])('%s', async (_label, identifier, type, value) => {
      const answer = await stack.functions.call('/profile', { identifier });
      expect(answer.status).toBe(200);
      expect(answer.body.profile.segmentId).toBe(ana.segmentId);
      expect(answer.body.profile.matchedIdentifier).toEqual({ type, value });
    });

    it('works from a form post too', async () => {
      const answer = await stack.functions.call('/profile', { identifier: `email:${ana.email}` }, 'form');
      expect(answer.status).toBe(200);
      expect(answer.body.profile.segmentId).toBe(ana.segmentId);
    });

    it('answers 404 profile_not_found for nobody', async () => {
      const answer = await stack.functions.call('/profile', { identifier: 'email:nobody.at.all@example.net' });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toEqual({ code: 'profile_not_found', message: expect.any(String) });
    });

    it('answers 400 invalid_identifier for an unknown identifier type, without calling Segment', async () => {
      await stack.clearUpstreamRequests();
      const answer = await stack.functions.call('/profile', { identifier: 'shoe_size:42' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_identifier');
      expect(answer.body.error.message).toMatch(/shoe_size/);
      expect(await stack.upstreamRequests()).toHaveLength(0);
    });
  });

  describe('/profile when the settings are wrong', () => {
    it('answers 503 not_configured naming what is missing, without calling Segment', async () => {
      const unconfigured = await stack.startFunctions({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: undefined });
      await stack.clearUpstreamRequests();
      const answer = await unconfigured.call('/profile', { identifier: `email:${ana.email}` });
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('not_configured');
      expect(answer.body.error.message).toMatch(/SEGMENT_SPACE_ID and SEGMENT_PROFILE_API_TOKEN/);
      expect(await stack.upstreamRequests()).toHaveLength(0);
    });

    it.each([
      ['a wrong token', { SEGMENT_PROFILE_API_TOKEN: 'not-the-token' }],
      ['a wrong space', { SEGMENT_SPACE_ID: 'spa_somebody_else' }],
    ])('answers segment_auth_failed for %s, without showing the token', async (_label, env) => {
      const misconfigured = await stack.startFunctions(env);
      const answer = await misconfigured.call('/profile', { identifier: `email:${ana.email}` });
      expect(answer.body.error.code).toBe('segment_auth_failed');
      expect(answer.status).toBe(502);
      expect(JSON.stringify(answer.body)).not.toMatch(/not-the-token|sandbox-profile-token/);
    });
  });

  describe('/profile-events', () => {
    /** A demo customer whose first timeline page is not the last. */
    async function profileWithMoreEvents() {
      for (const customer of DEMO_CUSTOMERS.filter((candidate) => candidate.email)) {
        const answer = await stack.functions.call('/profile', { identifier: `email:${customer.email}` });
        if (answer.status === 200 && answer.body.profile.timeline.next) return answer.body.profile;
      }
      throw new Error('no demo customer has more than one page of events in the simulator');
    }

    it('pages through the timeline from the cursor, without repeating items', async () => {
      const profile = await profileWithMoreEvents();
      const seen = new Set<string>(profile.timeline.items.map((item: { id: string }) => item.id));
      let next: string | null = profile.timeline.next;
      for (let pageCount = 0; next && pageCount < 3; pageCount += 1) {
        const answer = await stack.functions.call('/profile-events', { segmentId: profile.segmentId, next });
        expect(answer.status).toBe(200);
        expect(answer.body.timeline.items.length).toBeGreaterThan(0);
        for (const item of answer.body.timeline.items) {
          expect(seen.has(item.id)).toBe(false);
          seen.add(item.id);
        }
        next = answer.body.timeline.next;
      }
    });

    /** A track event name on the profile's first page, to filter by. */
    function trackName(profile: { timeline: { items: Array<{ type: string; name?: string }> } }): string {
      const named = profile.timeline.items.find((item) => item.type === 'track' && item.name);
      if (!named?.name) throw new Error('no track event on the first page');
      return named.name;
    }

    // A Segment cursor is tied to the query that issued it, so a filtered timeline starts without `next`.
    it('filters by event type from a first filtered page, then pages on (JSON list or form comma list)', async () => {
      const profile = await profileWithMoreEvents();
      const name = trackName(profile);
      for (const [types, encoding] of [
        [[name], 'json'],
        [name, 'form'],
      ] as const) {
        const first = await stack.functions.call('/profile-events', { segmentId: profile.segmentId, types }, encoding);
        expect(first.status).toBe(200);
        expect(first.body.timeline.items.length).toBeGreaterThan(0);
        for (const item of first.body.timeline.items) expect(item.name).toBe(name);
        if (!first.body.timeline.next) continue;
        const next = await stack.functions.call(
          '/profile-events',
          { segmentId: profile.segmentId, next: first.body.timeline.next, types },
          encoding,
        );
        expect(next.status).toBe(200);
        for (const item of next.body.timeline.items) expect(item.name).toBe(name);
      }
    });

    it('refuses a filter applied to an unfiltered cursor as a client error, not a Segment outage', async () => {
      const profile = await profileWithMoreEvents();
      const answer = await stack.functions.call('/profile-events', {
        segmentId: profile.segmentId,
        next: profile.timeline.next,
        types: [trackName(profile)],
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_cursor');
    });

    it('answers 400 for a forged cursor without a stack trace', async () => {
      const answer = await stack.functions.call('/profile-events', { segmentId: ana.segmentId, next: 'forged-cursor' });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.js/);
    });
  });
});
