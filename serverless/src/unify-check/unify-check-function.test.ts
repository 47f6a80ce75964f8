import { TokenRejectedError, type FlexTokenValidator } from '../auth/flex-token';
import type { UnifyCheckResult } from '../config/unify-contract';
import type { FunctionContext, FunctionEvent, TwilioResponse } from '../http/twilio-runtime';
import { unifyCheckFunction, type UnifyCheckFunctionOptions } from './unify-check-function';

class RecordedResponse implements TwilioResponse {
  status = 200;
  body: unknown;
  setStatusCode(status: number) {
    this.status = status;
  }
  setBody(body: unknown) {
    this.body = body;
  }
  appendHeader() {}
}

const ROLES: Record<string, string[]> = { agent: ['agent'], supervisor: ['supervisor'], admin: ['admin'] };
const validateToken: FlexTokenValidator = async (token) => {
  if (!ROLES[token]) throw new TokenRejectedError('unknown');
  return { identity: `${token}@example.com`, roles: ROLES[token] };
};

const CONFIGURED: FunctionContext = {
  PATH: '/unify-check',
  SEGMENT_PROFILE_API_URL: 'https://profiles.segment.com',
  SEGMENT_SPACE_ID: 'spa_test',
  SEGMENT_PROFILE_API_TOKEN: 'tok_secret',
  SEGMENT_WRITE_KEY: 'wk_secret',
};

/** Segment answering a working space, with the check event read back as soon as it is sent. */
function workingSegment() {
  let messageId = '';
  const urls: string[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    urls.push(String(input));
    if (init.method === 'POST') {
      messageId = JSON.parse(String(init.body)).messageId;
      return new Response('{"success":true}');
    }
    if (String(input).includes('/events')) return new Response(JSON.stringify({ data: [{ message_id: messageId }] }));
    if (String(input).includes('email:ana%40example.com/traits')) return new Response('{"traits":{}}');
    return new Response('{"error":{"code":"not_found","message":"Profile was not found."}}', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

async function call(event: FunctionEvent, context: FunctionContext, options: UnifyCheckFunctionOptions = {}) {
  const segment = workingSegment();
  const handler = unifyCheckFunction({
    deps: { fetch: segment.fetch, log: () => undefined },
    check: { budgetMs: 1_000, readbackIntervalMs: 10 },
    wrap: { validateToken, createResponse: () => new RecordedResponse() },
    ...options,
  });
  const response = await new Promise<RecordedResponse>((resolve, reject) =>
    handler(context, event, (error, answer) => (error ? reject(error) : resolve(answer as RecordedResponse))),
  );
  return {
    status: response.status,
    body: response.body as { check: UnifyCheckResult; error?: { code: string } },
    segment,
  };
}

beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('unifyCheckFunction', () => {
  it('answers supervisors and admins with { check }, checked by their Flex identity; agents get 403', async () => {
    for (const role of ['supervisor', 'admin']) {
      const { status, body } = await call({ Token: role }, CONFIGURED);
      expect(status).toBe(200);
      expect(body.check).toMatchObject({ status: 'passed', code: 'ok', checkedBy: `${role}@example.com` });
    }
    const agent = await call({ Token: 'agent' }, CONFIGURED);
    expect(agent.status).toBe(403);
    expect(agent.body.error?.code).toBe('forbidden');
    expect(agent.segment.urls).toEqual([]);
  });

  it('hands every result to onChecked with the context, and answers even when the hook fails', async () => {
    const seen: Array<[UnifyCheckResult, FunctionContext]> = [];
    const recorded = await call({ Token: 'admin' }, CONFIGURED, {
      onChecked: (result, context) => void seen.push([result, context]),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0][0]).toEqual(recorded.body.check);
    expect(seen[0][1]).toBe(CONFIGURED);

    const failing = await call({ Token: 'admin' }, CONFIGURED, {
      onChecked: async () => {
        throw new Error('Sync is down');
      },
    });
    expect(failing.status).toBe(200);
    expect(failing.body.check.status).toBe('passed');
  });

  it('answers missing settings as a not_configured result, not a 503, and calls Segment for nothing', async () => {
    const { status, body, segment } = await call({ Token: 'admin' }, { PATH: '/unify-check' });
    expect(status).toBe(200);
    expect(body.check).toMatchObject({ status: 'failed', code: 'not_configured' });
    expect(body.check.steps[0].message).toContain('SEGMENT_SPACE_ID and SEGMENT_PROFILE_API_TOKEN');
    expect(body.check.steps[2]).toMatchObject({ step: 'tracking_api', code: 'write_key_missing' });
    expect(segment.urls).toEqual([]);
  });

  it('answers a malformed Profile API URL as not_configured too', async () => {
    const { body } = await call({ Token: 'admin' }, { ...CONFIGURED, SEGMENT_PROFILE_API_URL: 'http://example.com' });
    expect(body.check.code).toBe('not_configured');
    expect(body.check.steps[2]).toMatchObject({ status: 'skipped' });
  });

  it('reads a settings source before the environment’s, the way /profile does', async () => {
    const saved = { name: 'saved', read: async () => ({ spaceId: 'spa_saved' }) };
    const environment = { name: 'environment', read: async () => ({ spaceId: 'spa_env', profileApiToken: 't' }) };
    const { segment } = await call({ Token: 'admin' }, { PATH: '/unify-check' }, { sources: [environment, saved] });
    expect(segment.urls[0]).toContain('/v1/spaces/spa_saved/');
  });

  it('takes a known customer as identifier, and refuses a malformed one with 400', async () => {
    const { body } = await call({ Token: 'admin', identifier: 'email:Ana@Example.com' }, CONFIGURED);
    expect(body.check.steps[1]).toMatchObject({ step: 'profiles', status: 'passed' });
    const bad = await call({ Token: 'admin', identifier: 'shoe_size:42' }, CONFIGURED);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_identifier');
    const notAString = await call({ Token: 'admin', identifier: 42 }, CONFIGURED);
    expect(notAString.status).toBe(400);
    expect(notAString.body.error?.code).toBe('invalid_request');
  });
});
