import { BAD_INPUT_CORPUS } from './fixtures/bad-input-corpus';
import { silenceFunctionLogs, startTestStack, type TestStack } from './support/stack';

/**
 * The bad-input corpus over HTTP: every case answered 400 with a message that says what is
 * wrong, and not one request reaching Segment.
 */
describe('the bad-input corpus over HTTP', () => {
  const OVER_HTTP = BAD_INPUT_CORPUS.filter((item) => !item.jsOnly);

  let stack: TestStack;
  silenceFunctionLogs();
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.clearUpstreamRequests();
  }, 30_000);
  afterAll(() => stack?.close());

  it('holds at least 200 cases that can travel over HTTP', () => {
    expect(OVER_HTTP.length).toBeGreaterThanOrEqual(200);
  });

  it.each(OVER_HTTP.map((item) => [item.endpoint, item.name, item] as const))(
    '/%s: %s → 400',
    async (_endpoint, _name, item) => {
      const answer = await stack.functions.call(`/${item.endpoint}`, item.body);
      expect(answer.status).toBe(400);
      expect(['invalid_request', 'invalid_identifier']).toContain(answer.body.error.code);
      expect(answer.body.error.message.length).toBeGreaterThan(10);
      expect(answer.body.error.message.length).toBeLessThanOrEqual(400);
      if (item.messageIncludes)
        expect(answer.body.error.message.toLowerCase()).toContain(item.messageIncludes.toLowerCase());
    },
  );

  it('made no upstream call for any of them', async () => {
    expect(await stack.upstreamRequests()).toEqual([]);
  });
});
