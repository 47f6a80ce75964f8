import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { saveAs, startConfigStoreStack, unifyConfig, type ConfigStoreStack } from './support/config-store';
import { captureFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, type TestFunctions } from './support/stack';

/**
 * /unify-config over HTTP, saving the Customer tab's layout (header, trait groups, history events,
 * identifiers), and /profile carrying it to agents and reading identifiers from the task attributes
 * an admin named.
 */
captureFunctionLogs();
const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;

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

const LAYOUT = {
  header: { nameTraits: ['first_name', 'last_name'], secondaryTrait: 'plan', avatarTrait: 'avatar' },
  traitGroups: [
    { title: 'Billing', traits: ['plan', 'lifetime_value'] },
    { title: 'Where', traits: ['city'] },
  ],
  historyEvents: [
    { event: 'Order Completed', label: 'Order', primaryProperty: 'revenue', secondaryProperty: 'order_id' },
    { event: 'Ticket Opened', dateProperty: 'opened_at' },
  ],
  identifiers: {
    email: { label: 'Email address', taskAttributes: ['account_email'] },
    anonymous_id: { searchable: false },
  },
};

it('is empty before anything is saved, in /unify-config and in /profile', async () => {
  expect((await unifyConfig(functions, 'sandbox-supervisor')).body.connection.customerTab).toEqual({});
  const answer = await functions.call('/profile', { identifier: `user_id:${ana.userId}` });
  expect(answer.body.profile.presentation.customerTab).toEqual({});
});

it.each<[string, unknown, RegExp]>([
  ['not an object', ['Billing'], /^The Customer tab layout must be an object/],
  ['an unknown part', { footer: {} }, /has only header, traitGroups, historyEvents and identifiers/],
  [
    'a bad name trait',
    { header: { nameTraits: ['first name'] } },
    /^Header › name traits › item 1 is not a trait name/,
  ],
  ['four name traits', { header: { nameTraits: ['a', 'b', 'c', 'd'] } }, /takes at most 3 traits/],
  ['no name traits', { header: { nameTraits: [] } }, /needs at least one trait/],
  ['an unknown header part', { header: { photo: 'avatar' } }, /^Header has only nameTraits/],
  [
    'a group without a title',
    { traitGroups: [{ title: ' ', traits: ['plan'] }] },
    /^Trait groups › group 1 › title needs a name/,
  ],
  [
    'a group without traits',
    { traitGroups: [{ title: 'Billing', traits: [] }] },
    /group 1 › traits needs at least one trait/,
  ],
  [
    'two groups of one title',
    {
      traitGroups: [
        { title: 'Billing', traits: ['plan'] },
        { title: 'billing', traits: ['city'] },
      ],
    },
    /^Trait groups need a different title each/,
  ],
  [
    'a trait in two groups',
    {
      traitGroups: [
        { title: 'A', traits: ['plan'] },
        { title: 'B', traits: ['plan'] },
      ],
    },
    /list each trait in one group only/,
  ],
  [
    '13 groups',
    { traitGroups: Array.from({ length: 13 }, (_, n) => ({ title: `G${n}`, traits: [`t${n}`] })) },
    /at most 12 groups/,
  ],
  [
    'an event without a name',
    { historyEvents: [{ event: '' }] },
    /^History events › event 1 › event needs the event name/,
  ],
  [
    'an event twice',
    { historyEvents: [{ event: 'Order Completed' }, { event: 'Order Completed' }] },
    /list each event once/,
  ],
  ['a long display name', { historyEvents: [{ event: 'X', label: 'y'.repeat(61) }] }, /display name is longer than 60/],
  [
    'a control character',
    { historyEvents: [{ event: 'X', primaryProperty: 'a\u0007b' }] },
    /first property holds control characters/,
  ],
  ['an unknown event part', { historyEvents: [{ event: 'X', colour: 'red' }] }, /has only event, label/],
  [
    'a bad identifier type',
    { identifiers: { 'E-mail': { label: 'Mail' } } },
    /'E-mail' is not a Segment identifier type/,
  ],
  ['searchable not a boolean', { identifiers: { email: { searchable: 'yes' } } }, /searchable must be true or false/],
  [
    'a bad task attribute',
    { identifiers: { email: { taskAttributes: ['account email'] } } },
    /is not a task attribute name/,
  ],
  [
    'six task attributes',
    { identifiers: { email: { taskAttributes: ['a', 'b', 'c', 'd', 'e', 'f'] } } },
    /at most 5 task attributes/,
  ],
  [
    'too long together',
    {
      historyEvents: Array.from({ length: 30 }, (_, n) => ({ event: `${'E'.repeat(190)}${n}`, label: 'L'.repeat(60) })),
    },
    /too long together/,
  ],
])('refuses %s', async (_, value, message) => {
  const answer = await unifyConfig(functions, 'sandbox-admin', {
    revision: await currentRevision(),
    customerTab: value,
  });
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('invalid_config');
  expect(answer.body.error.fields).toEqual({ customerTab: expect.stringMatching(message) });
});

it('is saved by an admin only, audited, and reaches an agent’s /profile with no restart; {} clears it', async () => {
  const refused = await unifyConfig(functions, 'sandbox-supervisor', {
    revision: await currentRevision(),
    customerTab: LAYOUT,
  });
  expect(refused.status).toBe(403);

  const saved = await saveAs(functions, { revision: await currentRevision(), customerTab: LAYOUT });
  expect(saved.connection.customerTab).toEqual(LAYOUT);
  expect(saved.audit[0]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['customerTab'] });
  const again = await saveAs(functions, { revision: saved.revision, customerTab: structuredClone(LAYOUT) });
  expect(again.revision).toBe(saved.revision); // the same layout again is no change

  const answer = await functions.call('/profile', { identifier: `user_id:${ana.userId}` }); // as sandbox-agent
  expect(answer.body.profile.presentation.customerTab).toEqual(LAYOUT);

  const form = await functions.call(
    '/unify-config',
    {
      Token: 'sandbox-admin',
      revision: saved.revision ?? '',
      customerTab: JSON.stringify({ header: { secondaryTrait: 'city' } }),
    },
    'form',
  );
  expect(form.status).toBe(200);
  expect(form.body.connection.customerTab).toEqual({ header: { secondaryTrait: 'city' } });

  const cleared = await saveAs(functions, { revision: form.body.revision, customerTab: {} });
  expect(cleared.connection.customerTab).toEqual({});
  expect(cleared.audit[0].fields).toEqual(['customerTab']);
});

it('keeps the last connection check: the layout changes what agents read, not whether Segment answers', async () => {
  const checked = await functions.call('/unify-check', { Token: 'sandbox-admin' });
  expect(checked.status).toBe(200);
  const saved = await saveAs(functions, {
    revision: await currentRevision(),
    customerTab: { header: { secondaryTrait: 'plan' } },
  });
  expect(saved.lastCheck?.checkedAt).toBe(checked.body.check.checkedAt);
});

it('reads an identifier from the task attributes an admin named, before the channel’s address', async () => {
  const task = {
    from: '+447700900999',
    account_email: ana.email,
    pre_engagement_data: { crm: { mail: 'nobody@example.com' } },
  };
  const before = await functions.call('/profile', { taskAttributes: task });
  expect(before.status).toBe(404); // neither the caller's number nor anything else Flex reads is known

  await saveAs(functions, {
    revision: await currentRevision(),
    customerTab: { identifiers: { email: { taskAttributes: ['pre_engagement_data.crm.mail', 'account_email'] } } },
  });
  const after = await functions.call('/profile', { taskAttributes: task });
  expect(after.status).toBe(200);
  // A miss carries the layout too: the tab's search names and offers identifiers as the admin set them.
  const miss = await functions.call('/profile', { identifier: 'email:nobody@example.com' });
  expect(miss.status).toBe(404);
  expect(miss.body.error.code).toBe('profile_not_found');
  expect(miss.body.presentation.customerTab).toEqual({
    identifiers: { email: { taskAttributes: ['pre_engagement_data.crm.mail', 'account_email'] } },
  });
  expect(after.body.profile.matchedIdentifier).toEqual({ type: 'email', value: ana.email });
  await saveAs(functions, { revision: await currentRevision(), customerTab: null });
});
