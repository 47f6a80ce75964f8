import { ApiError } from '../http/api-error';
import { normaliseIdentifier } from '../profile/identity';
import type { ProfileApiCall } from '../profile/profile-api-client';
import type { UpstreamBudget } from '../profile/upstream-budget';
import { StudioProfileLookup } from './studio-lookup';

const US = { defaultCountry: 'US' };
const phone = normaliseIdentifier('phone', '+14155550100', 'From', US);
const email = normaliseIdentifier('email', 'ana@example.com', 'email', US);

type Answer = Record<string, unknown> | null | Error;

/** A Profile API stand-in: answers by path and class, after `delayMs`; records what was asked, and how many answers had come back by then. */
function fakeClient(answers: (call: ProfileApiCall) => Answer, delayMs = 0) {
  const calls: Array<{ call: ProfileApiCall; answeredBefore: number }> = [];
  let answered = 0;
  return {
    calls,
    async get<T>(call: ProfileApiCall, budget: UpstreamBudget): Promise<T | null> {
      calls.push({ call, answeredBefore: answered });
      budget.requests += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      answered += 1;
      const answer = answers(call);
      if (answer instanceof Error) throw answer;
      return answer as T | null;
    },
  };
}

const profileOf = (segmentId: string) => (call: ProfileApiCall) =>
  call.query?.class === 'audience'
    ? { traits: { vip: true, newsletter: false } }
    : {
        traits: { name: 'Ana García', plan: 'Premium', likelihood_to_churn: 0.2, city: 'SF' },
        cursor: { url: `/v1/spaces/spa/collections/users/profiles/${segmentId}/traits?limit=15` },
      };

const quiet = { logger: () => undefined };

describe('the Studio lookup', () => {
  it('asks each identifier’s named traits and audiences at once, and answers with the best one found', async () => {
    const client = fakeClient((call) => (call.path.includes('email:') ? null : profileOf('use_2Ana')(call)), 30);
    const outcome = await new StudioProfileLookup(client, quiet).find([email, phone]);
    expect(outcome).toEqual({
      found: true,
      match: {
        type: 'phone',
        value: '+14155550100',
        segmentId: 'use_2Ana',
        displayName: 'Ana García',
        traits: { plan: 'Premium', likelihood_to_churn: 0.2 },
        audiences: ['vip'],
      },
    });
    expect(client.calls).toHaveLength(4);
    // One round: every call started before the first answer came back.
    for (const { answeredBefore } of client.calls) expect(answeredBefore).toBe(0);
    const named = client.calls.find(({ call }) => call.query?.include)!;
    expect(String(named.call.query?.include).split(',')).toEqual(expect.arrayContaining(['name', 'plan']));
  });

  it('remembers a match and a miss: a repeat asks nothing', async () => {
    const client = fakeClient((call) => (call.path.includes('email:') ? null : profileOf('use_2Ana')(call)));
    const lookup = new StudioProfileLookup(client, quiet);
    await lookup.find([phone]);
    await lookup.find([email]);
    const asked = client.calls.length;
    expect(await lookup.find([phone])).toMatchObject({ found: true });
    expect(await lookup.find([email])).toEqual({ found: false, reason: 'not_found' });
    expect(client.calls).toHaveLength(asked);
    lookup.forget(phone.key);
    await lookup.find([phone]);
    expect(client.calls.length).toBeGreaterThan(asked);
  });

  it('lets lookups of the same caller share one flight', async () => {
    const client = fakeClient(profileOf('use_2Ana'), 20);
    const lookup = new StudioProfileLookup(client, quiet);
    const outcomes = await Promise.all([lookup.find([phone]), lookup.find([phone]), lookup.find([phone])]);
    for (const outcome of outcomes) expect(outcome.found).toBe(true);
    expect(client.calls).toHaveLength(2);
  });

  it('answers segment_unavailable at the deadline, and caches what the flight finds later', async () => {
    const client = fakeClient(profileOf('use_2Ana'), 800);
    const lookup = new StudioProfileLookup(client, { ...quiet, deadlineMs: 50 });
    const started = Date.now();
    expect(await lookup.find([phone])).toEqual({ found: false, reason: 'segment_unavailable' });
    expect(Date.now() - started).toBeLessThan(600); // well before Segment's answer
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await lookup.find([phone])).toMatchObject({ found: true });
  });

  it.each<[string, Error, string]>([
    ['Segment unavailable', new ApiError(503, 'segment_unavailable', 'x'), 'segment_unavailable'],
    ['rate limited', new ApiError(429, 'rate_limited', 'x'), 'rate_limited'],
    ['credentials refused', new ApiError(502, 'segment_auth_failed', 'x'), 'segment_auth_failed'],
    ['the identifier refused', new ApiError(400, 'invalid_identifier', 'x'), 'not_found'],
    ['anything else', new TypeError('boom'), 'segment_unavailable'],
  ])('turns %s into found:false (%s)', async (_label, error, reason) => {
    const lookup = new StudioProfileLookup(
      fakeClient(() => error),
      quiet,
    );
    expect(await lookup.find([phone])).toEqual({ found: false, reason });
  });

  it('does not remember a failure as a miss', async () => {
    let fail = true;
    const client = fakeClient((call) =>
      fail ? new ApiError(503, 'segment_unavailable', 'x') : profileOf('use_2')(call),
    );
    const lookup = new StudioProfileLookup(client, quiet);
    expect((await lookup.find([phone])).found).toBe(false);
    fail = false;
    expect((await lookup.find([phone])).found).toBe(true);
  });

  it('answers no_identifier without asking anything', async () => {
    const client = fakeClient(() => null);
    expect(await new StudioProfileLookup(client, quiet).find([])).toEqual({ found: false, reason: 'no_identifier' });
    expect(client.calls).toHaveLength(0);
  });
});
