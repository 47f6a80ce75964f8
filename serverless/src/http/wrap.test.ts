import { z } from 'zod';

import { TokenRejectedError, type FlexTokenValidator } from '../auth/flex-token';
import { ApiError } from './api-error';
import { HOST_REQUEST_FACTS, type HostRequestFacts } from './request-facts';
import type { FunctionContext, FunctionEvent, TwilioResponse } from './twilio-runtime';
import { wrap, type FlexFunctionHandler, type WrapOptions } from './wrap';

class RecordedResponse implements TwilioResponse {
  status = 200;
  body: unknown;
  headers: Record<string, string> = {};
  setStatusCode(status: number) {
    this.status = status;
  }
  setBody(body: unknown) {
    this.body = body;
  }
  appendHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}

const USERS: Record<string, string[]> = { 'good-agent': ['agent'], 'good-admin': ['admin'] };
const validateToken: FlexTokenValidator = async (token) => {
  if (!USERS[token]) throw new TokenRejectedError('unknown');
  return { identity: token, roles: USERS[token] };
};

const schema = z.object({ name: z.string().max(20), nested: z.object({ deep: z.number() }).optional() });

/** Runs a wrapped handler once and waits past every pending callback, counting them. */
async function call(
  event: FunctionEvent,
  handler: FlexFunctionHandler<z.output<typeof schema>>,
  options: WrapOptions = {},
  context: FunctionContext = { PATH: '/test' },
) {
  const answers: Array<{ error: unknown; response?: RecordedResponse }> = [];
  const fn = wrap(schema, handler, { validateToken, createResponse: () => new RecordedResponse(), ...options });
  fn(context, event, (error, response) => answers.push({ error, response: response as RecordedResponse }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(answers).toHaveLength(1);
  const response = answers[0].response as RecordedResponse;
  return { status: response.status, body: response.body as { error?: { code: string; message: string } }, response };
}

const ok: FlexFunctionHandler<z.output<typeof schema>> = async (body, { caller }) => ({
  hello: body.name,
  caller: caller.identity,
});

let logs: string[];
beforeEach(() => {
  logs = [];
  const record = (...args: unknown[]) => void logs.push(args.map(String).join(' '));
  jest.spyOn(console, 'log').mockImplementation(record);
  jest.spyOn(console, 'error').mockImplementation(record);
});
afterEach(() => jest.restoreAllMocks());

describe('wrap: the Flex token comes first', () => {
  it.each([
    ['absent', {}],
    ['empty', { Token: '' }],
    ['blank', { Token: '   ' }],
    ['not a string', { Token: ['good-agent'] }],
  ])('answers 401 missing_token when the token is %s, before looking at the body', async (_label, event) => {
    const handler = jest.fn(ok);
    const { status, body } = await call({ ...event, name: 42 }, handler);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('missing_token');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 403 invalid_token for a token the validator refuses, even with a bad body', async () => {
    const handler = jest.fn(ok);
    const { status, body } = await call({ Token: 'forged', name: 42 }, handler);
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: 'invalid_token', message: expect.stringMatching(/not valid/) });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers the ApiError a validator throws for a server-side problem', async () => {
    const failing: FlexTokenValidator = async () => {
      throw new ApiError(503, 'not_configured', 'ACCOUNT_SID missing');
    };
    const { status, body } = await call({ Token: 'x', name: 'a' }, ok, { validateToken: failing });
    expect(status).toBe(503);
    expect(body.error?.code).toBe('not_configured');
  });

  it('refuses a caller without the required role with 403 forbidden', async () => {
    const handler = jest.fn(ok);
    const refused = await call({ Token: 'good-agent', name: 'a' }, handler, { roles: ['admin'] });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
    expect(handler).not.toHaveBeenCalled();
    const allowed = await call({ Token: 'good-admin', name: 'a' }, handler, { roles: ['admin'] });
    expect(allowed.status).toBe(200);
  });
});

describe('wrap: the body', () => {
  it('hands the handler the validated body without Token, request or headers', async () => {
    const handler = jest.fn(ok);
    const request = { headers: { 'content-type': 'application/json', 'content-length': '80' }, cookies: {} };
    const event = { Token: 'good-agent', name: 'Ana', nested: { deep: 1 }, request, headers: {} };
    const { status, body } = await call(event, handler);
    expect(status).toBe(200);
    expect(body).toEqual({ hello: 'Ana', caller: 'good-agent' });
    expect(handler.mock.calls[0][0]).toEqual({ name: 'Ana', nested: { deep: 1 } });
  });

  it('answers 400 invalid_request naming the field and the problem', async () => {
    const { status, body } = await call({ Token: 'good-agent', name: 'Ana', nested: { deep: 'x' } }, ok);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_request');
    expect(body.error?.message).toMatch(/^nested\.deep: Expected number, received string/);
  });

  it('keeps the message short when the value is megabytes long', async () => {
    const huge = z.object({ kind: z.enum(['a', 'b']) });
    const answers: RecordedResponse[] = [];
    wrap(huge, async () => ({}), { validateToken, createResponse: () => new RecordedResponse() })(
      {},
      { Token: 'good-agent', kind: 'x'.repeat(2_000_000) },
      (_error, response) => answers.push(response as RecordedResponse),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const message = (answers[0].body as { error: { message: string } }).error.message;
    expect(answers[0].status).toBe(400);
    expect(message).toMatch(/^kind: /);
    expect(message.length).toBeLessThanOrEqual(400);
  });
});

describe('wrap: errors and the one callback', () => {
  it('answers an ApiError with its status and error body', async () => {
    const { status, body } = await call({ Token: 'good-agent', name: 'a' }, async () => {
      throw new ApiError(404, 'profile_not_found', 'No profile.');
    });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'profile_not_found', message: 'No profile.' } });
  });

  it('answers an ApiError’s detail: extra error fields, and fields beside the error', async () => {
    const { status, body } = await call({ Token: 'good-agent', name: 'a' }, async () => {
      throw new ApiError(409, 'config_conflict', 'Changed.', {
        error: { changedFields: ['spaceId'] },
        body: { current: { revision: '2' } },
      });
    });
    expect(status).toBe(409);
    expect(body).toEqual({
      error: { code: 'config_conflict', message: 'Changed.', changedFields: ['spaceId'] },
      current: { revision: '2' },
    });
  });

  it('answers an ApiError thrown by another bundle’s copy of the class (a shared service) with its status', async () => {
    let Other: typeof ApiError | undefined;
    jest.isolateModules(() => {
      Other = (jest.requireActual('./api-error') as { ApiError: typeof ApiError }).ApiError;
    });
    const OtherApiError = Other as typeof ApiError;
    const { status, body } = await call({ Token: 'good-agent', name: 'a' }, async () => {
      throw new OtherApiError(400, 'invalid_cursor', 'Segment refused the timeline cursor.');
    });
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_cursor');
  });

  it('answers anything else as 500 internal_error and logs no message or stack text', async () => {
    const { status, body } = await call({ Token: 'good-agent', name: 'a' }, async () => {
      throw new TypeError('cannot read ana@example.com');
    });
    expect(status).toBe(500);
    expect(body.error?.code).toBe('internal_error');
    expect(body.error?.message).not.toMatch(/ana@example\.com|TypeError/);
    expect(logs.join('\n')).toMatch(/internal_error/);
    expect(logs.join('\n')).not.toMatch(/ana@example\.com/);
  });

  it('calls back once when the handler throws synchronously', async () => {
    const { status } = await call({ Token: 'good-agent', name: 'a' }, (() => {
      throw new Error('sync');
    }) as unknown as FlexFunctionHandler<{ name: string }>);
    expect(status).toBe(500);
  });

  it('calls back once when the validator throws synchronously', async () => {
    const throwing = (() => {
      throw new Error('boom');
    }) as unknown as FlexTokenValidator;
    const { status } = await call({ Token: 'x', name: 'a' }, ok, { validateToken: throwing });
    expect(status).toBe(500);
  });

  it('never logs the token or the body', async () => {
    await call({ Token: 'good-agent', name: 'Ana' }, ok);
    await call({ Token: 'forged-secret-token', name: 'Ana' }, ok);
    expect(logs).toHaveLength(2);
    expect(logs.join('\n')).not.toMatch(/good-agent|forged-secret-token|Ana/);
  });
});

describe('wrap: CORS', () => {
  it('sets CORS headers and JSON on every answer, errors included', async () => {
    for (const event of [{}, { Token: 'forged' }, { Token: 'good-agent', name: 'a' }]) {
      const { response } = await call(event, ok);
      expect(response.headers['Access-Control-Allow-Origin']).toBe('*');
      expect(response.headers['Access-Control-Allow-Methods']).toBe('POST, OPTIONS');
      expect(response.headers['Access-Control-Allow-Headers']).toBe('Content-Type');
      expect(response.headers['Content-Type']).toBe('application/json');
    }
  });

  it('answers a preflight with 204 and no token when the host says the method is OPTIONS', async () => {
    const handler = jest.fn(ok);
    const event = hosted({ method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } });
    const { status, body, response } = await call(event, handler);
    expect(status).toBe(204);
    expect(body).toBeUndefined();
    expect(response.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a body field request, headers only', { request: { headers: { 'access-control-request-method': 'POST' } } }],
    [
      'a body field request, with a JSON Content-Type',
      { request: { headers: { 'content-type': 'application/json', 'access-control-request-method': 'POST' } } },
    ],
    ['a request beside the body', { name: 'a', request: { headers: { 'access-control-request-method': 'POST' } } }],
  ])('never answers a preflight for %s: the token is still checked', async (_label, event) => {
    const handler = jest.fn(ok);
    const missing = await call(event, handler);
    expect(missing.status).not.toBe(204);
    expect(missing.status).toBeGreaterThanOrEqual(400);
    const forged = await call(
      {
        ...event,
        Token: 'forged',
        request: { headers: { ...event.request.headers, 'content-type': 'application/json' } },
      },
      handler,
    );
    expect(forged.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });
});

/** An event as twilio-run serves it in the sandbox: the host's description under its symbol. */
function hosted(facts: HostRequestFacts, fields: Record<string, unknown> = {}): FunctionEvent {
  return { request: { headers: facts.headers ?? {}, cookies: {} }, ...fields, [HOST_REQUEST_FACTS]: facts };
}

/** An event as Twilio's runtime (runtime-handler 1.2.0 and later) builds it: headers, no method, no URL. */
function onTwilio(headers: Record<string, string>, fields: Record<string, unknown> = {}): FunctionEvent {
  return { request: { headers, cookies: {} }, ...fields };
}

const JSON_HEADERS = { 'content-type': 'application/json', 'content-length': '60' };
const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': '60' };

describe('wrap: the request as Twilio describes it (headers only)', () => {
  it('answers JSON and form posts', async () => {
    expect((await call(onTwilio(JSON_HEADERS, { Token: 'good-agent', name: 'a' }), ok)).status).toBe(200);
    expect((await call(onTwilio(FORM_HEADERS, { Token: 'good-agent', name: 'a' }), ok)).status).toBe(200);
  });

  it('refuses a token beside no body at all (a GET ?Token=…) with 400 token_in_url', async () => {
    const handler = jest.fn(ok);
    const { status, body } = await call(onTwilio({}, { Token: 'good-agent', name: 'a' }), handler);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('token_in_url');
    expect(body.error?.message).toMatch(/POST body/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a token beside a body the runtime does not parse with 400 token_in_url', async () => {
    const headers = { 'content-type': 'text/plain', 'content-length': '200' };
    expect((await call(onTwilio(headers, { Token: 'good-agent' }), ok)).body.error?.code).toBe('token_in_url');
  });

  it('refuses a token longer than the whole JSON or form body with 400 token_in_url', async () => {
    const jwt = `eyJ${'a'.repeat(600)}`;
    const json = { 'content-type': 'application/json', 'content-length': '40' };
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '500' };
    expect((await call(onTwilio(json, { Token: jwt, name: 'a' }), ok)).body.error?.code).toBe('token_in_url');
    expect((await call(onTwilio(form, { Token: jwt, name: 'a' }), ok)).body.error?.code).toBe('token_in_url');
    // Long enough to hold it: the body may have carried it, so it goes on to the token check.
    const roomy = { 'content-type': 'application/json', 'content-length': '640' };
    expect((await call(onTwilio(roomy, { Token: jwt, name: 'a' }), ok)).body.error?.code).toBe('invalid_token');
  });

  it('answers a request without a body (a GET) with 405 method_not_allowed and Allow', async () => {
    const { status, body, response } = await call(onTwilio({}), ok);
    expect(status).toBe(405);
    expect(body.error?.code).toBe('method_not_allowed');
    expect(body.error?.message).toMatch(/^\/test takes a POST/);
    expect(response.headers.Allow).toBe('POST, OPTIONS');
    expect(response.headers['Access-Control-Allow-Origin']).toBe('*');
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain;charset=UTF-8', 'content-length': '30' }, /sent text\/plain\./],
    ['XML', { 'content-type': 'application/xml', 'content-length': '30' }, /sent application\/xml\./],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '300' }, /multipart/],
    ['an empty POST', { 'content-length': '0' }, /sent no body\./],
    ['a body without a Content-Type', { 'content-length': '12' }, /without a Content-Type/],
  ])('answers %s with 415 unsupported_media_type saying what it takes', async (_label, headers, sent) => {
    const { status, body } = await call(onTwilio(headers), ok);
    expect(status).toBe(415);
    expect(body.error?.code).toBe('unsupported_media_type');
    expect(body.error?.message).toMatch(/JSON object \(Content-Type: application\/json\)/);
    expect(body.error?.message).toMatch(/application\/x-www-form-urlencoded/);
    expect(body.error?.message).toMatch(sent);
  });

  it('never echoes a long or odd Content-Type', async () => {
    const headers = { 'content-type': `text/${'x'.repeat(500)}<script>`, 'content-length': '3' };
    const { body } = await call(onTwilio(headers), ok);
    expect(body.error?.message.length).toBeLessThan(300);
    expect(body.error?.message).not.toContain('<script>');
  });

  it('answers a JSON array body (spread by the runtime into 0, 1, …) with 400 asking for a JSON object', async () => {
    const { status, body } = await call(onTwilio(JSON_HEADERS, { 0: { Token: 'good-agent' }, 1: 'x' }), ok);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/JSON object/) });
  });

  it('keeps the old leniency when the runtime gives no headers (runtime-handler before 1.2.0)', async () => {
    expect((await call({ Token: 'good-agent', name: 'a' }, ok)).status).toBe(200);
    expect((await call({ name: 'a' }, ok)).body.error?.code).toBe('missing_token');
  });
});

describe('wrap: the request as a host describes it (the sandbox runner)', () => {
  it('refuses a Token query parameter, in any case, even with one in the body too', async () => {
    for (const name of ['Token', 'token', 'TOKEN']) {
      const event = hosted({ method: 'POST', queryNames: [name], headers: JSON_HEADERS }, { Token: 'good-agent' });
      expect((await call(event, ok)).body.error?.code).toBe('token_in_url');
    }
  });

  it('takes other query parameters as the runtime merges them', async () => {
    const event = hosted(
      { method: 'POST', queryNames: ['name'], headers: JSON_HEADERS },
      { Token: 'good-agent', name: 'a' },
    );
    expect((await call(event, ok)).status).toBe(200);
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD'])(
    'answers %s with 405 and Allow, a good token and body notwithstanding',
    async (method) => {
      const handler = jest.fn(ok);
      const event = hosted({ method, queryNames: [], headers: JSON_HEADERS }, { Token: 'good-agent', name: 'a' });
      const { status, body, response } = await call(event, handler);
      expect(status).toBe(405);
      expect(body.error?.message).toMatch(new RegExp(`not ${method}\\.$`));
      expect(response.headers.Allow).toBe('POST, OPTIONS');
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('answers a JSON array body it was told of, even an empty one, with 400', async () => {
    const event = hosted({ method: 'POST', queryNames: [], headers: JSON_HEADERS, jsonArrayBody: true });
    expect((await call(event, ok)).body.error?.code).toBe('invalid_request');
  });

  it('cannot be told by a field: a string key of the same name is a body field like any other', async () => {
    const event = { 'Symbol(unified-profiles.host-request-facts)': { method: 'OPTIONS' }, Token: 'forged' };
    expect((await call(event, ok)).status).toBe(403);
  });
});

describe('wrap: the outcome log names the Function', () => {
  const pathOf = () => JSON.parse(logs[logs.length - 1]).path;

  it('logs context.PATH when it is a Function path', async () => {
    await call({ Token: 'good-agent', name: 'a' }, ok, {}, { PATH: '/profile' });
    expect(pathOf()).toBe('/profile');
  });

  it('never logs a shell search path handed over as PATH', async () => {
    await call({ Token: 'good-agent', name: 'a' }, ok, {}, { PATH: '/usr/local/bin:/usr/bin:/bin' });
    expect(pathOf()).toBe('function');
    expect(logs.join('\n')).not.toContain('/usr/bin');
  });

  it('logs the path the Function was wrapped with over anything in context', async () => {
    await call({ Token: 'good-agent', name: 'a' }, ok, { path: '/profile-events' }, { PATH: '/usr/bin:/bin' });
    expect(pathOf()).toBe('/profile-events');
  });
});
