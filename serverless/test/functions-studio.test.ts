import { getExpectedTwilioSignature } from 'twilio';

import { DEMO_CUSTOMERS, UNKNOWN_CALLER_PHONE } from '../../sandbox/demo/customers';
import { startFunctions, type RunningFunctions } from '../../sandbox/functions/start-functions';
import { crowdIdentifiers } from '../../sandbox/segment-sim/seed';
import type { Answer } from './support/http';
import { captureFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, startTestStack, type TestStack } from './support/stack';

/**
 * /studio-profile over HTTP, as a Studio flow's Run Function widget calls it: a form-encoded POST
 * signed with X-Twilio-Signature (the sandbox build checks it with AUTH_TOKEN, by default
 * sandbox-auth-token), served by twilio-run against the Segment simulator, whose request record
 * shows what reached Segment. And /profile for a task carrying what the flow answered.
 */
jest.setTimeout(30_000);

const SANDBOX_AUTH_TOKEN = 'sandbox-auth-token';
const customer = (key: string) => DEMO_CUSTOMERS.find((demo) => demo.key === key)!;
const [ana, kenji, priya, sofia] = ['ana', 'kenji', 'priya', 'sofia'].map(customer);

let stack: TestStack;
const logs = captureFunctionLogs();
beforeAll(async () => {
  stack = await startTestStack();
});
afterEach(() => stack.simulator.resetFaults());
afterAll(() => stack?.close());

// Crowd customers no other test here has looked up: the per-instance cache cannot answer for Segment.
let nextCustomer = 600;
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

interface Signing {
  /** The auth token the signature is made with. */
  token?: string;
  /** The URL the signature names, if not the one called. */
  url?: string;
  /** The fields the signature covers, if not the ones sent. */
  fields?: Record<string, string>;
  /** No X-Twilio-Signature at all. */
  unsigned?: boolean;
  /** This header value instead of a signature. */
  header?: string;
}

/** A POST as Studio sends it: form fields, X-Twilio-Signature over the URL and the sorted fields. */
async function studioPost(
  functions: RunningFunctions,
  path: string,
  fields: Record<string, string>,
  signing: Signing = {},
): Promise<Answer> {
  const url = `${functions.url}${path}`;
  const signature = getExpectedTwilioSignature(
    signing.token ?? SANDBOX_AUTH_TOKEN,
    signing.url ?? url,
    signing.fields ?? fields,
  );
  const headers: Record<string, string> = signing.unsigned ? {} : { 'X-Twilio-Signature': signing.header ?? signature };
  return read(await fetch(url, { method: 'POST', headers, body: new URLSearchParams(fields) }));
}

const lookup = (fields: Record<string, string>, signing?: Signing) =>
  studioPost(stack.functions, '/studio-profile', fields, signing);

const upstreamPaths = async () =>
  ((await stack.upstreamRequests()) as Array<{ path: string }>).map((request) => decodeURIComponent(request.path));

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('who may call /studio-profile', () => {
  const caller = { From: ana.phone! };

  it('answers a request signed with AUTH_TOKEN for its URL and fields', async () => {
    const answer = await lookup(caller);
    expect(answer.status).toBe(200);
    expect(answer.body.found).toBe(true);
  });

  it.each<[string, Signing, number, string]>([
    ['no X-Twilio-Signature', { unsigned: true }, 401, 'missing_signature'],
    ['a signature made with another auth token', { token: 'not-the-auth-token' }, 403, 'invalid_signature'],
    [
      'a signature for another URL',
      { url: 'https://unified-profiles-1234-dev.twil.io/studio-profile' },
      403,
      'invalid_signature',
    ],
    ['a signature for another Function', { url: 'STUDIO_TRAITS' }, 403, 'invalid_signature'],
    ['a tampered parameter', { fields: { From: kenji.phone! } }, 403, 'invalid_signature'],
    ['a parameter added after signing', { fields: {} }, 403, 'invalid_signature'],
    ['a signature that is none', { header: 'bm90IGEgc2lnbmF0dXJl' }, 403, 'invalid_signature'],
    ['an empty signature', { header: ' ' }, 401, 'missing_signature'],
  ])('refuses %s (401/403), before anything reaches Segment', async (_label, signing, status, code) => {
    await stack.clearUpstreamRequests();
    const url = signing.url === 'STUDIO_TRAITS' ? `${stack.functions.url}/studio-traits` : signing.url;
    const answer = await lookup(caller, { ...signing, url });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body).not.toHaveProperty('found');
    expect(await stack.upstreamRequests()).toEqual([]);
  });

  it('refuses a signed request for a field it does not sign (the header is checked, not the body)', async () => {
    await stack.clearUpstreamRequests();
    const answer = await lookup({ From: ana.phone!, identifier: `email:${kenji.email}` }, { fields: caller });
    expect(answer.status).toBe(403);
    expect(await stack.upstreamRequests()).toEqual([]);
  });

  it('takes a form POST only: JSON is 415, GET is 405, both before the signature is read', async () => {
    const url = `${stack.functions.url}/studio-profile`;
    const json = await read(
      await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(caller),
      }),
    );
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('unsupported_media_type');
    const get = await read(await fetch(`${url}?From=${encodeURIComponent(ana.phone!)}`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('checks with the AUTH_TOKEN the environment sets: the sandbox default then no longer signs', async () => {
    const own = await stack.startFunctions({ AUTH_TOKEN: 'shell-auth-token' });
    expect((await studioPost(own, '/studio-profile', caller)).status).toBe(403);
    const signed = await studioPost(own, '/studio-profile', caller, { token: 'shell-auth-token' });
    expect(signed.status).toBe(200);
    expect(signed.body.found).toBe(true);
  });

  describe('the production build', () => {
    let withToken: RunningFunctions;
    let without: RunningFunctions;
    const env = {
      SEGMENT_SPACE_ID: SIM_SPACE_ID,
      SEGMENT_PROFILE_API_TOKEN: SIM_PROFILE_TOKEN,
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
    };
    beforeAll(async () => {
      const segment = { ...env, SEGMENT_PROFILE_API_URL: stack.simulator.url };
      [withToken, without] = await Promise.all([
        startFunctions({ port: 0, variant: 'production', env: { ...segment, AUTH_TOKEN: 'prod-auth-token' } }),
        startFunctions({ port: 0, variant: 'production', env: segment }),
      ]);
    });
    afterAll(() => Promise.all([withToken, without].filter(Boolean).map((running) => running.close())));

    it('serves /studio-profile from studio-profile.protected.js (deployed as a protected Function)', async () => {
      const { readdir } = await import('node:fs/promises');
      const files = await readdir(withToken.functionsDir);
      expect(files).toEqual(expect.arrayContaining(['studio-profile.protected.js', 'studio-traits.protected.js']));
      expect(files).not.toContain('studio-profile.js');
    });

    it('checks the signature with AUTH_TOKEN, and knows no sandbox default', async () => {
      expect((await studioPost(withToken, '/studio-profile', caller, { token: 'prod-auth-token' })).status).toBe(200);
      expect((await studioPost(withToken, '/studio-profile', caller)).status).toBe(403);
    });

    it('answers 503 not_configured without AUTH_TOKEN, even with sandbox auth on, and calls no one', async () => {
      await stack.clearUpstreamRequests();
      const answer = await studioPost(without, '/studio-profile', caller);
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('not_configured');
      expect(answer.body.error.message).toContain('AUTH_TOKEN');
      expect(await stack.upstreamRequests()).toEqual([]);
    });
  });
});

describe('what /studio-profile answers', () => {
  it('finds the caller by From and answers what a flow reads', async () => {
    const answer = await lookup({ From: ana.phone!, FlowSid: 'FW' + '0'.repeat(32) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    const body = answer.body;
    expect(body).toMatchObject({
      found: true,
      degraded: false,
      segmentId: ana.segmentId,
      displayName: 'Ana García',
      identifier: `phone:${ana.phone}`,
      traits: {
        lifetime_value: 4210.5,
        plan: 'Premium',
        likelihood_to_churn: 0.12,
        likelihood_to_purchase: 0.87,
        total_inbounds: 7,
        frequent_inbound_channel: 'voice',
      },
      audiences: ['high_value_customers', 'newsletter_subscribers'],
      routing: { priority: 10, vip: true, churnRisk: false, reason: 'vip_audience' },
    });
    expect(body).not.toHaveProperty('reason');
    // Only the highlighted traits: not city, not name parts.
    expect(Object.keys(body.traits)).not.toContain('city');
    const link = body.taskAttributes.unified_profiles.link;
    expect(link).toMatchObject({ segment_id: ana.segmentId, identifier: `phone:${ana.phone}`, linked_by: 'studio' });
    expect(Math.abs(Date.parse(link.linked_at) - Date.now())).toBeLessThan(10_000);
  });

  it('asks Segment once, in one round: the named traits and the audiences, in parallel', async () => {
    await stack.clearUpstreamRequests();
    const answer = await lookup({ From: sofia.phone! });
    expect(answer.body).toMatchObject({ found: true, segmentId: sofia.segmentId, displayName: 'Sofia Rossi' });
    const paths = await upstreamPaths();
    expect(paths).toHaveLength(2);
    for (const path of paths) expect(path).toContain(`/profiles/phone:${sofia.phone}/traits?`);
    expect(paths.filter((path) => path.includes('class=audience'))).toHaveLength(1);
    expect(paths.filter((path) => path.includes('include='))).toHaveLength(1);
  });

  it('answers a repeat from the instance’s cache, with no call to Segment', async () => {
    expect((await lookup({ From: ana.phone! })).status).toBe(200);
    await stack.clearUpstreamRequests();
    const again = await lookup({ From: ana.phone! });
    expect(again.body.found).toBe(true);
    expect(await upstreamPaths()).toEqual([]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a WhatsApp From', { From: `whatsapp:${kenji.phone}` }, `phone:${kenji.phone}`],
    ['a pre-engagement email', { email: priya.email!.toUpperCase() }, `email:${priya.email}`],
    ['a typed identifier', { identifier: `user_id:${kenji.userId}` }, `user_id:${kenji.userId}`],
    ['an email beside a From, email first', { From: kenji.phone!, email: priya.email! }, `email:${priya.email}`],
    ['a From whose email is not one (the email ignored)', { From: kenji.phone!, email: 'no' }, `phone:${kenji.phone}`],
  ])('finds the caller by %s', async (_label, fields, identifier) => {
    const answer = await lookup(fields);
    expect(answer.status).toBe(200);
    expect(answer.body.found).toBe(true);
    expect(answer.body.identifier).toBe(identifier);
    expect(answer.body.taskAttributes.unified_profiles.link.identifier).toBe(identifier);
  });

  it('routes a caller in no VIP audience and not at risk with priority 0', async () => {
    const answer = await lookup({ From: kenji.phone! });
    expect(answer.body.audiences).not.toContain('high_value_customers');
    expect(answer.body.routing).toEqual({ priority: 0, vip: false, churnRisk: false, reason: null });
  });

  it('answers an unknown caller with 200 found:false (not_found), not degraded, and an empty taskAttributes', async () => {
    const answer = await lookup({ From: UNKNOWN_CALLER_PHONE });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      found: false,
      degraded: false,
      reason: 'not_found',
      segmentId: null,
      displayName: null,
      identifier: null,
      traits: {},
      audiences: [],
      routing: { priority: 0, vip: false, churnRisk: false, reason: null },
      taskAttributes: {},
    });
  });

  it('answers a caller who names no customer (a client: identity) found:false, no_identifier, without Segment', async () => {
    await stack.clearUpstreamRequests();
    const answer = await lookup({ From: 'client:anna', email: '' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ found: false, degraded: false, reason: 'no_identifier' });
    expect(await stack.upstreamRequests()).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['Segment 5 s slow', { latencyMs: 5_000 }],
    ['Segment answering 503', { errorRates: { '503': 1 } }],
    ['Segment dropping connections', { dropRate: 1 }],
  ])('with %s: 200 found:false, degraded:true, within 3 s', async (_label, faults) => {
    stack.simulator.setFaults(faults);
    const caller = freshCustomer();
    const { result: answer, ms } = await timed(() => lookup({ From: caller.phone }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ found: false, degraded: true, reason: 'segment_unavailable' });
    expect(answer.body.taskAttributes).toEqual({});
    expect(ms).toBeLessThan(3_000);
  });

  it('after an outage, asks Segment again (a degraded answer is not cached as a miss)', async () => {
    const caller = freshCustomer();
    stack.simulator.setFaults({ errorRates: { '503': 1 } });
    expect((await lookup({ From: caller.phone })).body.degraded).toBe(true);
    stack.simulator.resetFaults();
    const again = await lookup({ From: caller.phone });
    expect(again.body).toMatchObject({ found: true, segmentId: caller.segmentId });
  });

  it('answers 200 found:false, degraded (not_configured) when no Segment space is configured', async () => {
    const unconnected = await stack.startFunctions({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: '' });
    const answer = await studioPost(unconnected, '/studio-profile', { From: ana.phone! });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ found: false, degraded: true, reason: 'not_configured' });
  });

  it('logs each lookup without the caller’s identifiers', async () => {
    const caller = freshCustomer();
    await lookup({ From: caller.phone, email: caller.email });
    const lines = logs.filter((line) => line.includes('studio_lookup'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(caller.phone);
      expect(line).not.toContain(caller.email);
    }
  });
});

describe('bad input to /studio-profile', () => {
  it.each<[string, Record<string, string>, string, RegExp]>([
    ['no field at all', {}, 'invalid_request', /identifier.*From.*email/],
    ['only blank fields', { From: ' ', email: '', identifier: '' }, 'invalid_request', /identifier.*From.*email/],
    ['only fields it does not read', { Body: 'hello', CallSid: 'CA1' }, 'invalid_request', /identifier/],
    ['an identifier that is neither typed nor an address', { identifier: 'ana' }, 'invalid_identifier', /type:value/],
    ['an identifier of a type not configured', { identifier: 'shoe:42' }, 'invalid_identifier', /not one of/],
    ['a placeholder identifier', { identifier: 'phone:0000' }, 'invalid_identifier', /phone|placeholder/],
    ['an identifier over 512 characters', { identifier: `user_id:${'a'.repeat(600)}` }, 'invalid_request', /512/],
    ['an identifier with a control character', { identifier: 'user_id:a\u0007b' }, 'invalid_request', /control/],
    ['an email that is not one, alone', { email: 'not-an-email' }, 'invalid_identifier', /email/],
    ['a From over 256 characters', { From: `+1${'5'.repeat(300)}` }, 'invalid_request', /256/],
  ])('%s → 400, nothing sent to Segment', async (_label, fields, code, message) => {
    await stack.clearUpstreamRequests();
    const answer = await lookup(fields);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toMatch(message);
    expect(await stack.upstreamRequests()).toEqual([]);
  });
});

describe('/profile for a task carrying what /studio-profile answered', () => {
  const userPaths = (paths: string[]) => paths.filter((path) => path.includes('/collections/users/'));
  const mentions = (paths: string[], other: ReturnType<typeof crowdIdentifiers>) =>
    paths.filter((path) => [other.segmentId, other.phone, other.email].some((id) => path.includes(id)));

  /** A task as Send to Flex makes it: the caller's own attributes, the flow's link merged in. */
  async function taskFromFlow(linked: ReturnType<typeof crowdIdentifiers>, other: ReturnType<typeof crowdIdentifiers>) {
    const answer = await lookup({ From: linked.phone });
    expect(answer.body.found).toBe(true);
    return {
      type: 'inbound',
      name: other.phone,
      from: other.phone,
      customers: { email: other.email },
      ...answer.body.taskAttributes,
    };
  }

  it('looks up the linked profile directly, by its use_ id: no probe of the task’s From or email', async () => {
    const linked = freshCustomer();
    const other = freshCustomer();
    const taskAttributes = await taskFromFlow(linked, other);
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', { taskAttributes });
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(linked.segmentId);
    expect(answer.body.profile.link).toMatchObject({ segment_id: linked.segmentId, linked_by: 'studio' });
    expect(answer.body.profile.matchedIdentifier).toEqual({ type: 'phone', value: linked.phone });

    const paths = await upstreamPaths();
    const user = userPaths(paths);
    // One round for the profile: its details in parallel (5 calls, and 2 class= pages until learnt).
    for (const path of user) expect(path).toContain(`/collections/users/profiles/${linked.segmentId}/`);
    expect(user.filter((path) => !path.includes('class='))).toHaveLength(5);
    expect(mentions(paths, other)).toEqual([]);
  });

  it('(without the carried attributes, the same task probes the From and the email)', async () => {
    const other = freshCustomer();
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', {
      taskAttributes: { type: 'inbound', from: other.phone, customers: { email: other.email } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.profile).not.toHaveProperty('link');
    // The answer does not wait for a lower identifier's probe once a better one matched: let it land.
    const probedBoth = async () => {
      const probed = userPaths(await upstreamPaths()).filter((path) => /\/traits\?limit=/.test(path));
      return [other.phone, other.email].every((id) => probed.some((path) => path.includes(id)));
    };
    for (let wait = 0; wait < 20 && !(await probedBoth()); wait += 1) await new Promise((done) => setTimeout(done, 50));
    expect(await probedBoth()).toBe(true);
  });

  it('sends the attributes through a form post as JSON text too (as a Flex task carries them)', async () => {
    const linked = freshCustomer();
    const taskAttributes = await taskFromFlow(linked, freshCustomer());
    const answer = await stack.functions.call('/profile', { taskAttributes: JSON.stringify(taskAttributes) }, 'form');
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(linked.segmentId);
    expect(answer.body.profile.link.linked_by).toBe('studio');
  });
});
