import { getExpectedTwilioSignature } from 'twilio';

import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import type { RunningFunctions } from '../../sandbox/functions/start-functions';
import { crowdIdentifiers } from '../../sandbox/segment-sim/seed';
import type { Answer } from './support/http';
import { SIM_PROFILE_TOKEN, SIM_SPACE_ID, silenceFunctionLogs, startTestStack, type TestStack } from './support/stack';

/**
 * /studio-traits over HTTP: a flow's signed form POST becomes one Tracking API `identify` at the
 * Segment simulator, which resolves it to a profile; what it wrote is read back through the
 * simulator's Profile API and its Event Debugger (de-duplication by messageId).
 */
jest.setTimeout(30_000);

const SANDBOX_AUTH_TOKEN = 'sandbox-auth-token';
const WRITABLE = 'preferred_name,plan,nps_score:number,callback_requested:boolean,next_visit:date';
const ana = DEMO_CUSTOMERS.find((demo) => demo.key === 'ana')!;
const priya = DEMO_CUSTOMERS.find((demo) => demo.key === 'priya')!;

let stack: TestStack;
let writer: RunningFunctions;
silenceFunctionLogs();
beforeAll(async () => {
  stack = await startTestStack();
  writer = await stack.startFunctions({
    SEGMENT_TRACKING_API_URL: stack.simulator.url,
    SEGMENT_WRITE_KEY: 'sandbox-write-key',
    UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS: WRITABLE,
  });
});
afterEach(() => stack.simulator.resetFaults());
afterAll(() => stack?.close());

let execution = 0;
/** A fresh execution sid, FN and 32 hex digits, as {{flow.sid}} renders. */
const nextExecution = () => `FN${(++execution).toString(16).padStart(32, '0')}`;
let nextCustomer = 700;
const freshCustomer = () => crowdIdentifiers(nextCustomer++);

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the test sees the text
  }
  return { status: response.status, headers: response.headers, body };
}

async function signedPost(
  functions: RunningFunctions,
  path: string,
  fields: Record<string, string>,
  token = SANDBOX_AUTH_TOKEN,
): Promise<Answer> {
  const url = `${functions.url}${path}`;
  const signature = getExpectedTwilioSignature(token, url, fields);
  return read(
    await fetch(url, {
      method: 'POST',
      headers: { 'X-Twilio-Signature': signature },
      body: new URLSearchParams(fields),
    }),
  );
}

const write = (fields: Record<string, string>, functions = writer) => signedPost(functions, '/studio-traits', fields);

/** The fields a Run Function widget sends to write `traits` for `identifier`. */
const request = (identifier: string, traits: Record<string, string>, extra: Record<string, string> = {}) => ({
  identifier,
  ExecutionSid: nextExecution(),
  Step: 'save_preferences',
  FlowSid: `FW${'1'.repeat(32)}`,
  ...Object.fromEntries(Object.entries(traits).map(([name, value]) => [`trait.${name}`, value])),
  ...extra,
});

async function profileApi(segmentId: string, resource: string) {
  const auth = Buffer.from(`${SIM_PROFILE_TOKEN}:`).toString('base64');
  const url = `${stack.simulator.url}/v1/spaces/${SIM_SPACE_ID}/collections/users/profiles/${segmentId}/${resource}`;
  return (await fetch(url, { headers: { Authorization: `Basic ${auth}` } })).json() as Promise<Record<string, never>>;
}

async function debuggerEntries(messageId: string) {
  const { messages } = (await (await fetch(`${stack.simulator.url}/__sim/debugger`)).json()) as {
    messages: Array<{ messageId: string; outcome: string; type: string }>;
  };
  return messages.filter((message) => message.messageId === messageId);
}

const trackingCalls = async () =>
  ((await stack.upstreamRequests()) as Array<{ path: string }>).filter((call) => call.path.startsWith('/v1/identify'));

describe('writing traits from a flow', () => {
  it('writes the allowed traits, typed, to the profile the identifier names, and never its user_id', async () => {
    const fields = request(`phone:${ana.phone}`, {
      preferred_name: 'Annie',
      nps_score: '9',
      callback_requested: 'true',
      next_visit: '2026-12-01',
    });
    const answer = await write(fields);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      written: true,
      messageId: expect.stringMatching(/^studio-FN[0-9a-f]{32}-save_preferences-[0-9a-f]{16}$/),
      traits: ['preferred_name', 'nps_score', 'callback_requested', 'next_visit'],
    });
    const { traits } = await profileApi(ana.segmentId, 'traits?limit=200');
    expect(traits).toMatchObject({
      preferred_name: 'Annie',
      nps_score: 9,
      callback_requested: true,
      next_visit: '2026-12-01',
      name: 'Ana García',
    });
    const { data } = (await profileApi(ana.segmentId, 'external_ids?limit=100')) as unknown as {
      data: Array<{ type: string; id: string }>;
    };
    expect(data.filter((id) => id.type === 'user_id').map((id) => id.id)).toEqual([ana.userId]);
    expect(await debuggerEntries(answer.body.messageId)).toEqual([
      expect.objectContaining({ type: 'identify', outcome: 'accepted' }),
    ]);
  });

  it('writes once however often Studio retries the widget: the same messageId, de-duplicated by Segment', async () => {
    const fields = request(`email:${priya.email}`, { preferred_name: 'Pri' });
    const first = await write(fields);
    const retry = await write(fields);
    expect(retry.status).toBe(200);
    expect(retry.body.messageId).toBe(first.body.messageId);
    expect((await debuggerEntries(first.body.messageId)).map((entry) => entry.outcome)).toEqual([
      'accepted',
      'duplicate',
    ]);
    // The same step with another value (a loop back to the widget) is another write.
    const changed = await write({ ...fields, 'trait.preferred_name': 'Priya P.' });
    expect(changed.body.messageId).not.toBe(first.body.messageId);
    expect((await profileApi(priya.segmentId, 'traits?include=preferred_name')).traits).toEqual({
      preferred_name: 'Priya P.',
    });
  });

  it('writes by user_id as userId (the profile’s own), and by phone without one', async () => {
    const caller = freshCustomer();
    expect((await write(request(`user_id:${caller.userId}`, { preferred_name: 'U' }))).status).toBe(200);
    expect((await write(request(`phone:${caller.phone}`, { plan: 'Gold' }))).status).toBe(200);
    const { traits } = await profileApi(caller.segmentId, 'traits?include=preferred_name,plan');
    expect(traits).toEqual({ preferred_name: 'U', plan: 'Gold' });
  });

  it('lets the next /studio-profile of the caller see what it wrote (the cache is dropped)', async () => {
    const caller = freshCustomer();
    const before = await signedPost(writer, '/studio-profile', { From: caller.phone });
    expect(before.body.found).toBe(true);
    expect((await write(request(before.body.identifier, { plan: 'Platinum' }))).status).toBe(200);
    const after = await signedPost(writer, '/studio-profile', { From: caller.phone });
    expect(after.body.traits.plan).toBe('Platinum');
  });
});

describe('what /studio-traits refuses', () => {
  const ok = () => request(`phone:${ana.phone}`, { preferred_name: 'Annie' });

  it.each<[string, number, string, Record<string, string>, RegExp]>([
    ['a trait the admin did not allow', 403, 'trait_not_allowed', { 'trait.vip': 'true' }, /vip/],
    ['a number that is none', 400, 'invalid_trait', { 'trait.nps_score': 'ten' }, /number/],
    ['a boolean that is none', 400, 'invalid_trait', { 'trait.callback_requested': 'yes' }, /true or false/],
    ['a date that is none', 400, 'invalid_trait', { 'trait.next_visit': 'next week' }, /ISO 8601/],
    ['an empty value', 400, 'invalid_trait', { 'trait.preferred_name': ' ' }, /empty/],
    ['a value over 256 characters', 400, 'invalid_trait', { 'trait.preferred_name': 'a'.repeat(300) }, /256/],
    ['no ExecutionSid', 400, 'invalid_request', { ExecutionSid: '' }, /ExecutionSid/],
    ['an ExecutionSid that is none', 400, 'invalid_request', { ExecutionSid: 'FN123' }, /flow\.sid/],
    ['a Step with a space', 400, 'invalid_request', { Step: 'save it' }, /Step/],
    ['a FlowSid that is none', 400, 'invalid_request', { FlowSid: 'FWnope' }, /FlowSid/],
    ['no identifier', 400, 'invalid_request', { identifier: '' }, /identifier/],
    ['an identifier that is none', 400, 'invalid_identifier', { identifier: 'ana' }, /type:value/],
    [
      'an identifier of a type it does not write by',
      400,
      'invalid_identifier',
      { identifier: 'group_id:acme' },
      /user_id, email, phone/,
    ],
  ])('%s → %i %s, nothing sent to Segment', async (_label, status, code, change, message) => {
    await stack.clearUpstreamRequests();
    const answer = await write({ ...ok(), ...change });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toMatch(message);
    expect(await trackingCalls()).toEqual([]);
  });

  it('no trait field at all → 400; more than 20 → 400', async () => {
    const none: Record<string, string> = ok();
    delete none['trait.preferred_name'];
    expect((await write(none)).body.error.message).toMatch(/trait\.<name>/);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`trait.t${index}`, 'x']));
    expect((await write({ ...none, ...many })).body.error.message).toMatch(/at most 20/);
  });

  it('a Service with no writable traits configured refuses every trait (403), naming the variable', async () => {
    const none = await stack.startFunctions({
      SEGMENT_TRACKING_API_URL: stack.simulator.url,
      SEGMENT_WRITE_KEY: 'sandbox-write-key',
    });
    const answer = await write(ok(), none);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS');
  });

  it('a writable list naming user_id makes every write 503 not_configured', async () => {
    const misconfigured = await stack.startFunctions({
      SEGMENT_TRACKING_API_URL: stack.simulator.url,
      SEGMENT_WRITE_KEY: 'sandbox-write-key',
      UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS: 'preferred_name,user_id',
    });
    await stack.clearUpstreamRequests();
    const answer = await write({ ...ok(), 'trait.user_id': 'usr_someone_else' }, misconfigured);
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('not_configured');
    expect(await trackingCalls()).toEqual([]);
  });

  it.each<[string, number, (fields: Record<string, string>) => Promise<Answer>]>([
    [
      'no signature',
      401,
      async (fields) =>
        read(await fetch(`${writer.url}/studio-traits`, { method: 'POST', body: new URLSearchParams(fields) })),
    ],
    ['another token', 403, (fields) => signedPost(writer, '/studio-traits', fields, 'wrong-token')],
    [
      'a tampered trait',
      403,
      async (fields) => {
        const url = `${writer.url}/studio-traits`;
        const signature = getExpectedTwilioSignature(SANDBOX_AUTH_TOKEN, url, fields);
        const tampered = { ...fields, 'trait.preferred_name': 'Mallory' };
        return read(
          await fetch(url, {
            method: 'POST',
            headers: { 'X-Twilio-Signature': signature },
            body: new URLSearchParams(tampered),
          }),
        );
      },
    ],
  ])('%s → %i, and no identify', async (_label, status, send) => {
    await stack.clearUpstreamRequests();
    const answer = await send(ok());
    expect(answer.status).toBe(status);
    expect(await trackingCalls()).toEqual([]);
  });

  it('answers 503 segment_unavailable when the Tracking API keeps failing, after its retries', async () => {
    stack.simulator.setFaults({ errorRates: { '503': 1 }, pathFilter: '/v1/identify' });
    const answer = await write(ok());
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('segment_unavailable');
    expect(answer.body.error.message).toMatch(/no trait was written/);
  });

  it('answers 503 not_configured without a write key', async () => {
    const keyless = await stack.startFunctions({
      SEGMENT_TRACKING_API_URL: stack.simulator.url,
      UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS: WRITABLE,
    });
    const answer = await write(ok(), keyless);
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toMatch(/write key/);
  });
});
