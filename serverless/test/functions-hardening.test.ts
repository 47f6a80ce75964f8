import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { crowdIdentifiers } from '../../sandbox/segment-sim/seed';
import type { Answer } from './support/http';
import { captureFunctionLogs, startTestStack, type TestStack } from './support/stack';

/**
 * The Functions' request rules over HTTP (twilio-run serving the sandbox build, against the
 * simulator): what a request must look like, and what happens when it does not.
 */
const FLEX_FUNCTIONS = ['/profile', '/profile-events', '/unify-config', '/unify-check', '/engagement'];
const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const LOOKUP = { identifier: `email:${ana.email}` };

let stack: TestStack;
const logs = captureFunctionLogs();
beforeAll(async () => {
  stack = await startTestStack();
}, 30_000);
afterEach(() => stack.simulator.resetFaults());
afterAll(() => stack?.close());

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

/** Any request to a Function, as a client other than the plugin might send it. */
async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  return read(await fetch(`${stack.functions.url}${path}`, init));
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('a lone UTF-16 surrogate where an identifier is read', () => {
  it.each([
    ['a typed identifier', { identifier: 'user_id:a\ud800b' }],
    ['a typed email', { identifier: 'email:a\udc00@example.com' }],
    ['a bare email', { identifier: 'ana\ud800@example.com' }],
    ['taskAttributes.email', { taskAttributes: { email: 'a\ud800@x.com' } }],
    ['taskAttributes.user_id', { taskAttributes: { user_id: 'a\ud800' } }],
    ['taskAttributes.customers.external_id', { taskAttributes: { customers: { external_id: '\udfffid' } } }],
  ])('%s answers 400 invalid_identifier, not a 500', async (_label, body) => {
    const answer = await stack.functions.call('/profile', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_identifier');
    expect(answer.body.error.message).toMatch(/surrogate|character/);
  });

  it('taskAttributes as JSON text in a form post: 400 invalid_identifier', async () => {
    const answer = await stack.functions.call('/profile', { taskAttributes: '{"user_id":"a\\ud800"}' }, 'form');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_identifier');
  });

  it('skips such a value in an address field and still finds the customer by another', async () => {
    const answer = await stack.functions.call('/profile', {
      taskAttributes: { from: 'a\ud800@x.com', email: ana.email, note: 'broken \ud800 text elsewhere' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.profile.segmentId).toBe(ana.segmentId);
  });

  it('/unify-check identifier: 400 invalid_identifier', async () => {
    const answer = await stack.functions.call('/unify-check', {
      Token: 'sandbox-admin',
      identifier: 'user_id:a\ud800',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_identifier');
  });

  it.each([
    ['segmentId', { segmentId: 'use_a\ud800', types: ['Order Completed'] }],
    ['next', { segmentId: ana.segmentId, next: 'abc\ud800' }],
  ])('/profile-events %s: 400 invalid_request', async (_label, body) => {
    const answer = await stack.functions.call('/profile-events', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
  });
});

describe('the Flex token travels in the body only', () => {
  it.each(FLEX_FUNCTIONS)('POST %s?Token=… answers 400 token_in_url, with the body holding no token', async (path) => {
    const answer = await send(`${path}?Token=sandbox-admin`, json(LOOKUP));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('token_in_url');
    expect(answer.body.error.message).toMatch(/body/);
  });

  it('refuses a token in the URL even when the body carries one too', async () => {
    const answer = await send('/profile?Token=sandbox-agent', json({ Token: 'sandbox-agent', ...LOOKUP }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('token_in_url');
  });

  it('refuses a token in the URL of a form post, and a lower-case token', async () => {
    const form = await send('/profile?Token=sandbox-agent', {
      method: 'POST',
      body: new URLSearchParams({ identifier: LOOKUP.identifier }),
    });
    expect(form.status).toBe(400);
    expect(form.body.error.code).toBe('token_in_url');
    const lower = await send('/profile?token=sandbox-agent', json({ Token: 'sandbox-agent', ...LOOKUP }));
    expect(lower.body.error.code).toBe('token_in_url');
  });

  it('GET with the token in the URL: 400 token_in_url, and no lookup is made', async () => {
    await stack.clearUpstreamRequests();
    const query = new URLSearchParams({ Token: 'sandbox-agent', ...LOOKUP });
    const answer = await send(`/profile?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('token_in_url');
    expect(await stack.upstreamRequests()).toEqual([]);
  });

  it('never writes the URL or the token in it to the logs', async () => {
    const secret = 'url-token-that-must-not-be-logged';
    logs.length = 0;
    await send(`/profile?Token=${secret}`, json(LOOKUP));
    await send(`/profile?Token=${secret}`);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(secret);
    expect(logs.join('\n')).not.toContain('?Token');
  });
});

describe('only POST (and the runtime’s OPTIONS preflight)', () => {
  it.each(['GET', 'DELETE', 'HEAD'])('%s /profile answers 405 method_not_allowed with Allow', async (method) => {
    const answer = await send('/profile', { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST, OPTIONS');
    if (method !== 'HEAD') expect(answer.body.error.code).toBe('method_not_allowed');
  });

  it.each(['PUT', 'PATCH', 'DELETE'])(
    '%s with a JSON body and a valid token answers 405, and no lookup is made',
    async (method) => {
      await stack.clearUpstreamRequests();
      const answer = await send('/profile', { ...json({ Token: 'sandbox-agent', ...LOOKUP }), method });
      expect(answer.status).toBe(405);
      expect(answer.body.error).toEqual({ code: 'method_not_allowed', message: expect.stringMatching(/POST/) });
      expect(answer.headers.get('allow')).toBe('POST, OPTIONS');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(await stack.upstreamRequests()).toEqual([]);
    },
  );

  it.each(FLEX_FUNCTIONS)('GET %s answers 405', async (path) => {
    const answer = await send(path);
    expect(answer.status).toBe(405);
    expect(answer.body.error.code).toBe('method_not_allowed');
  });

  it('still answers a browser preflight with 204 and the CORS headers', async () => {
    const response = await fetch(`${stack.functions.url}/profile`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://flex.twilio.com', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('still answers the plugin’s JSON and form posts', async () => {
    expect((await stack.functions.call('/profile', LOOKUP)).status).toBe(200);
    expect((await stack.functions.call('/profile', LOOKUP, 'form')).status).toBe(200);
  });
});

describe('a body the Functions cannot read', () => {
  const tokenBody = JSON.stringify({ Token: 'sandbox-agent', ...LOOKUP });
  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }, tokenBody],
    ['no Content-Type', {}, new Blob([tokenBody])],
    ['XML', { 'Content-Type': 'application/xml' }, '<request><Token>sandbox-agent</Token></request>'],
  ])('%s: 415 unsupported_media_type naming JSON and form', async (_label, headers, body) => {
    const answer = await send('/profile', { method: 'POST', headers, body });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
    expect(answer.body.error.message).toMatch(/application\/json/);
    expect(answer.body.error.message).toMatch(/application\/x-www-form-urlencoded/);
  });

  it('multipart/form-data: 415 unsupported_media_type', async () => {
    const form = new FormData();
    form.set('Token', 'sandbox-agent');
    form.set('identifier', LOOKUP.identifier);
    const answer = await send('/profile', { method: 'POST', body: form });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
  });

  it('an empty POST: 415 unsupported_media_type', async () => {
    const answer = await send('/profile', { method: 'POST' });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
  });

  it.each([
    ['holding the request object', [{ Token: 'sandbox-agent', ...LOOKUP }]],
    ['of strings', ['sandbox-agent']],
    ['empty', []],
  ])('a JSON array %s: 400 invalid_request asking for a JSON object', async (_label, body) => {
    const answer = await send('/profile', json(body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.message).toMatch(/JSON object/);
  });
});

describe('a field named request decides nothing', () => {
  const fakePreflight = { request: { headers: { 'access-control-request-method': 'POST' } } };

  it('a JSON body field request shaped like a preflight: 401 missing_token, not 204', async () => {
    const answer = await send('/profile', json(fakePreflight));
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('missing_token');
  });

  it('with a forged token: 403 invalid_token', async () => {
    const answer = await send('/unify-config', json({ Token: 'forged', ...fakePreflight }));
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('invalid_token');
  });

  it('a request[...] query parameter shaped like a preflight: 401 missing_token, not 204', async () => {
    const answer = await send('/profile?request[headers][access-control-request-method]=POST', json(LOOKUP));
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('missing_token');
  });
});

describe('the outcome log', () => {
  it('names the Function’s path, never the shell’s PATH', async () => {
    const functions = await stack.startFunctions({ PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' });
    logs.length = 0;
    await functions.call('/profile', LOOKUP);
    await functions.call('/profile-events', { segmentId: ana.segmentId, types: ['Order Completed'] });
    const lines = logs.filter((line) => line.includes('"at":"unified-profiles"')).map((line) => JSON.parse(line));
    expect(lines.map((line) => line.path)).toEqual(['/profile', '/profile-events']);
  });
});

describe('malformed JSON from Segment is retried like a 5xx', () => {
  it('one malformed answer, then Segment answers: 200', async () => {
    stack.simulator.setFaults({ next: ['malformed'] });
    const phone = crowdIdentifiers(7).phone;
    const answer = await stack.functions.call('/profile', { identifier: `phone:${phone}` });
    expect(answer.status).toBe(200);
    expect(answer.body.profile.matchedIdentifier).toEqual({ type: 'phone', value: phone });
  }, 15_000);

  it('malformed every time: 503 segment_unavailable within the budget', async () => {
    stack.simulator.setFaults({ malformedJsonRate: 1 });
    const started = Date.now();
    const answer = await stack.functions.call('/profile', { identifier: `phone:${crowdIdentifiers(8).phone}` });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('segment_unavailable');
    expect(Date.now() - started).toBeLessThan(9_000);
  }, 15_000);
});
