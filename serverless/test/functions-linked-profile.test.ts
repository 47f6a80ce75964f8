import { crowdIdentifiers } from '../../sandbox/segment-sim/seed';
import { silenceFunctionLogs, startTestStack, type TestStack } from './support/stack';

/**
 * /profile for a task linked to a profile (`taskAttributes.unified_profiles.link`), over HTTP:
 * twilio-run serving the sandbox build, against the Segment simulator and its request record.
 * Each test links crowd customers no earlier test has looked up, so the Functions' per-instance
 * cache cannot answer for Segment unless the test means it to.
 */
describe('/profile with a profile linked to the task', () => {
  let stack: TestStack;
  silenceFunctionLogs();
  beforeAll(async () => {
    stack = await startTestStack();
  }, 30_000);
  afterAll(() => stack?.close());

  let nextCustomer = 40;
  const customer = () => crowdIdentifiers(nextCustomer++);
  const LINKED_AT = '2026-11-20T10:00:00.000Z';
  const link = (fields: Record<string, unknown>) => ({
    unified_profiles: { link: { linked_at: LINKED_AT, linked_by: 'agent', ...fields } },
  });
  /** A task whose own attributes name another customer by phone, user id and email. */
  const taskOf = (other: ReturnType<typeof customer>, fields: Record<string, unknown>) => ({
    direction: 'inbound',
    from: other.phone,
    customers: { email: other.email, external_id: other.userId ?? 'usr_sim_missing' },
    ...link(fields),
  });
  const paths = async () =>
    ((await stack.upstreamRequests()) as Array<{ path: string }>).map((request) => request.path);
  const userPaths = (all: string[]) => all.filter((path) => path.includes('/collections/users/'));
  const resourceOf = (path: string) => new URL(path, 'http://sim').pathname.split('/').pop();
  /** Upstream paths that name the other customer by any of its ids. */
  const mentions = (all: string[], other: ReturnType<typeof customer>) =>
    all
      .map((path) => decodeURIComponent(path))
      .filter((path) => [other.segmentId, other.phone, other.email, 'usr_sim_'].some((id) => path.includes(id)));

  it('looks up the linked profile alone, by its use_ id: one profile’s details calls, none for the task’s other ids', async () => {
    const linked = customer();
    const other = customer();
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', {
      taskAttributes: taskOf(other, { segment_id: linked.segmentId, identifier: `phone:${linked.phone}` }),
    });
    expect(answer.status).toBe(200);
    const { profile } = answer.body;
    expect(profile.segmentId).toBe(linked.segmentId);
    expect(profile.matchedIdentifier).toEqual({ type: 'phone', value: linked.phone });
    expect(profile.link).toEqual({
      segment_id: linked.segmentId,
      identifier: `phone:${linked.phone}`,
      linked_at: LINKED_AT,
      linked_by: 'agent',
    });

    const all = await paths();
    const user = userPaths(all);
    for (const path of user) expect(path).toContain(`/collections/users/profiles/${linked.segmentId}/`);
    const plain = user.filter((path) => !path.includes('class='));
    const classPages = user.filter((path) => path.includes('class='));
    expect(plain.map(resourceOf).sort()).toEqual(['events', 'external_ids', 'links', 'metadata', 'traits']);
    // The two class= pages are made until this instance has learnt trait classes, then skipped.
    expect([0, 2]).toContain(classPages.length);
    // Beyond the profile itself: one traits call per linked account, nothing else.
    const rest = all.filter((path) => !user.includes(path));
    expect(rest).toHaveLength(profile.linkedAccounts.length);
    for (const path of rest) expect(path).toMatch(/\/collections\/accounts\/profiles\/group_id:[^/]+\/traits\?/);
    expect(mentions(all, other)).toEqual([]);
  });

  it('answers a repeat from the cache, without a Segment call, and still carries the link', async () => {
    const linked = customer();
    const taskAttributes = taskOf(customer(), { segment_id: linked.segmentId, identifier: `email:${linked.email}` });
    expect((await stack.functions.call('/profile', { taskAttributes })).status).toBe(200);
    await stack.clearUpstreamRequests();
    const again = await stack.functions.call('/profile', { taskAttributes });
    expect(again.status).toBe(200);
    expect(again.body.profile.segmentId).toBe(linked.segmentId);
    expect(again.body.profile.matchedIdentifier).toEqual({ type: 'email', value: linked.email });
    expect(again.body.profile.link.segment_id).toBe(linked.segmentId);
    expect(await paths()).toEqual([]);
  });

  it('without a segment id, looks up the linked identifier only (form post, attributes as JSON text)', async () => {
    const linked = customer();
    const other = customer();
    await stack.clearUpstreamRequests();
    const upperCaseEmail = `Email:${linked.email.toUpperCase()}`;
    const answer = await stack.functions.call(
      '/profile',
      { taskAttributes: JSON.stringify(taskOf(other, { identifier: upperCaseEmail, linked_by: 'studio' })) },
      'form',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(linked.segmentId);
    expect(answer.body.profile.matchedIdentifier).toEqual({ type: 'email', value: linked.email });
    expect(answer.body.profile.link).toEqual({
      identifier: `email:${linked.email}`,
      linked_at: LINKED_AT,
      linked_by: 'studio',
    });
    const user = userPaths(await paths());
    expect(user.filter((path) => !path.includes('class='))).toHaveLength(5);
    for (const path of user) expect(path).toContain(`/profiles/email:${encodeURIComponent(linked.email)}/`);
  });

  it('answers 404 profile_not_found when the linked profile is gone, without trying the task’s other ids', async () => {
    const other = customer();
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', {
      taskAttributes: taskOf(other, { segment_id: 'use_2Deleted0Profile0Gone', identifier: `phone:${other.phone}` }),
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('profile_not_found');
    expect(answer.body.error.message).toMatch(/profile linked to this task no longer exists/);
    const all = await paths();
    expect(all.length).toBeGreaterThan(0);
    for (const path of all) expect(path).toContain('/profiles/use_2Deleted0Profile0Gone/');
  });

  it.each<[string, string | Record<string, unknown>]>([
    ['a segment id that is not one', { segment_id: 'use_../../x', identifier: 'phone:+16502000001' }],
    ['an identifier of a type not configured', { segment_id: 'use_sim00000000000000000001', identifier: 'shoe:42' }],
    [
      'linked_at that is no time',
      { segment_id: 'use_sim00000000000000000001', linked_at: 'soon', identifier: 'phone:+16502000001' },
    ],
    ['a link that is a string', 'use_sim00000000000000000001'],
  ])('ignores a link with %s and resolves the task as before', async (_label, fields) => {
    const caller = customer();
    await stack.clearUpstreamRequests();
    const taskAttributes = {
      from: caller.phone,
      unified_profiles: {
        link: typeof fields === 'string' ? fields : { ...link({}).unified_profiles.link, ...fields },
      },
    };
    const answer = await stack.functions.call('/profile', { taskAttributes });
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(caller.segmentId);
    expect(answer.body.profile.matchedIdentifier).toEqual({ type: 'phone', value: caller.phone });
    expect(answer.body.profile).not.toHaveProperty('link');
    for (const path of await paths()) expect(path).not.toMatch(/use_sim0+1\/|use_\.\./);
  });

  it('lets a typed search win over the link', async () => {
    const linked = customer();
    const searched = customer();
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', {
      identifier: `phone:${searched.phone}`,
      taskAttributes: taskOf(customer(), { segment_id: linked.segmentId, identifier: `phone:${linked.phone}` }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(searched.segmentId);
    expect(answer.body.profile).not.toHaveProperty('link');
    expect((await paths()).some((path) => path.includes(linked.segmentId))).toBe(false);
  });
});
