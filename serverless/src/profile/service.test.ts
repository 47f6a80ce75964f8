import { CHANNEL_CASES } from '../../test/fixtures/channel-attributes';
import {
  FAKE_SPACE_ID,
  FAKE_TOKEN,
  demoProfiles,
  startFakeProfileApi,
  type FakeProfileApi,
} from '../../test/fixtures/fake-profile-api';
import { DEMO_TASKS } from '../../../sandbox/demo/tasks';
import { ApiError } from '../http/api-error';
import { createProfileService, getProfileService, SegmentProfileService, type ProfileServiceOptions } from './service';
import { silentUpstreamLogger, type LookupLogEntry } from './upstream-log';

const lookupLog: LookupLogEntry[] = [];

let api: FakeProfileApi;
beforeAll(async () => {
  const crowd = demoProfiles();
  crowd.push({
    segmentId: 'use_2Many0Traits0000000000000',
    externalIds: [{ type: 'user_id', id: 'usr_many_traits' }],
    traits: Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`trait_${String(i).padStart(3, '0')}`, i])),
  });
  api = await startFakeProfileApi({ profiles: crowd });
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
  api.faults.length = 0;
  api.faultFor = undefined;
  api.latencyMs = 0;
  lookupLog.length = 0;
});

const settings = () => ({
  profileApiUrl: api.url,
  spaceId: FAKE_SPACE_ID,
  profileApiToken: FAKE_TOKEN,
  defaultCountry: 'US',
  identifierPriority: [] as string[],
});
const service = (options: ProfileServiceOptions = {}) =>
  createProfileService(settings(), {
    logger: silentUpstreamLogger,
    lookupLogger: (entry) => lookupLog.push(entry),
    attemptTimeoutMs: 500,
    ...options,
  });
const task = (label: string) => DEMO_TASKS.find((candidate) => candidate.label === label)!.attributes;

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('lookup by channel (demo customers)', () => {
  it.each(CHANNEL_CASES.map((item) => [item.name, item] as const))('%s', async (_, item) => {
    const lookup = service().lookup({ taskAttributes: item.taskAttributes });
    if (item.expected === null) {
      expect(await apiError(lookup)).toMatchObject({ status: 404, code: 'profile_not_found' });
      return;
    }
    const { profile } = await lookup;
    expect(profile.segmentId).toBe(item.expected.segmentId);
    expect(profile.matchedIdentifier).toEqual(item.expected.matchedIdentifier);
  });
});

describe('lookup', () => {
  it('assembles one normalised profile', async () => {
    const { profile } = await service().lookup({ taskAttributes: task('Inbound call') });
    expect(profile.displayName).toBe('Ana García');
    expect(profile.traits.computed).toEqual({ total_inbounds: 7, frequent_inbound_channel: 'voice' });
    expect(profile.traits.predictive).toEqual({ likelihood_to_churn: 0.12 });
    expect(profile.traits.audiences).toEqual({ premium_customers: true });
    expect(profile.traits.custom).toMatchObject({ plan: 'Premium', city: 'San Francisco', lifetime_value: 4210.5 });
    expect(profile.traits.custom).not.toHaveProperty('total_inbounds');
    expect(profile.identifiers.map((identifier) => `${identifier.type}:${identifier.value}`)).toEqual([
      'user_id:usr_ana_garcia',
      'email:ana.garcia@example.com',
      'phone:+14155550100',
    ]);
    expect(profile.metadata).toMatchObject({ createdAt: '2026-01-01T00:00:00Z', lastSourceId: 'src_flex' });
    expect(profile.timeline.items.map((item) => [item.type, item.name])).toEqual([
      ['track', 'Flex - Engagement Initiated'],
      ['page', 'Pricing'],
      ['identify', undefined],
    ]);
    expect(profile.timeline.items[0]).toMatchObject({ id: 'msg-ana-1', sourceId: 'src_flex' });
    expect(profile.linkedAccounts).toEqual([]);
  });

  it('fetches linked accounts with their traits', async () => {
    const { profile } = await service().lookup({ identifier: 'user_id:usr_marcus_johnson' });
    expect(profile.linkedAccounts).toEqual([
      { id: 'johnson-logistics', traits: expect.objectContaining({ plan: 'Enterprise' }) },
    ]);
    expect(
      api.requests.filter((request) => request.resource === 'traits' && request.profileId.startsWith('group_id:')),
    ).toHaveLength(1);
  });

  it('makes 7 upstream calls in one parallel round when the top candidate matches', async () => {
    api.latencyMs = 300;
    const started = Date.now();
    await service().lookup({ taskAttributes: task('Inbound call') });
    const elapsed = Date.now() - started;
    expect(api.requests).toHaveLength(7);
    expect(elapsed).toBeLessThan(300 * 1.6); // two rounds would take at least 600 ms
  });

  it('probes lower candidates in the same round, so a miss on the first costs one more round, not two', async () => {
    api.latencyMs = 300;
    const started = Date.now();
    const { profile } = await service().lookup({ taskAttributes: { user_id: 'usr_nobody', from: '+447700900123' } });
    const elapsed = Date.now() - started;
    expect(profile.matchedIdentifier).toEqual({ type: 'phone', value: '+447700900123' });
    expect(api.requests).toHaveLength(14); // 7 for user_id (missed) + 1 phone probe, then 6 for phone
    expect(elapsed).toBeLessThan(300 * 2.5); // three rounds would take at least 900 ms
  });

  it('prefers the highest-priority candidate that has a profile', async () => {
    const { profile } = await service().lookup({
      taskAttributes: { from: '+14155550100', customers: { email: 'kenji.tanaka@example.jp' } },
    });
    expect(profile.matchedIdentifier).toEqual({ type: 'email', value: 'kenji.tanaka@example.jp' });
  });

  it('reads every page of traits by sending next back', async () => {
    const { profile } = await service().lookup({ identifier: 'user_id:usr_many_traits' });
    expect(Object.keys(profile.traits.custom)).toHaveLength(450);
    const plainTraits = api.requests.filter((request) => request.resource === 'traits' && !request.query.has('class'));
    expect(plainTraits.map((request) => request.query.get('next'))).toEqual([null, '200', '400']);
    expect(plainTraits.every((request) => request.query.get('limit') === '200')).toBe(true);
  });

  it('stops when a cursor repeats instead of looping on a broken page', async () => {
    const looping = JSON.stringify({ traits: { extra: 1 }, cursor: { has_more: true, next: '200' } });
    api.faultFor = (request) =>
      request.resource === 'traits' && request.query.get('next')
        ? { kind: 'status', status: 200, body: looping }
        : undefined;
    const { profile } = await service().lookup({ identifier: 'user_id:usr_many_traits' });
    expect(profile.traits.custom.extra).toBe(1);
    expect(api.requests.filter((request) => request.resource === 'traits' && request.query.has('next'))).toHaveLength(
      1,
    );
  });

  it('stops paging at the trait cap', async () => {
    const { profile } = await service({ maxTraits: 150, traitsPageSize: 100 }).lookup({
      identifier: 'user_id:usr_many_traits',
    });
    expect(Object.keys(profile.traits.custom)).toHaveLength(200);
  });

  it('answers profile_not_found when the task has no identifier, without calling Segment', async () => {
    const error = await apiError(service().lookup({ taskAttributes: { from: 'client:alice', channelType: 'voice' } }));
    expect(error).toMatchObject({ status: 404, code: 'profile_not_found' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('trait classes learnt per space', () => {
  it('skips the two class= calls once warm, and asks again for a trait name not yet learnt', async () => {
    const profiles = service();
    for (const label of ['Inbound call', 'WhatsApp', 'Web chat'])
      await profiles.lookup({ taskAttributes: task(label) });
    api.requests.length = 0;
    const { profile: sofia } = await profiles.lookup({ taskAttributes: task('Outbound call') });
    expect(api.requests).toHaveLength(5);
    expect(api.requests.some((request) => request.query.has('class'))).toBe(false);
    expect(sofia.traits.audiences).toEqual({ premium_customers: true });
    expect(sofia.traits.predictive).toEqual({ likelihood_to_churn: 0.12 });

    api.requests.length = 0;
    const { profile: marcus } = await profiles.lookup({ taskAttributes: task('Email') }); // has `company`, never seen
    expect(api.requests.filter((request) => request.query.has('class'))).toHaveLength(2);
    expect(marcus.traits.custom).toMatchObject({ company: 'Johnson Logistics' });
    expect(marcus.traits.audiences).toEqual({ premium_customers: false });
  });
});

describe('trait classes in a burst', () => {
  it('makes the class= calls for the first few lookups only, the rest learn from them', async () => {
    api.latencyMs = 50;
    const profiles = service();
    const labels = ['Inbound call', 'WhatsApp', 'Web chat', 'Outbound call'];
    const answers = await Promise.all(labels.map((label) => profiles.lookup({ taskAttributes: task(label) })));
    expect(api.requests.filter((request) => request.query.has('class'))).toHaveLength(6);
    expect(api.requests).toHaveLength(3 * 7 + 5);
    expect(answers[3].profile.traits.audiences).toEqual({ premium_customers: true });
    expect(answers[3].profile.traits.computed).toEqual({});
  });
});

describe('cache and single-flight', () => {
  it('serves a repeat lookup, and the same customer by another identifier, from the cache', async () => {
    const profiles = service();
    await profiles.lookup({ taskAttributes: task('Inbound call') });
    const calls = api.requests.length;
    const again = await profiles.lookup({ taskAttributes: task('Inbound call') });
    const byEmail = await profiles.lookup({ identifier: 'email:Ana.Garcia@Example.com' });
    expect(api.requests).toHaveLength(calls);
    expect(again.profile.segmentId).toBe('use_2Ana0Garcia0Demo000000000');
    expect(byEmail.profile.matchedIdentifier).toEqual({ type: 'email', value: 'ana.garcia@example.com' });
    expect(profiles.stats()).toMatchObject({ lookups: 3, cacheHits: 2 });
    expect(lookupLog.map((entry) => [entry.source, entry.upstreamRequests])).toEqual([
      ['segment', 7],
      ['cache', 0],
      ['cache', 0],
    ]);
    expect(JSON.stringify(lookupLog)).not.toMatch(/ana|4155550100/i);
  });

  it('shares one set of upstream calls between concurrent lookups of one customer', async () => {
    api.latencyMs = 50;
    const profiles = service();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => profiles.lookup({ taskAttributes: task('WhatsApp') })),
    );
    expect(new Set(answers.map((answer) => answer.profile.segmentId))).toEqual(
      new Set(['use_2Kenji0Tanaka0Demo0000000']),
    );
    expect(api.requests).toHaveLength(7);
    expect(profiles.stats()).toMatchObject({ lookups: 20, sharedLookups: 19, upstreamRequests: 7 });
    expect(lookupLog.filter((entry) => entry.source === 'segment')).toEqual([
      expect.objectContaining({ outcome: 'ok', upstreamRequests: 7, candidates: 1 }),
    ]);
    expect(lookupLog.filter((entry) => entry.source === 'shared')).toHaveLength(19);
  });

  it('asks Segment again on an agent refresh, past the cached profile and a remembered miss', async () => {
    const profiles = service();
    await profiles.lookup({ taskAttributes: task('Inbound call') });
    await apiError(profiles.lookup({ taskAttributes: task('Unknown caller') }));
    const calls = api.requests.length;

    const refreshed = await profiles.lookup({ taskAttributes: task('Inbound call'), refresh: true });
    expect(refreshed.profile.segmentId).toBe('use_2Ana0Garcia0Demo000000000');
    const afterProfile = api.requests.length;
    expect(afterProfile).toBeGreaterThan(calls);
    expect(await apiError(profiles.lookup({ taskAttributes: task('Unknown caller'), refresh: true }))).toMatchObject({
      status: 404,
    });
    expect(api.requests.length).toBeGreaterThan(afterProfile);
  });

  it('remembers a miss briefly', async () => {
    const profiles = service();
    await apiError(profiles.lookup({ taskAttributes: task('Unknown caller') }));
    const calls = api.requests.length;
    expect(await apiError(profiles.lookup({ taskAttributes: task('Unknown caller') }))).toMatchObject({ status: 404 });
    expect(api.requests).toHaveLength(calls);
  });

  it('does not cache errors', async () => {
    const profiles = service();
    api.faultFor = () => ({ kind: 'status', status: 401 });
    expect(await apiError(profiles.lookup({ taskAttributes: task('Email') }))).toMatchObject({
      status: 502,
      code: 'segment_auth_failed',
    });
    api.faultFor = undefined;
    const { profile } = await profiles.lookup({ taskAttributes: task('Email') });
    expect(profile.displayName).toBe('Marcus Johnson');
  });
});

describe('upstream failures', () => {
  it('answers segment_unavailable within the budget when Segment hangs', async () => {
    api.faultFor = () => ({ kind: 'hang' });
    const started = Date.now();
    const error = await apiError(
      service({ budgetMs: 700, attemptTimeoutMs: 250 }).lookup({ taskAttributes: task('Inbound call') }),
    );
    expect(error).toMatchObject({ status: 503, code: 'segment_unavailable' });
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('stops the other calls of a lookup that has failed instead of retrying them', async () => {
    api.faultFor = (request) =>
      request.resource === 'traits' && !request.query.has('class')
        ? { kind: 'status', status: 401 }
        : { kind: 'status', status: 503 };
    const error = await apiError(service().lookup({ taskAttributes: task('Inbound call') }));
    expect(error.code).toBe('segment_auth_failed');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(api.requests.length).toBeLessThanOrEqual(8); // without abandoning, six 503 calls keep retrying
  });

  it('answers segment_unavailable for malformed JSON', async () => {
    api.faultFor = (request) => (request.resource === 'traits' ? { kind: 'bad-json' } : undefined);
    expect(await apiError(service().lookup({ taskAttributes: task('Inbound call') }))).toMatchObject({ status: 503 });
  });

  it('rides out a short 429 storm', async () => {
    api.faults.push(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 429, retryAfter: '0' })));
    const { profile } = await service().lookup({ taskAttributes: task('Inbound call') });
    expect(profile.displayName).toBe('Ana García');
  });
});

describe('nextEvents', () => {
  it('returns the next timeline page from the cursor, with the type filter', async () => {
    const profiles = service({ eventsPageSize: 1 });
    const { profile } = await profiles.lookup({ taskAttributes: task('Inbound call') });
    expect(profile.timeline.items).toHaveLength(1);
    expect(profile.timeline.next).toBe('1');
    const page = await profiles.nextEvents({ segmentId: profile.segmentId, next: profile.timeline.next!, types: [] });
    expect(page.timeline.items.map((item) => item.id)).toEqual(['msg-ana-2']);
    const eventsCall = api.requests[api.requests.length - 1];
    expect(eventsCall.profileId).toBe('use_2Ana0Garcia0Demo000000000');
    expect(eventsCall.query.get('next')).toBe('1');

    await profiles.nextEvents({
      segmentId: profile.segmentId,
      next: '0',
      types: ['Flex - Engagement Initiated', 'Order Completed'],
    });
    expect(api.requests[api.requests.length - 1].query.get('include')).toBe(
      'Flex - Engagement Initiated,Order Completed',
    );
  });

  it('refuses a segment id that is not one, even without the schema in front', async () => {
    const error = await apiError(service().nextEvents({ segmentId: 'use_../../x', next: '1' }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_identifier' });
    expect(api.requests).toHaveLength(0);
  });

  it('answers profile_not_found for an unknown profile', async () => {
    const error = await apiError(service().nextEvents({ segmentId: 'use_Unknown', next: '1' }));
    expect(error).toMatchObject({ status: 404, code: 'profile_not_found' });
  });
});

describe('getProfileService', () => {
  it('keeps one service per settings and one pacer per space', () => {
    const first = getProfileService(settings()) as SegmentProfileService;
    expect(getProfileService(settings())).toBe(first);
    const rotated = getProfileService({ ...settings(), profileApiToken: 'rotated' }) as SegmentProfileService;
    expect(rotated).not.toBe(first);
    expect(rotated.client.pacer).toBe(first.client.pacer);
  });
});

describe('a profile linked to the task (taskAttributes.unified_profiles.link)', () => {
  const ANA = 'use_2Ana0Garcia0Demo000000000';
  const linkedAt = '2026-11-20T10:00:00.000Z';
  const link = (fields: Record<string, unknown>) => ({
    unified_profiles: { link: { linked_at: linkedAt, linked_by: 'agent', ...fields } },
  });
  // A task whose own identifiers name other customers (Kenji's phone, Sofia's user id): none may be looked up.
  const otherCustomers = { from: '+447700900123', user_id: 'usr_sofia_rossi' };
  const linkedToAna = { ...otherCustomers, ...link({ segment_id: ANA, identifier: 'phone:+14155550100' }) };

  it('looks up only the linked profile, by its use_ id, in one round of 7 calls', async () => {
    api.latencyMs = 300;
    const started = Date.now();
    const { profile } = await service().lookup({ taskAttributes: linkedToAna });
    const elapsed = Date.now() - started;
    expect(profile.segmentId).toBe(ANA);
    expect(profile.displayName).toBe('Ana García');
    expect(profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });
    expect(profile.link).toEqual({
      segment_id: ANA,
      identifier: 'phone:+14155550100',
      linked_at: linkedAt,
      linked_by: 'agent',
    });
    expect(api.requests.map((request) => request.profileId)).toEqual(Array(7).fill(ANA));
    expect(api.requests.map((request) => request.rawPath.split('/').pop()).sort()).toEqual(
      ['events', 'external_ids', 'links', 'metadata', 'traits', 'traits', 'traits'].sort(),
    );
    expect(elapsed).toBeLessThan(300 * 1.6); // two rounds would take at least 600 ms
    expect(lookupLog).toEqual([
      expect.objectContaining({ outcome: 'ok', source: 'segment', linked: true, candidates: 1, upstreamRequests: 7 }),
    ]);
  });

  it('without a segment id, looks up the linked identifier alone, normalised', async () => {
    const { profile } = await service().lookup({
      taskAttributes: {
        from: '+14155550100',
        ...link({ identifier: 'email:Kenji.Tanaka@Example.JP', linked_by: 'studio' }),
      },
    });
    expect(profile.segmentId).toBe('use_2Kenji0Tanaka0Demo0000000');
    expect(profile.matchedIdentifier).toEqual({ type: 'email', value: 'kenji.tanaka@example.jp' });
    expect(profile.link).toEqual({
      identifier: 'email:kenji.tanaka@example.jp',
      linked_at: linkedAt,
      linked_by: 'studio',
    });
    expect(new Set(api.requests.map((request) => request.profileId))).toEqual(
      new Set(['email:kenji.tanaka@example.jp']),
    );
  });

  it('lets a typed search win over the link', async () => {
    const { profile } = await service().lookup({
      taskAttributes: linkedToAna,
      identifier: 'user_id:usr_marcus_johnson',
    });
    expect(profile.displayName).toBe('Marcus Johnson');
    expect(profile.link).toBeUndefined();
    expect(api.requests.some((request) => request.profileId === ANA)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a segment id that is not one', { segment_id: 'use_../../x', identifier: 'phone:+14155550100' }],
    ['an identifier that does not parse', { segment_id: ANA, identifier: 'shoe_size:42' }],
    ['a wrong linked_by', { segment_id: ANA, identifier: 'phone:+14155550100', linked_by: 'robot' }],
  ])('ignores a link with %s and resolves the attributes as before', async (_label, fields) => {
    const { profile } = await service().lookup({
      taskAttributes: { ...otherCustomers, ...link(fields as Record<string, unknown>) },
    });
    expect(profile.segmentId).toBe('use_2Sofia0Rossi0Demo00000000'); // user_id outranks phone
    expect(profile.link).toBeUndefined();
    expect(api.requests.some((request) => request.profileId === ANA || request.profileId.startsWith('use_.'))).toBe(
      false,
    );
    expect(lookupLog[0]).toMatchObject({ linked: false, candidates: 2 });
  });

  it('ignores a link that is not an object', async () => {
    const { profile } = await service().lookup({
      taskAttributes: { from: '+14155550100', unified_profiles: { link: ANA } },
    });
    expect(profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });
    expect(profile.link).toBeUndefined();
  });

  it('answers profile_not_found saying the linked profile is gone, and probes nothing else', async () => {
    const profiles = service();
    const gone = { ...otherCustomers, ...link({ segment_id: 'use_2Gone0Away', identifier: 'phone:+14155550100' }) };
    const error = await apiError(profiles.lookup({ taskAttributes: gone }));
    expect(error).toMatchObject({ status: 404, code: 'profile_not_found' });
    expect(error.message).toMatch(/linked to this task no longer exists/);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((request) => request.profileId === 'use_2Gone0Away')).toBe(true);

    api.requests.length = 0; // a known miss: same answer, no call
    expect((await apiError(profiles.lookup({ taskAttributes: gone }))).message).toMatch(/linked to this task/);
    expect(api.requests).toHaveLength(0);

    const goneByIdentifier = { from: '+14155550100', ...link({ identifier: 'email:left@example.com' }) };
    const byIdentifier = await apiError(profiles.lookup({ taskAttributes: goneByIdentifier }));
    expect(byIdentifier).toMatchObject({ status: 404, code: 'profile_not_found' });
    expect(byIdentifier.message).toMatch(/linked to this task no longer exists/);
    expect(api.requests.every((request) => request.profileId === 'email:left@example.com')).toBe(true);
  });

  it('is cached by segment id: a repeat, or a link to a profile just found by search, needs no call', async () => {
    const profiles = service();
    await profiles.lookup({ taskAttributes: linkedToAna });
    const calls = api.requests.length;
    const again = await profiles.lookup({ taskAttributes: linkedToAna });
    expect(api.requests).toHaveLength(calls);
    expect(again.profile.link?.segment_id).toBe(ANA);
    expect(again.profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });

    const searched = service();
    await searched.lookup({ identifier: 'email:ana.garcia@example.com' });
    api.requests.length = 0;
    const linked = await searched.lookup({ taskAttributes: linkedToAna });
    expect(api.requests).toHaveLength(0);
    expect(linked.profile.link?.linked_by).toBe('agent');
    expect(linked.profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });
  });

  it('never lends the link to the same customer found another way, nor indexes an identifier the profile lacks', async () => {
    const profiles = service();
    const stale = { ...otherCustomers, ...link({ segment_id: ANA, identifier: 'email:ana.old@example.com' }) };
    const { profile } = await profiles.lookup({ taskAttributes: stale });
    expect(profile.matchedIdentifier).toEqual({ type: 'email', value: 'ana.old@example.com' });
    const searched = await profiles.lookup({ identifier: 'phone:+14155550100' });
    expect(searched.profile.link).toBeUndefined();
    expect(searched.profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });
    api.requests.length = 0;
    // The link named ana.old@…, but Ana's profile does not list it: a search for it asks Segment.
    expect(await apiError(profiles.lookup({ identifier: 'email:ana.old@example.com' }))).toMatchObject({ status: 404 });
    expect(api.requests.length).toBeGreaterThan(0);
  });

  it('shares one set of calls between concurrent lookups of one linked profile', async () => {
    api.latencyMs = 50;
    const profiles = service();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => profiles.lookup({ taskAttributes: linkedToAna })),
    );
    expect(answers.every((answer) => answer.profile.link?.segment_id === ANA)).toBe(true);
    expect(api.requests).toHaveLength(7);
  });
});
