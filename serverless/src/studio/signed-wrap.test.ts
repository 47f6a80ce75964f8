import { z } from 'zod';

import { ApiError } from '../http/api-error';
import { HOST_REQUEST_FACTS } from '../http/request-facts';
import type { TwilioResponse } from '../http/twilio-runtime';
import { wrapSigned } from './signed-wrap';

class FakeResponse implements TwilioResponse {
  status = 0;
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

const CONTEXT = { AUTH_TOKEN: 'auth', DOMAIN_NAME: 'example.twil.io' };
const formEvent = (fields: Record<string, string>, signature = 'sig') => ({
  ...fields,
  request: { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } },
});

function call(
  handler: (body: { From?: string }) => Promise<unknown>,
  event: Record<PropertyKey, unknown>,
  context: Record<string, unknown> = CONTEXT,
) {
  const seen: Array<{ url: string; params: unknown; token: string }> = [];
  const wrapped = wrapSigned(z.object({ From: z.string().optional() }), handler, {
    path: '/studio-profile',
    createResponse: () => new FakeResponse(),
    validateRequest: (token, signature, url, params) => {
      seen.push({ url, params, token });
      return signature === 'sig';
    },
  });
  return new Promise<{ response: FakeResponse; calls: number; seen: typeof seen }>((resolve) => {
    let calls = 0;
    wrapped(context, event, (_error, response) => {
      calls += 1;
      setTimeout(() => resolve({ response: response as FakeResponse, calls, seen }), 10);
    });
  });
}

describe('a signed Function', () => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('validates the https URL of its own path with the form fields, then answers once', async () => {
    const { response, calls, seen } = await call(async (body) => ({ got: body.From }), formEvent({ From: '+1' }));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ got: '+1' });
    expect(calls).toBe(1);
    expect(seen).toEqual([{ url: 'https://example.twil.io/studio-profile', params: { From: '+1' }, token: 'auth' }]);
    expect(response.headers).not.toHaveProperty('Access-Control-Allow-Origin');
  });

  it('never runs the handler for a bad signature', async () => {
    const handler = jest.fn(async () => ({}));
    const { response } = await call(handler, formEvent({ From: '+1' }, 'forged'));
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 405 with Allow for a GET the host describes', async () => {
    const event = { ...formEvent({}), [HOST_REQUEST_FACTS]: { method: 'GET', headers: {} } };
    const { response } = await call(async () => ({}), event);
    expect(response.status).toBe(405);
    expect(response.headers.Allow).toBe('POST');
  });

  it('answers 401 when the runtime gave no headers at all (nothing to check)', async () => {
    const { response } = await call(async () => ({}), { From: '+1' });
    expect(response.status).toBe(401);
  });

  it('answers an ApiError as its body, and anything else as a 500 that hides the message', async () => {
    const api = await call(async () => {
      throw new ApiError(400, 'invalid_identifier', 'From is not a phone number.');
    }, formEvent({}));
    expect(api.response.status).toBe(400);
    expect(api.response.body).toEqual({
      error: { code: 'invalid_identifier', message: 'From is not a phone number.' },
    });
    const crash = await call(async () => {
      throw new Error('ana@example.com broke it');
    }, formEvent({}));
    expect(crash.response.status).toBe(500);
    expect(JSON.stringify(crash.response.body)).not.toContain('ana@example.com');
  });
});
