import { z } from 'zod';

import { TokenRejectedError, type FlexTokenValidator } from '../auth/flex-token';
import { ApiError } from './api-error';
import type { FunctionEvent, TwilioResponse } from './twilio-runtime';
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
) {
  const answers: Array<{ error: unknown; response?: RecordedResponse }> = [];
  const fn = wrap(schema, handler, { validateToken, createResponse: () => new RecordedResponse(), ...options });
  fn({ PATH: '/test' }, event, (error, response) => answers.push({ error, response: response as RecordedResponse }));
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
    const event = { Token: 'good-agent', name: 'Ana', nested: { deep: 1 }, request: { headers: {} }, headers: {} };
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

  it('answers a preflight (seen through event.request headers) with 204 and no token', async () => {
    const handler = jest.fn(ok);
    const event = { request: { headers: { 'access-control-request-method': 'POST' } } };
    const { status, body, response } = await call(event, handler);
    expect(status).toBe(204);
    expect(body).toBeUndefined();
    expect(response.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(handler).not.toHaveBeenCalled();
  });
});
