import { gzipSync } from 'node:zlib';

import { DEMO_CUSTOMERS } from '../demo/customers';
import { simulatorOptionsFromEnv } from './options-from-env';
import { simulatorForTest } from './test-client';

const kenji = DEMO_CUSTOMERS.find((customer) => customer.key === 'kenji')!;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A clock the test moves by hand, for the simulator's `clock` option. */
function movableClock(start = Date.parse('2026-11-29T12:00:00.000Z')) {
  let now = start;
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    iso: (offsetMs = 0) => new Date(now + offsetMs).toISOString(),
  };
}

type DebuggerMessage = {
  messageId: string;
  outcome: string;
  reason?: string;
  code?: string;
  receivedAt?: string;
  sentAt?: string;
  originalTimestamp?: string;
  timestamp?: string;
};

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

  const debuggerMessages = async () =>
    (await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json()).messages as Array<{
      messageId: string;
      outcome: string;
      reason?: string;
    }>;
  const kenjiEventIds = async () =>
    (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data.map(
      (event: { message_id: string }) => event.message_id,
    );

  it('accepts the write key in the body as well as the Basic user name', async () => {
    const inBody = await sim.post('/v1/track', { ...engagement('k1', 'voice'), writeKey: 'sandbox-write-key' }, null);
    expect(inBody).toEqual({ status: 200, body: { success: true } });
    expect(await kenjiEventIds()).toContain('k1');
  });

  it('answers 200 to a wrong write key, as Segment does, but drops the message', async () => {
    const wrong = await sim.post('/v1/track', engagement('k2', 'voice'), 'wrong-key');
    expect(wrong.status).toBe(200);
    expect(await kenjiEventIds()).not.toContain('k2');
    expect(await debuggerMessages()).toContainEqual(expect.objectContaining({ messageId: 'k2', outcome: 'rejected' }));
  });

  it('takes a write key encoded without the colon, as Segment still does', async () => {
    const response = await fetch(`${sim.simulator.url}/v1/track`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from('sandbox-write-key').toString('base64')}`,
      },
      body: JSON.stringify(engagement('no-colon', 'voice')),
    });
    expect(response.status).toBe(200);
    expect(await kenjiEventIds()).toContain('no-colon');
  });

  it('answers 400 when no write key is sent at all', async () => {
    expect((await sim.post('/v1/track', engagement('k3', 'voice'), null)).status).toBe(400);
    expect(await kenjiEventIds()).not.toContain('k3');
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

  it('keeps the one-user_id limit: the lower-priority email is dropped and the new user_id gets its own profile', async () => {
    await sim.post('/v1/identify', { userId: 'usr_other', traits: { email: kenji.email }, messageId: 'conflict' });
    const ids = await sim.users(`user_id:${kenji.userId}/external_ids?include=user_id`);
    expect(ids.body.data).toEqual([expect.objectContaining({ id: kenji.userId })]);
    const other = await sim.users('user_id:usr_other/external_ids');
    expect(other.body.data.map((id: { type: string; id: string }) => `${id.type}:${id.id}`)).toEqual([
      'user_id:usr_other',
    ]);
    expect((await sim.users('user_id:usr_other/events')).body.data[0].message_id).toBe('conflict');
  });

  it('merges two existing profiles that one message names, with their events and Flex computed traits', async () => {
    // Crowd member 3 has no user_id; a visitor known only by an anonymous id turns out to be them.
    const visitor = { anonymousId: 'anon-visitor-merge' };
    for (const [index, channel] of ['chat', 'chat'].entries()) {
      await sim.post('/v1/track', { ...visitor, ...engagement(`merge-${index}`, channel), userId: undefined });
    }
    const crowd = await sim.users('anonymous_id:anon-sim-3/traits?include=email,total_inbounds');
    const before = crowd.body.traits.total_inbounds;
    await sim.post('/v1/identify', { ...visitor, traits: { email: crowd.body.traits.email }, messageId: 'merge-id' });

    const merged = await sim.users('anonymous_id:anon-visitor-merge/external_ids');
    expect(merged.body.data.map((id: { id: string }) => id.id)).toEqual(
      expect.arrayContaining(['anon-sim-3', 'anon-visitor-merge', crowd.body.traits.email]),
    );
    const traits = (await sim.users('anonymous_id:anon-sim-3/traits?include=total_inbounds')).body.traits;
    expect(traits.total_inbounds).toBe(before + 2);
    const events = (await sim.users('anonymous_id:anon-sim-3/events?limit=100')).body.data;
    expect(events.map((event: { message_id: string }) => event.message_id)).toEqual(
      expect.arrayContaining(['merge-0', 'merge-1', 'merge-id']),
    );
  });

  it('ignores blocked identifier values (null, anonymous, -1, zeros)', async () => {
    await sim.post('/v1/identify', { userId: 'null', anonymousId: 'anon-blocked-1', messageId: 'blk1' });
    await sim.post('/v1/identify', { userId: '0000', anonymousId: 'anonymous', messageId: 'blk2' });
    expect((await sim.users('user_id:null/traits')).status).toBe(404);
    expect((await sim.users('anonymous_id:anon-blocked-1/external_ids')).body.data).toHaveLength(1);
    expect(await debuggerMessages()).toContainEqual(
      expect.objectContaining({ messageId: 'blk2', outcome: 'rejected' }),
    );
  });

  it('links a user to an account on a group call, both ways', async () => {
    const group = { userId: kenji.userId, groupId: 'grp_new_co', traits: { name: 'New Co' }, messageId: 'g1' };
    expect((await sim.post('/v1/group', group)).status).toBe(200);
    const account = await sim.profileGet('accounts/profiles/group_id:grp_new_co/traits');
    expect(account.body.traits).toEqual({ name: 'New Co' });
    const userLinks = (await sim.users(`user_id:${kenji.userId}/links`)).body.data;
    expect(userLinks).toContainEqual({
      to_collection: 'accounts',
      external_ids: [expect.objectContaining({ type: 'group_id', id: 'grp_new_co' })],
    });
    const accountLinks = (await sim.profileGet('accounts/profiles/group_id:grp_new_co/links')).body.data;
    expect(accountLinks[0].external_ids).toContainEqual(expect.objectContaining({ id: kenji.userId }));
  });

  it('refuses a messageId of 100 characters or more', async () => {
    await sim.post('/v1/track', engagement('x'.repeat(100), 'voice'));
    expect(await debuggerMessages()).toContainEqual(expect.objectContaining({ outcome: 'rejected' }));
    expect(await kenjiEventIds()).not.toContain('x'.repeat(100));
  });

  it('answers 429 past 1,000 requests a second, with Retry-After and X-RateLimit-Reset', async () => {
    const limited = await simulatorForTest({ trackingRateLimitPerSecond: 2 });
    try {
      const answers = await Promise.all(
        [0, 1, 2].map((index) =>
          fetch(`${limited.simulator.url}/v1/track`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: limited.basic('sandbox-write-key') },
            body: JSON.stringify(engagement(`rl-${index}`, 'voice')),
          }),
        ),
      );
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused).toHaveLength(1);
      expect(refused[0].headers.get('retry-after')).toBe('1');
      expect(refused[0].headers.get('x-ratelimit-reset')).toBe('1');
    } finally {
      await limited.simulator.close();
    }
  });

  it('refuses a whole batch with 400 when one message in it is over 32 KB, as documented', async () => {
    const answer = await sim.post('/v1/batch', {
      batch: [
        { type: 'track', ...engagement('big-in-batch', 'web'), properties: { blob: 'x'.repeat(33_000) } },
        { type: 'track', ...engagement('small-in-batch', 'web') },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'invalid_request_error', message: expect.stringMatching(/32 KB/) } });
    const ids = await kenjiEventIds();
    expect(ids).not.toContain('big-in-batch');
    expect(ids).not.toContain('small-in-batch');
    expect((await debuggerMessages()).map((message) => message.messageId)).not.toContain('small-in-batch');
  });

  it('merges the batch context under each message context', async () => {
    const { status } = await sim.post('/v1/batch', {
      context: { library: { name: 'flex-functions' } },
      batch: [{ type: 'track', ...engagement('small-in-batch', 'web'), context: { ip: '203.0.113.9' } }],
    });
    expect(status).toBe(200);
    const events = (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data;
    const small = events.find((event: { message_id: string }) => event.message_id === 'small-in-batch');
    expect(small.context).toEqual({ library: { name: 'flex-functions' }, ip: '203.0.113.9' });
  });

  it('answers a batch of more than 2,500 messages 200 and rejects the messages past the 2,500th, as documented', async () => {
    const batch = Array.from({ length: 2501 }, (_, index) => ({
      type: 'track',
      userId: kenji.userId,
      event: 'Bulk',
      messageId: `bulk-${index}`,
    }));
    expect((await sim.post('/v1/batch', { batch })).status).toBe(200);
    const messages = await debuggerMessages();
    expect(messages).toContainEqual(expect.objectContaining({ messageId: 'bulk-2499', outcome: 'accepted' }));
    expect(messages).toContainEqual(expect.objectContaining({ messageId: 'bulk-2500', outcome: 'rejected' }));
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

describe('Segment simulator: Tracking API bodies and identity', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeEach(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.close());

  const debuggerMessages = async (target = sim) =>
    (await (await fetch(`${target.simulator.url}/__sim/debugger`)).json()).messages as DebuggerMessage[];

  it.each([
    ['/v1/batch', 'null'],
    ['/v1/track', 'null'],
    ['/v1/identify', 'null'],
    ['/v1/batch', '[]'],
    ['/v1/track', '42'],
  ])("answers %s with a %s body 400 in Segment's error shape, not 500", async (path, body) => {
    const answer = await sim.post(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'invalid_request_error', message: expect.any(String) } });
  });

  it('answers a message without userId and anonymousId 200 and drops it with no_user_anon_id (the default)', async () => {
    const single = await sim.post('/v1/track', { event: 'Nobody', messageId: 'no-id-single', userId: null });
    expect(single).toEqual({ status: 200, body: { success: true } });
    const batch = await sim.post('/v1/batch', {
      batch: [{ type: 'identify', traits: { name: 'Nobody' }, messageId: 'no-id-batched', anonymousId: '' }],
    });
    expect(batch.status).toBe(200);
    const messages = await debuggerMessages();
    for (const messageId of ['no-id-single', 'no-id-batched']) {
      expect(messages).toContainEqual(
        expect.objectContaining({ messageId, outcome: 'rejected', code: 'no_user_anon_id' }),
      );
    }
  });

  it('answers such a single call 400 no_user_anon_id with missingIdentity: bad_request; a batch still 200', async () => {
    const strict = await simulatorForTest({ missingIdentity: 'bad_request' });
    try {
      const single = await strict.post('/v1/track', { event: 'Nobody', messageId: 'strict-single' });
      expect(single.status).toBe(400);
      expect(single.body).toEqual({ error: { code: 'no_user_anon_id', message: expect.stringMatching(/userId/) } });
      const batch = await strict.post('/v1/batch', { batch: [{ type: 'track', event: 'Nobody', messageId: 'b' }] });
      expect(batch.status).toBe(200);
      expect(await debuggerMessages(strict)).toContainEqual(
        expect.objectContaining({ messageId: 'b', outcome: 'rejected', code: 'no_user_anon_id' }),
      );
      expect((await strict.post('/v1/track', { event: 'Someone', userId: 'usr_strict' })).status).toBe(200);
    } finally {
      await strict.simulator.close();
    }
    expect(simulatorOptionsFromEnv({ SEGMENT_SIM_MISSING_IDENTITY: 'bad_request' }).missingIdentity).toBe(
      'bad_request',
    );
    expect(simulatorOptionsFromEnv({}).missingIdentity).toBeUndefined();
  });
});

describe('Segment simulator: alias and import', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeEach(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.close());

  const debuggerMessages = async () =>
    (await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json()).messages as DebuggerMessage[];
  const idsOf = async (profile: string) =>
    (await sim.users(`${profile}/external_ids`)).body.data.map(
      (id: { type: string; id: string }) => `${id.type}:${id.id}`,
    );

  it('answers POST /v1/alias 200 and records it, but never merges Unify profiles', async () => {
    await sim.post('/v1/track', { anonymousId: 'anon-alias-visitor', event: 'Product Viewed', messageId: 'al-1' });
    await sim.post('/v1/identify', { userId: 'usr_alias_member', traits: { name: 'Alias Member' }, messageId: 'al-2' });

    const alias = { previousId: 'anon-alias-visitor', userId: 'usr_alias_member', messageId: 'al-3' };
    expect(await sim.post('/v1/alias', alias)).toEqual({ status: 200, body: { success: true } });
    expect(await debuggerMessages()).toContainEqual(
      expect.objectContaining({ type: 'alias', messageId: 'al-3', outcome: 'accepted', note: expect.any(String) }),
    );
    expect(await idsOf('user_id:usr_alias_member')).toEqual(['user_id:usr_alias_member']);
    expect(await idsOf('anonymous_id:anon-alias-visitor')).toEqual(['anonymous_id:anon-alias-visitor']);
    const events = (await sim.users('user_id:usr_alias_member/events')).body.data;
    expect(events.map((event: { message_id: string }) => event.message_id)).toEqual(['al-2']);

    // An alias naming nobody makes no profile either, also inside a batch.
    const batch = [{ type: 'alias', previousId: 'anon-alias-nobody', userId: 'usr_alias_nobody', messageId: 'al-4' }];
    expect((await sim.post('/v1/batch', { batch })).status).toBe(200);
    expect((await sim.users('user_id:usr_alias_nobody/traits')).status).toBe(404);
    expect(await debuggerMessages()).toContainEqual(
      expect.objectContaining({ messageId: 'al-4', outcome: 'accepted' }),
    );
  });

  it('takes POST /v1/import as /v1/batch', async () => {
    const answer = await sim.post('/v1/import', {
      context: { library: { name: 'importer' } },
      batch: [
        { type: 'identify', userId: 'usr_imported', traits: { plan: 'Imported' }, messageId: 'imp-1' },
        { type: 'track', userId: 'usr_imported', event: 'Order Completed', messageId: 'imp-2' },
      ],
    });
    expect(answer).toEqual({ status: 200, body: { success: true } });
    expect((await sim.users('user_id:usr_imported/traits')).body.traits).toEqual({ plan: 'Imported' });
    const events = (await sim.users('user_id:usr_imported/events')).body.data;
    expect(events.map((event: { message_id: string }) => event.message_id).sort()).toEqual(['imp-1', 'imp-2']);
    expect(events[0].context).toEqual({ library: { name: 'importer' } });
    // The batch's limits hold there too.
    const big = { type: 'track', userId: 'usr_imported', event: 'Big', properties: { blob: 'x'.repeat(33_000) } };
    expect((await sim.post('/v1/import', { batch: [big] })).status).toBe(400);
  });
});

describe('Segment simulator: gzip bodies', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeEach(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.close());

  const postEncoded = async (path: string, body: Buffer, encoding: string) => {
    const response = await fetch(`${sim.simulator.url}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': encoding,
        Authorization: sim.basic('sandbox-write-key'),
      },
      body: new Uint8Array(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const gzipJson = (value: unknown) => gzipSync(Buffer.from(JSON.stringify(value)));
  /** A batch of fewer than 2,500 small messages whose JSON is about `bytes` long: it compresses to a few KB. */
  const batchOf = (bytes: number) => {
    const message = (index: number) => ({
      type: 'track',
      userId: 'usr_gzip_bulk',
      event: 'Bulk',
      messageId: `gz-${index}`,
      properties: { note: 'x'.repeat(200) },
    });
    const count = Math.floor(bytes / JSON.stringify(message(10_000)).length);
    return { batch: Array.from({ length: count }, (_, index) => message(index)) };
  };

  it('takes a Content-Encoding: gzip body as the JSON it decompresses to', async () => {
    const batch = {
      batch: [
        { type: 'identify', userId: 'usr_gzip', traits: { plan: 'Compressed' }, messageId: 'gz-a' },
        { type: 'track', userId: 'usr_gzip', event: 'Order Completed', messageId: 'gz-b' },
      ],
    };
    expect(await postEncoded('/v1/batch', gzipJson(batch), 'gzip')).toEqual({ status: 200, body: { success: true } });
    const single = { userId: 'usr_gzip', event: 'Product Viewed', messageId: 'gz-c' };
    expect((await postEncoded('/v1/track', gzipJson(single), 'gzip')).status).toBe(200);
    expect((await sim.users('user_id:usr_gzip/traits')).body.traits).toEqual({ plan: 'Compressed' });
    const events = (await sim.users('user_id:usr_gzip/events')).body.data;
    expect(events.map((event: { message_id: string }) => event.message_id).sort()).toEqual(['gz-a', 'gz-b', 'gz-c']);
  });

  it('applies the 32 KB and 500 KB limits to the decompressed JSON, not to the compressed bytes', async () => {
    const bigMessage = gzipJson({ userId: 'usr_gzip', event: 'Big', properties: { blob: 'x'.repeat(40_000) } });
    expect(bigMessage.length).toBeLessThan(2_000);
    const refused = await postEncoded('/v1/track', bigMessage, 'gzip');
    expect(refused).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request_error', message: expect.any(String) } },
    });

    const bigBatch = gzipJson(batchOf(520_000));
    expect(bigBatch.length).toBeLessThan(100_000);
    expect((await postEncoded('/v1/batch', bigBatch, 'gzip')).status).toBe(400);
    expect((await postEncoded('/v1/batch', gzipJson(batchOf(450_000)), 'gzip')).status).toBe(200);
    // The debugger keeps the last 1,000 messages: every one of them was accepted, the batch's last included.
    const last = batchOf(450_000).batch.length - 1;
    const outcomes = (await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json()).messages
      .filter((message: DebuggerMessage) => message.messageId.startsWith('gz-'))
      .map((message: DebuggerMessage) => message.outcome);
    expect(new Set(outcomes)).toEqual(new Set(['accepted']));
    expect(outcomes).toHaveLength(1_000);
    expect((await sim.users('user_id:usr_gzip_bulk/events?limit=1')).body.data[0].message_id).toMatch(/^gz-/);
    expect(last).toBeGreaterThan(1_000);
  });

  it('answers 400 to a body that is not gzip, and to a content coding Segment does not take', async () => {
    const notGzip = await postEncoded('/v1/track', Buffer.from('{"userId":"u","event":"e"}'), 'gzip');
    expect(notGzip).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request_error', message: expect.any(String) } },
    });
    expect((await postEncoded('/v1/track', Buffer.from('{}'), 'br')).status).toBe(400);
  });
});

describe('Segment simulator: trait precedence', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  let time: ReturnType<typeof movableClock>;
  beforeEach(async () => {
    time = movableClock();
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000, clock: time.clock });
  });
  afterEach(() => sim.simulator.close());

  const identify = (ids: Record<string, string>, traits: Record<string, unknown>, agoMs: number) =>
    sim.post('/v1/identify', { ...ids, traits, timestamp: time.iso(-agoMs) });
  const verboseTraits = async (id: string) =>
    (await sim.users(`${id}/traits?verbose=true&limit=200`)).body.traits as Record<
      string,
      { value: unknown; updated_at: string }
    >;

  it('keeps the last-updated value: an identify with an older timestamp arriving later does not overwrite it', async () => {
    await identify({ userId: 'usr_precedence' }, { plan: 'Newer' }, HOUR_MS);
    await identify({ userId: 'usr_precedence' }, { plan: 'Older', city: 'Lisbon' }, 2 * HOUR_MS);
    const traits = await verboseTraits('user_id:usr_precedence');
    expect(traits.plan).toEqual(expect.objectContaining({ value: 'Newer', updated_at: time.iso(-HOUR_MS) }));
    // A trait the profile did not have is taken from the older message all the same.
    expect(traits.city).toEqual(expect.objectContaining({ value: 'Lisbon', updated_at: time.iso(-2 * HOUR_MS) }));
    // A newer message still overwrites.
    await identify({ userId: 'usr_precedence' }, { plan: 'Newest' }, 0);
    expect((await verboseTraits('user_id:usr_precedence')).plan.value).toBe('Newest');
  });

  it('on a merge, keeps per trait the value with the newer updated_at, whichever profile held it', async () => {
    await identify({ anonymousId: 'anon-precedence' }, { plan: 'Anonymous, newer' }, HOUR_MS);
    await identify({ anonymousId: 'anon-precedence' }, { city: 'Anonymous, older' }, 5 * HOUR_MS);
    await identify({ userId: 'usr_precedence_known' }, { plan: 'Known, older' }, 3 * HOUR_MS);
    await identify({ userId: 'usr_precedence_known' }, { city: 'Known, newer' }, 2 * HOUR_MS);
    // One message names both profiles: they merge into the user_id's.
    await sim.post('/v1/track', { userId: 'usr_precedence_known', anonymousId: 'anon-precedence', event: 'Signed In' });

    const traits = await verboseTraits('anonymous_id:anon-precedence');
    expect(traits.plan).toEqual(expect.objectContaining({ value: 'Anonymous, newer', updated_at: time.iso(-HOUR_MS) }));
    expect(traits.city).toEqual(expect.objectContaining({ value: 'Known, newer', updated_at: time.iso(-2 * HOUR_MS) }));
    const ids = (await sim.users('user_id:usr_precedence_known/external_ids')).body.data;
    expect(ids.map((id: { type: string }) => id.type).sort()).toEqual(['anonymous_id', 'user_id']);
  });
});

describe('Segment simulator: custom identifiers in context.externalIds', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeEach(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.close());

  const externalId = (type: string, id: string, collection = 'users') => ({ id, type, collection, encoding: 'none' });
  const idsOf = async (profile: string) =>
    (await sim.users(`${profile}/external_ids?limit=100`)).body.data.map(
      (id: { type: string; id: string }) => `${id.type}:${id.id}`,
    );

  it('resolves a phone sent in context.externalIds to the profile that holds it', async () => {
    const answer = await sim.post('/v1/track', {
      anonymousId: 'anon-external-phone',
      event: 'Flex - Engagement Initiated',
      messageId: 'ext-phone',
      context: { externalIds: [externalId('phone', kenji.phone!)] },
    });
    expect(answer.status).toBe(200);
    expect(await idsOf('anonymous_id:anon-external-phone')).toEqual(
      expect.arrayContaining([`user_id:${kenji.userId}`, `phone:${kenji.phone}`, 'anonymous_id:anon-external-phone']),
    );
    const events = (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data;
    expect(events.map((event: { message_id: string }) => event.message_id)).toContain('ext-phone');
  });

  it('adds a custom identifier type to the profile and merges on it', async () => {
    await sim.post('/v1/identify', {
      userId: 'usr_external_custom',
      traits: { name: 'Custom Id' },
      context: { externalIds: [externalId('zendesk_id', 'ZD-4821')] },
    });
    expect(await idsOf('zendesk_id:zd-4821')).toEqual(['user_id:usr_external_custom', 'zendesk_id:zd-4821']);

    // Another visitor known by the same custom identifier is the same person.
    await sim.post('/v1/track', {
      anonymousId: 'anon-external-custom',
      event: 'Product Viewed',
      context: { externalIds: [externalId('zendesk_id', 'zd-4821'), externalId('group_id', 'grp_other', 'accounts')] },
    });
    const ids = await idsOf('user_id:usr_external_custom');
    expect(ids.sort()).toEqual([
      'anonymous_id:anon-external-custom',
      'user_id:usr_external_custom',
      'zendesk_id:zd-4821',
    ]);
    // An identifier of another collection does not become a user identifier.
    expect((await sim.users('group_id:grp_other/traits')).status).toBe(404);
  });
});

describe('Segment simulator: Flex computed traits from tracked engagements', () => {
  const initiated = (userId: string, messageId: string, direction: string, channelType: string) => ({
    type: 'track',
    userId,
    event: 'Flex - Engagement Initiated',
    messageId,
    properties: { direction, channelType, queue: 'Support', lastKnownAgentWorkerSid: 'WK123' },
  });
  const batchFor = (userId: string) => ({
    batch: [
      initiated(userId, `${userId}-1`, 'Inbound', 'voice'),
      initiated(userId, `${userId}-2`, 'Inbound', 'sms'),
      initiated(userId, `${userId}-3`, 'Inbound', 'voice'),
      initiated(userId, `${userId}-4`, 'Outbound', 'sms'),
    ],
  });

  it('computes Total inbounds and Frequent inbound channel from a batch of Flex - Engagement Initiated', async () => {
    const sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
    try {
      expect((await sim.post('/v1/batch', batchFor('usr_flex_batch'))).status).toBe(200);
      const computed = await sim.users('user_id:usr_flex_batch/traits?class=computed_trait');
      expect(computed.status).toBe(200);
      // The outbound one counts for neither; Total outbounds is not computed unless asked for.
      expect(computed.body.traits).toEqual({ total_inbounds: 3, frequent_inbound_channel: 'voice' });
    } finally {
      await sim.simulator.close();
    }
  });

  it('computes the optional Total outbounds with totalOutbounds: true, for tracked and generated profiles', async () => {
    const sim = await simulatorForTest({ rateLimitPerSecond: 10_000, totalOutbounds: true });
    try {
      await sim.post('/v1/batch', batchFor('usr_flex_outbound'));
      await sim.post('/v1/track', initiated('usr_flex_outbound', 'out-2', 'Outbound', 'voice'));
      const computed = await sim.users('user_id:usr_flex_outbound/traits?class=computed_trait');
      expect(computed.body.traits).toEqual({
        total_inbounds: 3,
        frequent_inbound_channel: 'voice',
        total_outbounds: 2,
      });

      // A crowd member's whole history is within the 14 days: its Total outbounds is what /events shows.
      const crowd = 'user_id:usr_sim_20';
      const traits = (await sim.users(`${crowd}/traits?include=total_outbounds`)).body.traits;
      const events = (await sim.users(`${crowd}/events?include=Flex - Engagement Initiated&limit=100`)).body.data;
      const outbound = events.filter(
        (event: { properties: { direction: string } }) => event.properties.direction === 'Outbound',
      );
      expect(traits).toEqual({ total_outbounds: outbound.length });
      expect(
        typeof (await sim.users(`user_id:${kenji.userId}/traits?include=total_outbounds`)).body.traits.total_outbounds,
      ).toBe('number');
    } finally {
      await sim.simulator.close();
    }
    expect(simulatorOptionsFromEnv({ SEGMENT_SIM_TOTAL_OUTBOUNDS: 'true' }).totalOutbounds).toBe(true);
    expect(simulatorOptionsFromEnv({}).totalOutbounds).toBeUndefined();
  });
});

describe('Segment simulator: Tracking API time', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  let time: ReturnType<typeof movableClock>;
  beforeEach(async () => {
    time = movableClock();
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000, clock: time.clock });
  });
  afterEach(() => sim.simulator.close());

  const track = (messageId: string, extra: Record<string, unknown> = {}) =>
    sim.post('/v1/track', { userId: kenji.userId, event: 'Order Completed', messageId, ...extra });
  const eventIds = async () =>
    (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data.map(
      (event: { message_id: string }) => event.message_id,
    );
  const outcomesOf = async (messageId: string) =>
    ((await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json()).messages as DebuggerMessage[])
      .filter((message) => message.messageId === messageId)
      .map((message) => message.outcome);

  it('corrects clock skew: timestamp = receivedAt - (sentAt - originalTimestamp), with a message or batch sentAt', async () => {
    // The device's clock runs an hour fast: it says the event happened at +55 min and was sent at +60 min.
    const deviceSent = time.iso(HOUR_MS);
    const deviceEvent = time.iso(55 * 60_000);
    await track('skew-single', { timestamp: deviceEvent, sentAt: deviceSent });
    await sim.post('/v1/batch', {
      sentAt: deviceSent,
      batch: [
        {
          type: 'track',
          userId: kenji.userId,
          event: 'Order Completed',
          messageId: 'skew-batch',
          timestamp: deviceEvent,
        },
        // A message's own sentAt wins over the batch's.
        {
          type: 'track',
          userId: kenji.userId,
          event: 'Order Completed',
          messageId: 'skew-own-sent-at',
          timestamp: deviceEvent,
          sentAt: time.iso(5 * 60_000),
        },
      ],
    });
    await track('no-sent-at', { timestamp: time.iso(-3 * HOUR_MS) });
    await track('no-timestamp', { sentAt: deviceSent });
    // A correction past the dates JavaScript holds falls back to receivedAt rather than failing.
    const absurd = { timestamp: '-271000-01-01T00:00:00.000Z', sentAt: '+275000-01-01T00:00:00.000Z' };
    expect((await track('skew-absurd', absurd)).status).toBe(200);

    const events = (await sim.users(`user_id:${kenji.userId}/events?limit=100`)).body.data as Array<{
      message_id: string;
      timestamp: string;
    }>;
    const timestampOf = (messageId: string) => events.find((event) => event.message_id === messageId)?.timestamp;
    expect(timestampOf('skew-single')).toBe(time.iso(-5 * 60_000));
    expect(timestampOf('skew-batch')).toBe(time.iso(-5 * 60_000));
    expect(timestampOf('skew-own-sent-at')).toBe(time.iso(50 * 60_000));
    expect(timestampOf('no-sent-at')).toBe(time.iso(-3 * HOUR_MS));
    expect(timestampOf('no-timestamp')).toBe(time.iso());
    expect(timestampOf('skew-absurd')).toBe(time.iso());

    const logged = (
      (await (await fetch(`${sim.simulator.url}/__sim/debugger`)).json()).messages as DebuggerMessage[]
    ).find((message) => message.messageId === 'skew-single');
    expect(logged).toEqual(
      expect.objectContaining({
        receivedAt: time.iso(),
        sentAt: deviceSent,
        originalTimestamp: deviceEvent,
        timestamp: time.iso(-5 * 60_000),
      }),
    );
  });

  it('counts the 14-day events look-back from each request, not from the start', async () => {
    expect((await track('window-1', { timestamp: time.iso(-DAY_MS) })).status).toBe(200);
    expect(await eventIds()).toContain('window-1');
    time.advance(13 * DAY_MS);
    expect(await eventIds()).toContain('window-1');
    time.advance(DAY_MS + 1);
    const later = await sim.users(`user_id:${kenji.userId}/events?limit=100`);
    expect(later.status).toBe(200);
    expect(later.body.data.map((event: { message_id: string }) => event.message_id)).not.toContain('window-1');
    // Every event left is within 14 days of the request.
    for (const event of later.body.data as Array<{ timestamp: string }>) {
      expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(time.clock() - 14 * DAY_MS);
    }
  });

  it('forgets a messageId after about 24 hours: a repeat within the day is a duplicate, a day later it is new', async () => {
    await track('dedupe-window');
    time.advance(23 * HOUR_MS);
    await track('dedupe-window');
    expect(await outcomesOf('dedupe-window')).toEqual(['accepted', 'duplicate']);
    time.advance(2 * HOUR_MS);
    await track('dedupe-window');
    expect(await outcomesOf('dedupe-window')).toEqual(['accepted', 'duplicate', 'accepted']);
    expect((await eventIds()).filter((id: string) => id === 'dedupe-window')).toHaveLength(2);
  });
});
