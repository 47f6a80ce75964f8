import { DEMO_CUSTOMERS } from '../demo/customers';
import { simulatorForTest } from './test-client';

const kenji = DEMO_CUSTOMERS.find((customer) => customer.key === 'kenji')!;

describe('Segment simulator: Tracking API', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeEach(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.close());

  const engagement = (messageId: string, channelType: string, direction = 'Inbound') => ({
    userId: kenji.userId,
    event: 'Flex - Engagement Initiated',
    messageId,
    properties: { direction, channelType, queue: 'Support', lastKnownAgentWorkerSid: 'WK123' },
  });

  it('puts a tracked Flex engagement on the profile and recomputes Total inbounds and Frequent inbound channel', async () => {
    const before = (await sim.users(`user_id:${kenji.userId}/traits?class=computed_trait&limit=200`)).body.traits;
    for (const [index, channel] of ['sms', 'sms', 'sms', 'voice'].entries()) {
      expect((await sim.post('/v1/track', engagement(`m-${index}`, channel))).status).toBe(200);
    }
    await sim.post('/v1/track', engagement('m-out', 'sms', 'Outbound'));

    const after = (await sim.users(`user_id:${kenji.userId}/traits?class=computed_trait&limit=200`)).body.traits;
    expect(after.total_inbounds).toBe(before.total_inbounds + 4);
    const events = (await sim.users(`user_id:${kenji.userId}/events?include=Flex - Engagement Initiated&limit=100`))
      .body.data;
    expect(events.map((event: { message_id: string }) => event.message_id)).toEqual(
      expect.arrayContaining(['m-0', 'm-3', 'm-out']),
    );
    expect(after.frequent_inbound_channel).toBe('sms');
  });

  it('counts a retried message once (messageId de-duplication)', async () => {
    await sim.post('/v1/track', engagement('same-id', 'voice'));
    await sim.post('/v1/track', engagement('same-id', 'voice'));
    const events = (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data;
    expect(events.filter((event: { message_id: string }) => event.message_id === 'same-id')).toHaveLength(1);
  });

  it('accepts the write key in the body, and refuses a wrong one with 401', async () => {
    const inBody = await sim.post(
      '/v1/track',
      { ...engagement('k1', 'voice'), writeKey: 'sandbox-write-key' },
      undefined,
    );
    expect(inBody.status).toBe(200);
    const wrong = await sim.post('/v1/track', engagement('k2', 'voice'), 'wrong-key');
    expect(wrong.status).toBe(401);
  });

  it('answers 400 only for bad JSON and oversized messages; other problems show in the debugger', async () => {
    expect((await sim.post('/v1/track', '{not json')).status).toBe(400);
    expect(
      (await sim.post('/v1/track', { ...engagement('big', 'voice'), properties: { blob: 'x'.repeat(40_000) } })).status,
    ).toBe(400);
    expect((await sim.post('/v1/track', { event: 'No identity', messageId: 'anon-less' })).status).toBe(200);
    const debuggerView = await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json();
    expect(debuggerView.messages).toContainEqual(
      expect.objectContaining({ messageId: 'anon-less', outcome: 'rejected' }),
    );
  });

  it('resolves identity: an identify that joins an anonymous id and an email merges them into one profile', async () => {
    await sim.post('/v1/track', { anonymousId: 'anon-new-visitor', event: 'Product Viewed', messageId: 'v1' });
    await sim.post('/v1/identify', {
      anonymousId: 'anon-new-visitor',
      userId: 'usr_new_1',
      traits: { email: 'New.Person@Example.com', name: 'New Person' },
      messageId: 'v2',
    });

    const byEmail = await sim.users('email:new.person@example.com/external_ids');
    expect(byEmail.body.data.map((id: { type: string }) => id.type).sort()).toEqual([
      'anonymous_id',
      'email',
      'user_id',
    ]);
    const events = await sim.users('user_id:usr_new_1/events?limit=100');
    expect(events.body.data.map((event: { message_id: string }) => event.message_id).sort()).toEqual(['v1', 'v2']);
  });

  it('keeps the one-user_id limit: a second user_id does not join an existing profile', async () => {
    await sim.post('/v1/identify', { userId: 'usr_other', traits: { email: kenji.email }, messageId: 'conflict' });
    const ids = await sim.users(`user_id:${kenji.userId}/external_ids?include=user_id`);
    expect(ids.body.data).toEqual([expect.objectContaining({ id: kenji.userId })]);
  });

  it('takes a batch', async () => {
    const { status } = await sim.post('/v1/batch', {
      batch: [
        { type: 'track', ...engagement('b1', 'web') },
        { type: 'identify', userId: kenji.userId, traits: { plan: 'Premium' }, messageId: 'b2' },
      ],
    });
    expect(status).toBe(200);
    expect((await sim.users(`user_id:${kenji.userId}/traits?include=plan`)).body.traits.plan).toBe('Premium');
  });
});
