import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { saveAs, startConfigStoreStack, unifyConfig, type ConfigStoreStack } from './support/config-store';
import { captureFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, type TestFunctions } from './support/stack';

/**
 * /unify-config over HTTP, saving what agents see in the Customer tab (the highlighted traits),
 * and /profile carrying it to agents, who cannot read /unify-config.
 */
captureFunctionLogs();
const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const LOOKUP = { identifier: `user_id:${ana.userId}` };

let stack: ConfigStoreStack;
let functions: TestFunctions;

async function currentRevision(): Promise<string | null> {
  return (await unifyConfig(functions, 'sandbox-admin')).body.revision;
}

beforeAll(async () => {
  stack = await startConfigStoreStack();
  functions = await stack.startFunctions({
    SEGMENT_SPACE_ID: SIM_SPACE_ID,
    SEGMENT_PROFILE_API_TOKEN: SIM_PROFILE_TOKEN,
  });
});
afterAll(() => stack?.close());

describe('the highlighted traits', () => {
  it('are the recommended ones before anything is saved, in /unify-config and in /profile', async () => {
    const read = (await unifyConfig(functions, 'sandbox-supervisor')).body;
    expect(read.connection.highlightedTraits).toEqual(['total_inbounds', 'frequent_inbound_channel']);
    const answer = await functions.call('/profile', LOOKUP);
    expect(answer.status).toBe(200);
    expect(answer.body.profile.presentation).toEqual({
      highlightedTraits: ['total_inbounds', 'frequent_inbound_channel'],
      traitDisplay: {},
      customerTab: {},
    });
  });

  it.each([
    [['total_inbounds', 'total_inbounds'], /'total_inbounds' is listed twice/],
    [['total inbounds'], /'total inbounds' is not a trait name/],
    [['x'.repeat(101)], /is not a trait name/],
    [Array.from({ length: 13 }, (_, n) => `trait_${n}`), /at most 12 traits/],
    [['total_inbounds', 3], /must be text/],
    [{ total_inbounds: true }, /must be a list of trait names/],
  ])('refuses %j: %s', async (value, message) => {
    const answer = await unifyConfig(functions, 'sandbox-admin', {
      revision: await currentRevision(),
      highlightedTraits: value,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_config');
    expect(answer.body.error.fields).toEqual({ highlightedTraits: expect.stringMatching(message) });
  });

  it('are saved by an admin only, audited, and reach an agent’s /profile with no restart', async () => {
    const refused = await unifyConfig(functions, 'sandbox-supervisor', {
      revision: await currentRevision(),
      highlightedTraits: ['likelihood_to_churn'],
    });
    expect(refused.status).toBe(403);

    const saved = await saveAs(functions, {
      revision: await currentRevision(),
      highlightedTraits: ['likelihood_to_churn', 'total_inbounds'],
    });
    expect(saved.connection.highlightedTraits).toEqual(['likelihood_to_churn', 'total_inbounds']);
    expect(saved.audit[0]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['highlightedTraits'] });
    const again = await saveAs(functions, {
      revision: saved.revision,
      highlightedTraits: ['likelihood_to_churn', 'total_inbounds'],
    });
    expect(again.revision).toBe(saved.revision); // the same list again is no change

    const answer = await functions.call('/profile', LOOKUP); // as sandbox-agent
    expect(answer.status).toBe(200);
    expect(answer.body.profile.presentation.highlightedTraits).toEqual(['likelihood_to_churn', 'total_inbounds']);
  });

  it('read a form post as a comma-separated list; [] highlights none; null goes back to the recommended ones', async () => {
    const form = await functions.call(
      '/unify-config',
      {
        Token: 'sandbox-admin',
        revision: (await currentRevision()) ?? '',
        highlightedTraits: ' plan , total_inbounds ',
      },
      'form',
    );
    expect(form.status).toBe(200);
    expect(form.body.connection.highlightedTraits).toEqual(['plan', 'total_inbounds']);

    const none = await saveAs(functions, { revision: form.body.revision, highlightedTraits: [] });
    expect(none.connection.highlightedTraits).toEqual([]);
    expect((await functions.call('/profile', LOOKUP)).body.profile.presentation.highlightedTraits).toEqual([]);

    const cleared = await saveAs(functions, { revision: none.revision, highlightedTraits: null });
    expect(cleared.connection.highlightedTraits).toEqual(['total_inbounds', 'frequent_inbound_channel']);
    expect(cleared.audit[0].fields).toEqual(['highlightedTraits']);
  });
});

describe('the trait display names and types', () => {
  const SPEND = { label: 'Lifetime spend', type: 'currency', currency: 'EUR' };

  it('are none before anything is saved', async () => {
    expect((await unifyConfig(functions, 'sandbox-supervisor')).body.connection.traitDisplay).toEqual({});
    expect((await functions.call('/profile', LOOKUP)).body.profile.presentation.traitDisplay).toEqual({});
  });

  it.each([
    [{ 'lifetime value': { label: 'Spend' } }, /'lifetime value' is not a trait name/],
    [{ lifetime_value: 'Spend' }, /must be an object such as/],
    [{ lifetime_value: {} }, /needs a label or a type/],
    [{ lifetime_value: { label: '   ' } }, /label of 'lifetime_value' must be text/],
    [{ lifetime_value: { label: 'x'.repeat(61) } }, /longer than 60 characters/],
    [{ lifetime_value: { type: 'money' } }, /must be one of text, number, currency, date, percentile/],
    [{ lifetime_value: { type: 'number', currency: 'EUR' } }, /has a currency but is not of type currency/],
    [{ lifetime_value: { type: 'currency', currency: 'eur' } }, /three-letter ISO 4217 code/],
    [{ lifetime_value: { label: 'Spend', colour: 'red' } }, /has 'colour'/],
    [
      Object.fromEntries(Array.from({ length: 101 }, (_, n) => [`trait_${n}`, { type: 'number' }])),
      /at most 100 traits/,
    ],
    [['lifetime_value'], /must be an object by trait name/],
  ])('refuses %j: %s', async (value, message) => {
    const answer = await unifyConfig(functions, 'sandbox-admin', {
      revision: await currentRevision(),
      traitDisplay: value,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ traitDisplay: expect.stringMatching(message) });
  });

  it('are saved by an admin, audited, trimmed, and reach an agent’s /profile; {} clears them', async () => {
    const saved = await saveAs(functions, {
      revision: await currentRevision(),
      traitDisplay: {
        lifetime_value: { ...SPEND, label: ' Lifetime spend ' },
        likelihood_to_churn: { type: 'reversedPercentile' },
      },
    });
    const expected = { lifetime_value: SPEND, likelihood_to_churn: { type: 'reversedPercentile' } };
    expect(saved.connection.traitDisplay).toEqual(expected);
    expect(saved.audit[0]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['traitDisplay'] });
    // The same settings in another key order are no change.
    const again = await saveAs(functions, {
      revision: saved.revision,
      traitDisplay: {
        likelihood_to_churn: { type: 'reversedPercentile' },
        lifetime_value: { currency: 'EUR', type: 'currency', label: 'Lifetime spend' },
      },
    });
    expect(again.revision).toBe(saved.revision);

    const answer = await functions.call('/profile', LOOKUP);
    expect(answer.body.profile.presentation.traitDisplay).toEqual(expected);

    const form = await functions.call(
      '/unify-config',
      {
        Token: 'sandbox-admin',
        revision: saved.revision ?? '',
        traitDisplay: JSON.stringify({ plan: { label: 'Plan' } }),
      },
      'form',
    );
    expect(form.status).toBe(200);
    expect(form.body.connection.traitDisplay).toEqual({ plan: { label: 'Plan' } });

    const cleared = await saveAs(functions, { revision: form.body.revision, traitDisplay: {} });
    expect(cleared.connection.traitDisplay).toEqual({});
    expect(cleared.audit[0].fields).toEqual(['traitDisplay']);
  });
});
