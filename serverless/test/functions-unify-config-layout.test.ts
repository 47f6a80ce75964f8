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

describe('what agents may search by, held on the server', () => {
  const refusedSearch = async (identifier: string, allowed: string) => {
    await stack.stack.clearUpstreamRequests();
    const answer = await functions.call('/profile', { identifier });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('identifier_not_searchable');
    expect(answer.body.error.message).toContain(`search by ${allowed}.`);
    expect(await stack.stack.upstreamRequests()).toHaveLength(0);
  };

  it('refuses a typed search by a type turned off, typed or guessed, but still finds the task’s customer by it', async () => {
    await saveAs(functions, {
      revision: await currentRevision(),
      customerTab: { identifiers: { email: { searchable: false } } },
    });
    await refusedSearch(`email:${ana.email}`, 'phone, user_id, anonymous_id');
    await refusedSearch(` ${ana.email!.toUpperCase()} `, 'phone, user_id, anonymous_id');
    expect((await functions.call('/profile', { identifier: `phone:${ana.phone}` })).status).toBe(200);

    // Not a search: the task's own email, and a link an agent or Studio wrote on the task.
    expect((await functions.call('/profile', { taskAttributes: { email: ana.email } })).status).toBe(200);
    const link = { identifier: `email:${ana.email}`, linked_at: '2026-11-20T10:00:00.000Z', linked_by: 'studio' };
    const linked = await functions.call('/profile', { taskAttributes: { unified_profiles: { link } } });
    expect(linked.status).toBe(200);
    expect(linked.body.profile.segmentId).toBe(ana.segmentId);
    await saveAs(functions, { revision: await currentRevision(), customerTab: null });
  });

  it('searches by a type beyond the default four only once an admin turns it on', async () => {
    await refusedSearch('ga_client_id:ga1.2.3', 'email, phone, user_id, anonymous_id');
    await saveAs(functions, {
      revision: await currentRevision(),
      customerTab: { identifiers: { ga_client_id: { searchable: true }, user_id: { searchable: false } } },
    });
    expect((await functions.call('/profile', { identifier: 'ga_client_id:ga1.2.3' })).body.error.code).toBe(
      'profile_not_found',
    );
    await refusedSearch(`user_id:${ana.userId}`, 'email, phone, anonymous_id, ga_client_id');
    // A type outside the priority stays what it was: not an identifier of this space at all.
    expect((await functions.call('/profile', { identifier: 'shoe_size:42' })).body.error.code).toBe(
      'invalid_identifier',
    );
    await saveAs(functions, { revision: await currentRevision(), customerTab: null });
  });
});

describe('identifier settings for a type outside the identifier priority', () => {
  const PRIORITY_FIRST =
    /^Identifiers › 'crm_id': add crm_id to the identifier priority first \(its task attributes and search are used only for types in the priority\)\.$/;

  const refused = async (fields: Record<string, unknown>, field: string, message: RegExp) => {
    const revision = await currentRevision();
    const answer = await unifyConfig(functions, 'sandbox-admin', { revision, ...fields });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_config');
    expect(answer.body.error.fields).toEqual({ [field]: expect.stringMatching(message) });
    expect(await currentRevision()).toBe(revision); // nothing saved
  };

  it.each([
    ['task attributes', { taskAttributes: ['crm_id'] }],
    ['search', { searchable: true }],
  ])('refuses %s for it (the default priority in effect), and takes its label alone', async (_, setting) => {
    await refused({ customerTab: { identifiers: { crm_id: setting } } }, 'customerTab', PRIORITY_FIRST);
    const labelled = await saveAs(functions, {
      revision: await currentRevision(),
      customerTab: { identifiers: { crm_id: { label: 'CRM id', searchable: false } } },
    });
    expect(labelled.connection.customerTab).toEqual({
      identifiers: { crm_id: { label: 'CRM id', searchable: false } },
    });
    await saveAs(functions, { revision: labelled.revision, customerTab: null });
  });

  it('takes them with the priority that lists the type, sent in the same write or saved; refuses a priority that drops it', async () => {
    const layout = { identifiers: { crm_id: { taskAttributes: ['crm_id'], searchable: true } } };
    const saved = await saveAs(functions, {
      revision: await currentRevision(),
      identifierPriority: ['crm_id', 'email', 'phone'],
      customerTab: layout,
    });
    expect(saved.connection.customerTab).toEqual(layout);
    await refused({ customerTab: layout, identifierPriority: ['email', 'phone'] }, 'customerTab', PRIORITY_FIRST);
    const relabelled = { identifiers: { crm_id: { ...layout.identifiers.crm_id, label: 'CRM' } } };
    await saveAs(functions, { revision: await currentRevision(), customerTab: relabelled }); // the saved priority has it

    const DROPPED = /^'crm_id' is read from task attributes or offered to search in the Customer tab layout/;
    await refused({ identifierPriority: ['email', 'phone'] }, 'identifierPriority', DROPPED);
    await refused({ identifierPriority: null }, 'identifierPriority', DROPPED); // back to the default, without crm_id
    const cleared = await saveAs(functions, {
      revision: await currentRevision(),
      identifierPriority: null,
      customerTab: null,
    });
    expect(cleared.connection.identifierPriority).not.toContain('crm_id');
  });

  it('takes them when SEGMENT_IDENTIFIER_PRIORITY lists the type and nothing is saved', async () => {
    const crmFirst = await stack.startFunctions({
      SEGMENT_SPACE_ID: SIM_SPACE_ID,
      SEGMENT_PROFILE_API_TOKEN: SIM_PROFILE_TOKEN,
      SEGMENT_IDENTIFIER_PRIORITY: 'crm_id, email, phone',
    });
    const layout = { identifiers: { crm_id: { taskAttributes: ['crm_id'] } } };
    const saved = await saveAs(crmFirst, { revision: await currentRevision(), customerTab: layout });
    expect(saved.connection.customerTab).toEqual(layout);
    await saveAs(crmFirst, { revision: saved.revision, customerTab: null });
  });
});
