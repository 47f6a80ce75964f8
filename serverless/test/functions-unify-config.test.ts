import { randomBytes } from 'node:crypto';

import { SANDBOX_CONFIG_KEY } from '../../sandbox/sync/sandbox-store-env';
import { SANDBOX_SYNC_SERVICE_SID } from '../../sandbox/sync/sync-shape';
import type { UnifyCheckResult } from '../src/config/unify-contract';
import { parseConfigKey } from '../src/unify-config/secret-box';
import { createConfigCache } from '../src/unify-config/settings-cache';
import type { TwilioSyncClient } from '../src/unify-config/sync-api';
import { createUnifyConfigStore } from '../src/unify-config/unify-config-store';
import { saveAs, startConfigStoreStack, unifyConfig, type ConfigStoreStack } from './support/config-store';
import { silenceFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, type TestFunctions } from './support/stack';

/**
 * /unify-config over HTTP, reading: who may see it, what it shows (saved over environment, secrets
 * as set or not), and how a saved region and the environment's URL combine.
 */
silenceFunctionLogs();

const ENV_TOKEN = 'env-token-value-7777';
let stack: ConfigStoreStack;
let functions: TestFunctions;

beforeAll(async () => {
  stack = await startConfigStoreStack();
  functions = await stack.startFunctions({
    SEGMENT_SPACE_ID: 'spa_fromenv',
    SEGMENT_PROFILE_API_TOKEN: ENV_TOKEN,
    SEGMENT_IDENTIFIER_PRIORITY: 'email,phone',
  });
});
afterAll(() => stack?.close());

describe('who may read and write', () => {
  it('refuses an agent with 403 forbidden, reading or writing, and a caller without a token with 401', async () => {
    for (const fields of [{}, { revision: null, spaceId: 'spa_agent' }]) {
      const agent = await unifyConfig(functions, 'sandbox-agent', fields);
      expect(agent.status).toBe(403);
      expect(agent.body.error.code).toBe('forbidden');
    }
    const anonymous = await functions.call('/unify-config', { Token: '' });
    expect(anonymous.status).toBe(401);
  });

  it('shows a supervisor the connection read-only, and refuses their save with 403 forbidden', async () => {
    const read = await unifyConfig(functions, 'sandbox-supervisor');
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    const write = await unifyConfig(functions, 'sandbox-supervisor', { revision: null, spaceId: 'not valid either' });
    expect(write.status).toBe(403);
    expect(write.body.error).toEqual({ code: 'forbidden', message: expect.stringMatching(/admin/) });
    expect((await unifyConfig(functions, 'sandbox-admin')).body.revision).toBeNull();
  });

  it('shows an admin the environment’s settings before anything is saved, the token only as set, last four', async () => {
    const answer = await unifyConfig(functions, 'sandbox-admin');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      connection: {
        workspaceSlug: null,
        spaceId: 'spa_fromenv',
        region: 'us',
        profileApiUrl: stack.stack.simulator.url,
        profileApiToken: { set: true, last4: '7777', source: 'environment' },
        writeKey: { set: false, last4: null, source: null },
        identifierPriority: ['email', 'phone'],
        engagementExcludedChannels: [],
        // The recommended highlights: none saved yet.
        highlightedTraits: ['total_inbounds', 'frequent_inbound_channel'],
        traitDisplay: {},
        customerTab: {},
      },
      revision: null,
      missing: [],
      audit: [],
      lastCheck: null,
      canEdit: true,
      settingsCacheSeconds: 10,
      configStoreMissing: [],
      // No lookup has failed on this instance: Segment is not degraded.
      segmentHealth: { degraded: false, since: null },
      // No setup step ticked yet.
      setupChecklist: { steps: {} },
    });
    expect(JSON.stringify(answer.body)).not.toContain(ENV_TOKEN);
  });

  it('lets an admin save, form-encoded too, answering the config as saved', async () => {
    const answer = await functions.call(
      '/unify-config',
      { Token: 'sandbox-admin', revision: '', workspaceSlug: 'acme-support', writeKey: 'write-key-abcd-9876' },
      'form',
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      connection: {
        workspaceSlug: 'acme-support',
        spaceId: 'spa_fromenv',
        profileApiToken: { source: 'environment' },
        writeKey: { set: true, last4: '9876', source: 'saved' },
      },
      revision: '1',
      audit: [{ by: 'sandbox-admin', fields: ['workspaceSlug', 'writeKey'], at: expect.any(String) }],
    });
    const supervisor = await unifyConfig(functions, 'sandbox-supervisor');
    expect(supervisor.body.connection.workspaceSlug).toBe('acme-support');
    expect(supervisor.body.audit).toHaveLength(1);
  });
});

describe('without a config store', () => {
  let bare: TestFunctions;
  beforeAll(async () => {
    bare = await stack.stack.startFunctions({});
  });

  it('still reads the environment, and names what saving needs', async () => {
    const answer = await unifyConfig(bare, 'sandbox-admin');
    expect(answer.status).toBe(200);
    expect(answer.body.connection.spaceId).toBe(SIM_SPACE_ID);
    // Not the sandbox's stand-in either: the runtime's own client needs the account's credentials.
    expect(answer.body.configStoreMissing).toEqual([
      'UNIFIED_PROFILES_SYNC_SERVICE_SID',
      'UNIFIED_PROFILES_CONFIG_KEY',
      'ACCOUNT_SID',
      'AUTH_TOKEN',
    ]);
  });

  it('answers a save with 503 config_store_not_configured naming the missing variables', async () => {
    const answer = await unifyConfig(bare, 'sandbox-admin', { revision: null, spaceId: 'spa_new' });
    expect(answer.status).toBe(503);
    expect(answer.body.error).toEqual({
      code: 'config_store_not_configured',
      message: expect.stringMatching(
        /UNIFIED_PROFILES_SYNC_SERVICE_SID is not set; UNIFIED_PROFILES_CONFIG_KEY is not set/,
      ),
      missing: ['UNIFIED_PROFILES_SYNC_SERVICE_SID', 'UNIFIED_PROFILES_CONFIG_KEY', 'ACCOUNT_SID', 'AUTH_TOKEN'],
    });
  });

  it('says what is wrong with a key that is not 32 bytes, without showing it', async () => {
    const shortKey = randomBytes(16).toString('base64');
    const badKey = await stack.startFunctions({ UNIFIED_PROFILES_CONFIG_KEY: shortKey });
    const answer = await unifyConfig(badKey, 'sandbox-admin', { revision: null, spaceId: 'spa_new' });
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toMatch(/UNIFIED_PROFILES_CONFIG_KEY must be 32 random bytes/);
    expect(answer.body.error.message).not.toContain(shortKey);
  });
});

describe('region and the Profile API URL', () => {
  it('keeps an explicit server (the simulator) when an admin saves region eu: the region labels it', async () => {
    const explicit = await stack.startFunctions({ SEGMENT_SPACE_ID: SIM_SPACE_ID });
    const revision = (await unifyConfig(explicit, 'sandbox-admin')).body.revision;
    const saved = await saveAs(explicit, { revision, region: 'eu' });
    expect(saved.connection).toMatchObject({ region: 'eu', profileApiUrl: stack.stack.simulator.url });
  });

  it('sends a saved region to Segment’s host for it, over a Segment host in the environment', async () => {
    const other = await startConfigStoreStack();
    try {
      const segmentHosted = await other.startFunctions({
        SEGMENT_PROFILE_API_URL: 'https://profiles.euw1.segment.com',
      });
      const before = await unifyConfig(segmentHosted, 'sandbox-admin');
      expect(before.body.connection).toMatchObject({
        region: 'eu',
        profileApiUrl: 'https://profiles.euw1.segment.com',
      });
      const saved = await saveAs(segmentHosted, { revision: null, region: 'us' });
      expect(saved.connection).toMatchObject({ region: 'us', profileApiUrl: 'https://profiles.segment.com' });
    } finally {
      await other.close();
    }
  });
});

describe('a store read with another key', () => {
  it('still shows the saved token as set (never opening it), while lookups say the key changed', async () => {
    const other = await startConfigStoreStack();
    try {
      const first = await other.startFunctions({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: '' });
      await saveAs(first, { revision: null, spaceId: SIM_SPACE_ID, profileApiToken: SIM_PROFILE_TOKEN });
      const rekeyed = await other.startFunctions({ UNIFIED_PROFILES_CONFIG_KEY: randomBytes(32).toString('hex') });
      const view = await unifyConfig(rekeyed, 'sandbox-admin');
      expect(view.status).toBe(200);
      expect(view.body.connection.profileApiToken).toEqual({ set: true, last4: 'oken', source: 'saved' });
      const lookup = await rekeyed.call('/profile', { identifier: 'email:ana.garcia@example.com' });
      expect(lookup.status).toBe(503);
      expect(lookup.body.error).toEqual({
        code: 'not_configured',
        message: expect.stringMatching(/cannot be decrypted with UNIFIED_PROFILES_CONFIG_KEY/),
      });
    } finally {
      await other.close();
    }
  });
});

it('shows the last connection check the store recorded', async () => {
  const twilioPath = require.resolve('twilio', { paths: [`${__dirname}/..`] });
  const { Twilio } = (await import(twilioPath)).default as {
    Twilio: new (sid: string, token: string) => TwilioSyncClient;
  };
  const client = new Twilio(`AC${'0'.repeat(32)}`, 'x');
  client.sync.baseUrl = stack.sync.url;
  const store = createUnifyConfigStore({
    client,
    serviceSid: SANDBOX_SYNC_SERVICE_SID,
    key: parseConfigKey(SANDBOX_CONFIG_KEY) as Buffer,
    settingsCacheSeconds: 10,
    cache: createConfigCache(),
  });
  const check: UnifyCheckResult = {
    status: 'warning',
    code: 'no_flex_events_yet',
    steps: [{ step: 'flex_events', code: 'no_flex_events_yet', status: 'warning', message: 'No Flex events yet.' }],
    checkedAt: '2026-02-01T10:00:00.000Z',
    checkedBy: 'sandbox-admin',
    ms: 40,
  };
  expect(await store.recordCheck(check)).toBe(true);
  expect((await unifyConfig(functions, 'sandbox-supervisor')).body.lastCheck).toEqual(check);
});
