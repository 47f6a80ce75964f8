import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { SYNC_DOCUMENTS_FILE } from '../../sandbox/sync/document-store';
import { saveAs, startConfigStoreStack, unifyConfig, type ConfigStoreStack } from './support/config-store';
import { captureFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, type TestFunctions } from './support/stack';

/**
 * /unify-config over HTTP, saving: field-level validation, two admins at once, the audit trail,
 * the secrets never coming back, and a save reaching /profile with no restart.
 */
const logs = captureFunctionLogs();
const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const marcus = DEMO_CUSTOMERS.find((customer) => customer.key === 'marcus')!;
const LOOKUP = { identifier: `user_id:${ana.userId}` };
const WRONG_TOKEN = 'wrong-profile-token-0000';

let stack: ConfigStoreStack;
let functions: TestFunctions;
/** Every body the Functions answered in this file, to look for a secret in. */
const answered: string[] = [];

async function call(Token: string, fields: Record<string, unknown> = {}, encoding: 'json' | 'form' = 'json') {
  const answer =
    encoding === 'json'
      ? await unifyConfig(functions, Token, fields)
      : await functions.call('/unify-config', { Token, ...fields }, 'form');
  answered.push(JSON.stringify(answer.body));
  return answer;
}

async function currentRevision(): Promise<string | null> {
  return (await call('sandbox-admin')).body.revision;
}

beforeAll(async () => {
  stack = await startConfigStoreStack();
  // Unconnected: no space or token in the environment; what the admin saves is all there is.
  functions = await stack.startFunctions({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: '' });
});
afterAll(() => stack?.close());

describe('validation, field by field', () => {
  it.each([
    ['workspaceSlug', 'Acme Support', /lowercase letters, digits and hyphens/],
    ['workspaceSlug', 'acme_support', /lowercase letters, digits and hyphens/],
    ['workspaceSlug', '-acme', /lowercase letters, digits and hyphens/],
    ['workspaceSlug', 'a'.repeat(101), /at most 100 characters/],
    ['workspaceSlug', 42, /must be text/],
    ['spaceId', 'space_1', /starts with spa_/],
    ['spaceId', 'spa_', /starts with spa_/],
    ['spaceId', 'spa_a-b', /starts with spa_ and then letters and digits/],
    ['spaceId', `spa_${'a'.repeat(70)}`, /at most 64 characters/],
    ['spaceId', { id: 'spa_1' }, /must be text/],
    ['region', 'asia', /Choose us or eu/],
    ['region', 'US', /Choose us or eu/],
    ['region', '', /Choose us or eu/],
    ['profileApiToken', 'abcd efgh ijkl', /has a space or line break in it/],
    ['profileApiToken', 'abcdefgh\n', /has a space or line break in it/],
    ['profileApiToken', 'abcd\u0001efghij', /characters a Segment secret never has/],
    ['profileApiToken', 'tokén-value-1', /characters a Segment secret never has/],
    ['profileApiToken', 'short', /too short for a Profile API token/],
    ['profileApiToken', 'x'.repeat(513), /longer than a Profile API token/],
    ['profileApiToken', 12345678, /must be text/],
    ['writeKey', 'key with spaces', /write key has a space/],
    ['writeKey', 'tiny', /too short for a write key/],
    ['identifierPriority', [], /at least one identifier type/],
    ['identifierPriority', ['email', 'phone', 'email'], /'email' is listed twice/],
    ['identifierPriority', ['email', 'Phone Number'], /'Phone Number' is not a Segment identifier type/],
    ['identifierPriority', ['email', '9lives'], /'9lives' is not a Segment identifier type/],
    ['identifierPriority', Array.from({ length: 21 }, (_, n) => `type_${n}`), /at most 20 identifier types/],
    ['identifierPriority', ['email', 42], /must be text/],
    ['identifierPriority', { email: 1 }, /must be a list of identifier types/],
    ['engagementExcludedChannels', ['SMS'], /'SMS' is not a task channel type/],
    ['engagementExcludedChannels', ['sms', 'web chat'], /'web chat' is not a task channel type/],
    ['engagementExcludedChannels', ['x'.repeat(41)], /is not a task channel type: .*at most 40 characters/],
    ['engagementExcludedChannels', ['sms', 'email', 'sms'], /'sms' is listed twice/],
    ['engagementExcludedChannels', Array.from({ length: 21 }, (_, n) => `channel-${n}`), /at most 20 channel types/],
    ['engagementExcludedChannels', ['sms', 7], /must be text/],
    ['engagementExcludedChannels', { sms: true }, /must be a list of channel types/],
    ['revision', 'abc', /not given out by \/unify-config/],
    ['revision', 7, /must be the text \/unify-config gave you/],
  ])('refuses %s = %j with 400 invalid_config and a message for that field', async (field, value, message) => {
    const body = field === 'revision' ? { revision: value, spaceId: 'spa_ok' } : { revision: null, [field]: value };
    const answer = await call('sandbox-admin', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'invalid_config',
      message: expect.stringContaining(field),
      fields: { [field]: expect.stringMatching(message) },
    });
  });

  it('asks for the revision a save starts from', async () => {
    const answer = await call('sandbox-admin', { spaceId: 'spa_ok' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ revision: expect.stringMatching(/Send the revision you loaded/) });
  });

  it('names every bad field at once, form-encoded too, and saves none of the good ones', async () => {
    const answer = await call(
      'sandbox-admin',
      { revision: '', workspaceSlug: 'fine-slug', spaceId: 'nope', region: 'mars', writeKey: 'has space in it' },
      'form',
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(['spaceId', 'region', 'writeKey']);
    const after = await call('sandbox-admin');
    expect(after.body).toMatchObject({ revision: null, connection: { workspaceSlug: null } });
  });

  it('trims the spaces a paste brings around a slug or space id', async () => {
    const saved = await saveAs(functions, { revision: await currentRevision(), workspaceSlug: '  acme-support \n' });
    expect(saved.connection.workspaceSlug).toBe('acme-support');
  });
});

describe('two admins saving from the same revision', () => {
  it('saves the first and answers the second 409 config_conflict: what changed, by whom, when, and the config now', async () => {
    const revision = await currentRevision();
    const first = await call('sandbox-admin', { revision, spaceId: 'spa_first', region: 'eu' });
    expect(first.status).toBe(200);
    const second = await call('sandbox-admin', { revision, spaceId: 'spa_second' });
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({
      code: 'config_conflict',
      message: expect.stringMatching(/sandbox-admin changed spaceId, region .*nothing of yours was saved/),
      changedFields: ['spaceId', 'region'],
      changedBy: 'sandbox-admin',
      changedAt: first.body.audit[0].at,
    });
    expect(second.body.current).toMatchObject({
      revision: first.body.revision,
      connection: { spaceId: 'spa_first', region: 'eu' },
      canEdit: true,
    });
    expect((await call('sandbox-supervisor')).body.connection.spaceId).toBe('spa_first');
  });

  it('lets the second admin save once they start from the revision the conflict showed', async () => {
    const revision = await currentRevision();
    await saveAs(functions, { revision, region: 'us' });
    const stale = await call('sandbox-admin', { revision, spaceId: 'spa_mine' });
    const retried = await call('sandbox-admin', { revision: stale.body.current.revision, spaceId: 'spa_mine' });
    expect(retried.status).toBe(200);
    expect(retried.body.connection.spaceId).toBe('spa_mine');
  });
});

describe('a save reaches /profile on the next lookup, with no restart', () => {
  it('is not configured before a space and token are saved', async () => {
    const fresh = await startConfigStoreStack();
    try {
      const unconnected = await fresh.startFunctions({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: '' });
      const answer = await unconnected.call('/profile', LOOKUP);
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('not_configured');
      const view = await unifyConfig(unconnected, 'sandbox-admin');
      expect(view.body.missing).toEqual(['SEGMENT_SPACE_ID', 'SEGMENT_PROFILE_API_TOKEN']);
    } finally {
      await fresh.close();
    }
  });

  it('uses a saved wrong token at once (segment_auth_failed), then the right one (found)', async () => {
    await saveAs(functions, { revision: await currentRevision(), spaceId: SIM_SPACE_ID, profileApiToken: WRONG_TOKEN });
    const refused = await functions.call('/profile', LOOKUP);
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('segment_auth_failed');

    await saveAs(functions, { revision: await currentRevision(), profileApiToken: SIM_PROFILE_TOKEN });
    const found = await functions.call('/profile', LOOKUP);
    expect(found.status).toBe(200);
    expect(found.body.profile.displayName).toBe('Ana García');
    answered.push(JSON.stringify(refused.body), JSON.stringify(found.body));
  });

  it('reaches another instance within its settingsCacheSeconds, without a restart', async () => {
    const another = await stack.startOtherInstance({
      SEGMENT_SPACE_ID: '',
      SEGMENT_PROFILE_API_TOKEN: '',
      UNIFIED_PROFILES_SETTINGS_CACHE_SECONDS: '2',
    });
    expect((await unifyConfig(another, 'sandbox-supervisor')).body.settingsCacheSeconds).toBe(2);
    expect((await another.call('/profile', LOOKUP)).status).toBe(200);
    const savedAt = Date.now();
    await saveAs(functions, { revision: await currentRevision(), profileApiToken: WRONG_TOKEN });
    const meanwhile = await another.call('/profile', LOOKUP);
    if (Date.now() - savedAt < 1_500) expect(meanwhile.status).toBe(200); // still its cached settings
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await another.call('/profile', LOOKUP)).body.error.code).toBe('segment_auth_failed');
    await saveAs(functions, { revision: await currentRevision(), profileApiToken: SIM_PROFILE_TOKEN });
  });
});

describe('the identifier priority', () => {
  // One task, two customers: Ana's phone calling, Marcus's email in the attributes.
  const BOTH = { direction: 'inbound', from: ana.phone, email: marcus.email };

  it('is saved by an admin, answered in connection.identifierPriority and named in the audit', async () => {
    await saveAs(functions, { revision: await currentRevision(), identifierPriority: ['email', 'phone', 'user_id'] });
    const read = (await call('sandbox-supervisor')).body;
    expect(read.connection.identifierPriority).toEqual(['email', 'phone', 'user_id']);
    expect(read.audit[0]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['identifierPriority'] });
    const again = await saveAs(functions, {
      revision: read.revision,
      identifierPriority: ['email', 'phone', 'user_id'],
    });
    expect(again.revision).toBe(read.revision); // the same list again is no change
  });

  it('is read from a form post as a comma-separated list', async () => {
    const answer = await call(
      'sandbox-admin',
      { revision: await currentRevision(), identifierPriority: ' phone , email,user_id ' },
      'form',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.connection.identifierPriority).toEqual(['phone', 'email', 'user_id']);
    const bad = await call(
      'sandbox-admin',
      { revision: answer.body.revision, identifierPriority: 'email,phone,email' },
      'form',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ identifierPriority: expect.stringMatching(/listed twice/) });
  });

  it('decides whom /profile matches when a task carries two customers', async () => {
    await saveAs(functions, { revision: await currentRevision(), identifierPriority: ['email', 'phone', 'user_id'] });
    const emailFirst = await functions.call('/profile', { taskAttributes: BOTH });
    expect(emailFirst.status).toBe(200);
    expect(emailFirst.body.profile.matchedIdentifier).toEqual({ type: 'email', value: marcus.email });
    expect(emailFirst.body.profile.displayName).toBe(marcus.traits.name);

    await saveAs(functions, { revision: await currentRevision(), identifierPriority: ['phone', 'email'] });
    const phoneFirst = await functions.call('/profile', { taskAttributes: BOTH });
    expect(phoneFirst.status).toBe(200);
    expect(phoneFirst.body.profile.matchedIdentifier).toEqual({ type: 'phone', value: ana.phone });
    expect(phoneFirst.body.profile.displayName).toBe(ana.traits.name);
  });

  it('goes back to the default order when cleared with null (no SEGMENT_IDENTIFIER_PRIORITY here)', async () => {
    const cleared = await saveAs(functions, { revision: await currentRevision(), identifierPriority: null });
    expect(cleared.connection.identifierPriority.slice(0, 3)).toEqual(['user_id', 'email', 'phone']);
    expect(cleared.audit[0].fields).toEqual(['identifierPriority']);
    const answer = await functions.call('/profile', { taskAttributes: BOTH });
    expect(answer.body.profile.matchedIdentifier).toEqual({ type: 'email', value: marcus.email });
  });
});

describe('the engagement channels kept out of Segment', () => {
  it('sends every channel before anything is saved (no UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS here)', async () => {
    expect((await call('sandbox-supervisor')).body.connection.engagementExcludedChannels).toEqual([]);
  });

  it('is saved by an admin, answered in connection.engagementExcludedChannels and named in the audit', async () => {
    await saveAs(functions, { revision: await currentRevision(), engagementExcludedChannels: ['sms', 'email'] });
    const read = (await call('sandbox-supervisor')).body;
    expect(read.connection.engagementExcludedChannels).toEqual(['sms', 'email']);
    expect(read.audit[0]).toEqual({
      at: expect.any(String),
      by: 'sandbox-admin',
      fields: ['engagementExcludedChannels'],
    });
    // The same channels in another order are no change: no new revision, no audit entry.
    const again = await saveAs(functions, { revision: read.revision, engagementExcludedChannels: ['email', 'sms'] });
    expect(again.revision).toBe(read.revision);
    expect(again.audit).toEqual(read.audit);
  });

  it('is read from a form post as a comma-separated list, and refused there when malformed', async () => {
    const answer = await call(
      'sandbox-admin',
      { revision: await currentRevision(), engagementExcludedChannels: ' whatsapp , messenger ' },
      'form',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.connection.engagementExcludedChannels).toEqual(['whatsapp', 'messenger']);
    const bad = await call(
      'sandbox-admin',
      { revision: answer.body.revision, engagementExcludedChannels: 'sms,Email' },
      'form',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      engagementExcludedChannels: expect.stringMatching(/'Email' is not a task channel type/),
    });
  });

  it('overrides the environment’s list, an empty list included; null goes back to it', async () => {
    const withEnvironment = await stack.startOtherInstance({
      SEGMENT_SPACE_ID: '',
      SEGMENT_PROFILE_API_TOKEN: '',
      UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS: ' Voice, web ',
    });
    const view = async () => (await unifyConfig(withEnvironment, 'sandbox-supervisor')).body.connection;
    expect((await view()).engagementExcludedChannels).toEqual(['whatsapp', 'messenger']);

    const none = await saveAs(functions, { revision: await currentRevision(), engagementExcludedChannels: [] });
    expect(none.connection.engagementExcludedChannels).toEqual([]);
    expect(none.audit[0].fields).toEqual(['engagementExcludedChannels']);
    expect((await view()).engagementExcludedChannels).toEqual([]);

    const cleared = await saveAs(functions, { revision: await currentRevision(), engagementExcludedChannels: null });
    expect(cleared.audit[0].fields).toEqual(['engagementExcludedChannels']);
    expect(cleared.connection.engagementExcludedChannels).toEqual([]);
    expect((await view()).engagementExcludedChannels).toEqual(['voice', 'web']);
  });
});

describe('the audit trail', () => {
  it('says who changed which fields when, newest first, never a value', async () => {
    const before = Date.now();
    const revision = await currentRevision();
    await saveAs(functions, { revision, writeKey: 'write-key-value-5555', workspaceSlug: 'acme-two' });
    const { audit } = await saveAs(functions, { revision: String(Number(revision) + 1), profileApiToken: WRONG_TOKEN });
    expect(audit[0]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['profileApiToken'] });
    expect(audit[1]).toEqual({ at: expect.any(String), by: 'sandbox-admin', fields: ['workspaceSlug', 'writeKey'] });
    expect(Date.parse(audit[0].at)).toBeGreaterThanOrEqual(Date.parse(audit[1].at));
    expect(Date.parse(audit[1].at)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.stringify(audit)).not.toMatch(/write-key-value|wrong-profile-token|acme-two/);
  });

  it('keeps the last 50 changes', async () => {
    let revision = await currentRevision();
    for (let n = 0; n < 52; n += 1) {
      revision = (await saveAs(functions, { revision, workspaceSlug: `team-${n}` })).revision;
    }
    const { audit } = (await call('sandbox-supervisor')).body;
    expect(audit).toHaveLength(50);
    expect(audit.every((entry: { fields: string[] }) => entry.fields.join() === 'workspaceSlug')).toBe(true);
  });
});

describe('the secrets', () => {
  const SECRETS = [WRONG_TOKEN, SIM_PROFILE_TOKEN, 'write-key-value-5555'];

  it('appear in no answer, only as set with their last four', async () => {
    const view = await call('sandbox-admin');
    expect(view.body.connection.profileApiToken).toEqual({ set: true, last4: '0000', source: 'saved' });
    expect(view.body.connection.writeKey).toEqual({ set: true, last4: '5555', source: 'saved' });
    expect(answered.length).toBeGreaterThan(40);
    for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
  });

  it('appear in no log line', () => {
    expect(logs.length).toBeGreaterThan(40);
    for (const secret of SECRETS) expect(logs.join('\n')).not.toContain(secret);
  });

  it('are never stored in clear', async () => {
    const file = await readFile(path.join(stack.dataDir, SYNC_DOCUMENTS_FILE), 'utf8');
    expect(file).toContain('"ct"');
    for (const secret of SECRETS) expect(file).not.toContain(secret);
  });
});
