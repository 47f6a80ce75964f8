import { ApiError } from '../http/api-error';
import { BAD_INPUT_CORPUS } from '../../test/fixtures/bad-input-corpus';
import { describeInvalidRequest } from '../http/validation-message';
import { profileEventsRequestSchema, profileRequestSchema } from './schemas';
import { createProfileService } from './service';
import { silentLookupLogger, silentUpstreamLogger } from './upstream-log';

const settings = {
  profileApiUrl: 'http://segment.invalid',
  spaceId: 'spa_sandbox',
  profileApiToken: 'sandbox-profile-token',
  defaultCountry: 'US',
  identifierPriority: [],
};

/** What the Functions would answer for a body: the schema first, then the service. */
async function answer(endpoint: 'profile' | 'profile-events', body: unknown, upstream: jest.Mock) {
  const service = createProfileService(settings, {
    fetch: upstream,
    logger: silentUpstreamLogger,
    lookupLogger: silentLookupLogger,
  });
  const schema = endpoint === 'profile' ? profileRequestSchema : profileEventsRequestSchema;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { status: 400, message: describeInvalidRequest(parsed.error) };
  try {
    if (endpoint === 'profile') await service.lookup(parsed.data as never);
    else await service.nextEvents(parsed.data as never);
    return { status: 200, message: '' };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
}

describe('bad-input corpus', () => {
  it('has at least 200 cases with unique names', () => {
    expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(BAD_INPUT_CORPUS.map((item) => item.name)).size).toBe(BAD_INPUT_CORPUS.length);
  });

  it.each(BAD_INPUT_CORPUS.map((item) => [item.name, item] as const))('%s → 400, no upstream call', async (_, item) => {
    const upstream = jest.fn(() => Promise.reject(new Error('no upstream call may be made')));
    const result = await answer(item.endpoint, item.body, upstream);
    expect(result.status).toBe(400);
    expect(result.message.length).toBeGreaterThan(5);
    expect(result.message.length).toBeLessThan(400); // says what is wrong without echoing megabytes
    if (item.messageIncludes) expect(result.message.toLowerCase()).toContain(item.messageIncludes.toLowerCase());
    expect(upstream).not.toHaveBeenCalled();
  });
});

describe('profileRequestSchema', () => {
  it('accepts an attributes object, a JSON string of it, and a typed identifier', () => {
    const attributes = { direction: 'inbound', from: '+14155550100' };
    expect(profileRequestSchema.parse({ taskAttributes: attributes }).taskAttributes).toEqual(attributes);
    expect(profileRequestSchema.parse({ taskAttributes: JSON.stringify(attributes) }).taskAttributes).toEqual(
      attributes,
    );
    expect(profileRequestSchema.parse({ identifier: 'email:ana@example.com', Token: 'x' })).toEqual({
      identifier: 'email:ana@example.com',
    });
  });

  it('accepts the attributes of a real Flex task with nested conversation data', () => {
    const attributes = {
      from: '+14155550100',
      conversations: { conversation_id: 'WT1', segment_link: 'https://x', virtual: 'No', abandoned_phase: null },
      customers: { name: 'Ana', phone: '+14155550100' },
      notes: 'line one\nline two',
    };
    expect(profileRequestSchema.safeParse({ taskAttributes: attributes }).success).toBe(true);
  });
});

describe('profileEventsRequestSchema', () => {
  it('splits a comma string of event types', () => {
    const parsed = profileEventsRequestSchema.parse({
      segmentId: 'use_2Ana0Garcia0Demo000000000',
      next: 'MTUxMzc1NTQzNjg2NzAwMDAwMDo6YWpz',
      types: 'Order Completed, Page Viewed',
    });
    expect(parsed.types).toEqual(['Order Completed', 'Page Viewed']);
  });
});
