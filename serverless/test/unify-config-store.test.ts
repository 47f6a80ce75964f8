import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { SYNC_DOCUMENTS_FILE } from '../../sandbox/sync/document-store';
import { startSyncStandIn, type RunningSyncStandIn } from '../../sandbox/sync/server';
import {
  FLEX_DEFAULT_SYNC_SERVICE_SID,
  SANDBOX_ACCOUNT_SID,
  SANDBOX_SYNC_SERVICE_SID,
} from '../../sandbox/sync/sync-shape';
import type { UnifyCheckResult } from '../src/config/unify-contract';
import { ApiError } from '../src/http/api-error';
import type { UnifyConfigChange } from '../src/unify-config/config-write';
import { SecretUnreadableError } from '../src/unify-config/secret-box';
import { createConfigCache, type ConfigCache } from '../src/unify-config/settings-cache';
import { CONFIG_DOCUMENT_NAME } from '../src/unify-config/store-environment';
import type { SyncDocumentContext, TwilioSyncClient } from '../src/unify-config/sync-api';
import {
  ConfigConflictError,
  createUnifyConfigStore,
  type StoreDependencies,
  type UnifyConfigStore,
} from '../src/unify-config/unify-config-store';

/** The config store against the sandbox's Sync stand-in, through the real `twilio` library. */
type TwilioClientClass = new (accountSid: string, authToken: string) => TwilioSyncClient;

const TOKEN = 'profile-token-aaaa-1111';
const key = randomBytes(32);
let dataDir: string;
let standIn: RunningSyncStandIn;

async function twilioClient(): Promise<TwilioSyncClient> {
  const twilioPath = require.resolve('twilio', { paths: [path.join(__dirname, '..')] });
  const { Twilio } = (await import(twilioPath)).default as { Twilio: TwilioClientClass };
  const client = new Twilio(SANDBOX_ACCOUNT_SID, 'sandbox-sync-auth-token');
  client.sync.baseUrl = standIn.url;
  return client;
}

/** A store as one Function instance has it: its own cache, unless given another instance's. */
async function store(overrides: Partial<StoreDependencies> = {}): Promise<UnifyConfigStore> {
  return createUnifyConfigStore({
    client: await twilioClient(),
    serviceSid: SANDBOX_SYNC_SERVICE_SID,
    key,
    settingsCacheSeconds: 10,
    cache: createConfigCache(),
    ...overrides,
  });
}

const syncFile = () => readFile(path.join(dataDir, SYNC_DOCUMENTS_FILE), 'utf8');
const change = (revision: string | null, fields: Omit<UnifyConfigChange, 'revision'>) => ({ revision, ...fields });

const CHECK: UnifyCheckResult = {
  status: 'passed',
  code: 'ok',
  steps: [{ step: 'profile_api', code: 'ok', status: 'passed', message: 'Segment answered.' }],
  checkedAt: '2026-01-01T00:00:00.000Z',
  checkedBy: 'sandbox-admin',
  ms: 12,
};

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'unify-config-store-'));
  standIn = await startSyncStandIn({ port: 0, dataDir });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  await standIn.close();
  jest.restoreAllMocks();
});

describe('saving', () => {
  it('creates the document on the first save, with the token sealed and only its last four in clear', async () => {
    const config = await store();
    expect(await config.read()).toMatchObject({ settingsRevision: 0, spaceId: null });
    const saved = await config.write(change(null, { spaceId: 'spa_one', profileApiToken: TOKEN }), 'ana@acme.com');
    expect(saved).toMatchObject({ settingsRevision: 1, spaceId: 'spa_one', profileApiToken: { last4: '1111' } });
    expect(saved.audit).toEqual([
      { at: expect.any(String), by: 'ana@acme.com', fields: ['spaceId', 'profileApiToken'], revision: 1 },
    ]);
    expect(config.revealSecret(saved, 'profileApiToken')).toBe(TOKEN);

    const file = await syncFile();
    expect(file).toContain(CONFIG_DOCUMENT_NAME);
    expect(file).toContain('spa_one');
    expect(file).not.toContain(TOKEN);
    expect(file).not.toContain('profile-token');
  });

  it('updates it from the revision it was read at, newest audit entry first', async () => {
    const config = await store();
    await config.write(change(null, { spaceId: 'spa_one' }), 'ana');
    const saved = await config.write(change('1', { region: 'eu', workspaceSlug: 'acme' }), 'ben');
    expect(saved.settingsRevision).toBe(2);
    expect(saved.audit.map((entry) => [entry.by, entry.fields])).toEqual([
      ['ben', ['workspaceSlug', 'region']],
      ['ana', ['spaceId']],
    ]);
    expect(await (await store()).read()).toMatchObject({ region: 'eu', workspaceSlug: 'acme', spaceId: 'spa_one' });
  });

  it('records nothing for a save that changes nothing (the same values, the same token again)', async () => {
    const config = await store();
    await config.write(change(null, { spaceId: 'spa_one', profileApiToken: TOKEN }), 'ana');
    const again = await config.write(change('1', { spaceId: 'spa_one', profileApiToken: TOKEN }), 'ben');
    expect(again.settingsRevision).toBe(1);
    expect(again.audit).toHaveLength(1);
  });

  it('clears a setting sent as null, so the environment’s applies again', async () => {
    const config = await store();
    await config.write(change(null, { spaceId: 'spa_one', profileApiToken: TOKEN }), 'ana');
    const cleared = await config.write(change('1', { spaceId: null, profileApiToken: null }), 'ana');
    expect(cleared).toMatchObject({ spaceId: null, profileApiToken: null, settingsRevision: 2 });
    expect(cleared.audit[0].fields).toEqual(['spaceId', 'profileApiToken']);
  });

  it('keeps the last 50 changes, newest first', async () => {
    const config = await store();
    let revision: string | null = null;
    for (let n = 1; n <= 53; n += 1) {
      revision = String(
        (await config.write(change(revision, { workspaceSlug: `team-${n}` }), `admin-${n}`)).settingsRevision,
      );
    }
    const { audit } = await config.read({ fresh: true });
    expect(audit).toHaveLength(50);
    expect(audit[0].by).toBe('admin-53');
    expect(audit[49].by).toBe('admin-4');
  });
});

describe('two admins at once', () => {
  it('refuses a save from an old revision, naming what changed since, by whom and when', async () => {
    const first = await store();
    const second = await store();
    await first.write(change(null, { spaceId: 'spa_one' }), 'ana');
    await first.write(change('1', { profileApiToken: TOKEN }), 'ben');
    const attempt = second.write(change('1', { workspaceSlug: 'mine' }), 'cleo');
    await expect(attempt).rejects.toBeInstanceOf(ConfigConflictError);
    const conflict = (await attempt.catch((error) => error)) as ConfigConflictError;
    expect(conflict.changes).toEqual({
      changedFields: ['profileApiToken'],
      changedBy: 'ben',
      changedAt: expect.any(String),
    });
    expect(conflict.current.settingsRevision).toBe(2);
    expect((await first.read({ fresh: true })).workspaceSlug).toBeNull();
  });

  it('lists every change since a revision null (a first save that lost to another first save)', async () => {
    const first = await store();
    await first.write(change(null, { spaceId: 'spa_one' }), 'ana');
    await first.write(change('1', { region: 'eu' }), 'ana');
    const conflict = await (await store()).write(change(null, { spaceId: 'spa_two' }), 'ben').catch((error) => error);
    expect(conflict.changes.changedFields).toEqual(['spaceId', 'region']);
  });

  /** A client whose next document update first lets `meanwhile` run: the other admin's save lands in between. */
  async function racingClient(meanwhile: () => Promise<unknown>): Promise<TwilioSyncClient> {
    const real = await twilioClient();
    let raced = false;
    const services = (sid: string) => {
      const service = real.sync.v1.services(sid);
      const documents = Object.assign(
        (name: string): SyncDocumentContext => {
          const document = service.documents(name);
          return {
            fetch: () => document.fetch(),
            async update(params) {
              if (!raced) {
                raced = true;
                await meanwhile();
              }
              return document.update(params);
            },
          };
        },
        { create: service.documents.create.bind(service.documents) },
      );
      return { fetch: () => service.fetch(), documents };
    };
    return { accountSid: real.accountSid, sync: { baseUrl: real.sync.baseUrl, v1: { services } } };
  }

  it('turns Sync’s 412 into a conflict when a save slipped in between its read and its write', async () => {
    await (await store()).write(change(null, { spaceId: 'spa_one' }), 'ana');
    const other = await store();
    const racing = await store({ client: await racingClient(() => other.write(change('1', { region: 'eu' }), 'ben')) });
    const conflict = await racing.write(change('1', { workspaceSlug: 'mine' }), 'cleo').catch((error) => error);
    expect(conflict).toBeInstanceOf(ConfigConflictError);
    expect(conflict.changes).toMatchObject({ changedFields: ['region'], changedBy: 'ben' });
    expect(await other.read({ fresh: true })).toMatchObject({ region: 'eu', workspaceSlug: null });
  });

  it('saves anyway when what slipped in was only a connection check', async () => {
    await (await store()).write(change(null, { spaceId: 'spa_one' }), 'ana');
    const checker = await store();
    const racing = await store({ client: await racingClient(() => checker.recordCheck(CHECK)) });
    const saved = await racing.write(change('1', { workspaceSlug: 'mine' }), 'cleo');
    expect(saved).toMatchObject({ workspaceSlug: 'mine', settingsRevision: 2, lastCheck: CHECK });
  });
});

describe('the last connection check', () => {
  it('is kept without moving the settings revision or the audit trail', async () => {
    const config = await store();
    await config.write(change(null, { spaceId: 'spa_one' }), 'ana');
    expect(await config.recordCheck(CHECK)).toBe(true);
    const read = await (await store()).read();
    expect(read).toMatchObject({ lastCheck: CHECK, settingsRevision: 1 });
    expect(read.audit).toHaveLength(1);
    // An admin who loaded revision 1 before the check still saves without a conflict.
    expect((await config.write(change('1', { region: 'eu' }), 'ana')).settingsRevision).toBe(2);
  });

  it('creates the document when a check comes before any save', async () => {
    const config = await store();
    expect(await config.recordCheck(CHECK)).toBe(true);
    expect(await (await store()).read()).toMatchObject({ lastCheck: CHECK, settingsRevision: 0, spaceId: null });
  });

  it('answers false, without throwing, when Sync is unreachable', async () => {
    const config = await store();
    await standIn.close();
    expect(await config.recordCheck(CHECK)).toBe(false);
    standIn = await startSyncStandIn({ port: 0, dataDir });
  });
});

describe('reading through the per-instance cache', () => {
  it('reuses what it read for settingsCacheSeconds, then reads Sync again', async () => {
    let now = 1_000_000;
    const cache: ConfigCache = createConfigCache();
    const reader = await store({ cache, now: () => now });
    const writer = await store();
    await writer.write(change(null, { spaceId: 'spa_one' }), 'ana');
    expect((await reader.read()).spaceId).toBe('spa_one');
    await writer.write(change('1', { spaceId: 'spa_two' }), 'ana');
    now += 9_000;
    expect((await reader.read()).spaceId).toBe('spa_one');
    expect((await reader.read({ fresh: true })).spaceId).toBe('spa_two');
    await writer.write(change('2', { spaceId: 'spa_three' }), 'ana');
    now += 10_000;
    expect((await reader.read()).spaceId).toBe('spa_three');
  });

  it('sees its own save at once', async () => {
    const config = await store();
    await config.read();
    await config.write(change(null, { spaceId: 'spa_one' }), 'ana');
    expect((await config.read()).spaceId).toBe('spa_one');
  });

  it('serves the copy it has while Sync is down, and says so on a fresh read', async () => {
    let now = 1_000_000;
    const config = await store({ now: () => now });
    await config.write(change(null, { spaceId: 'spa_one' }), 'ana');
    await standIn.close();
    now += 60_000;
    expect((await config.read()).spaceId).toBe('spa_one');
    await expect(config.read({ fresh: true })).rejects.toMatchObject({ status: 503, code: 'config_store_unavailable' });
    standIn = await startSyncStandIn({ port: 0, dataDir });
  });
});

describe('the Sync service it is given', () => {
  it('refuses Flex’s default service, which every agent’s token can read', async () => {
    const config = await store({ serviceSid: FLEX_DEFAULT_SYNC_SERVICE_SID });
    const refusal = await config.write(change(null, { spaceId: 'spa_one' }), 'ana').catch((error) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 503, code: 'config_store_not_configured' });
    expect(refusal.message).toMatch(/default Sync service/);
    await expect(config.read()).rejects.toMatchObject({ code: 'config_store_not_configured' });
  });

  it('says so when the service does not exist', async () => {
    const config = await store({ serviceSid: `IS${'9'.repeat(32)}` });
    await expect(config.read()).rejects.toThrow(/UNIFIED_PROFILES_SYNC_SERVICE_SID names no Sync service/);
  });
});

it('cannot open a saved secret with another key', async () => {
  const saved = await (await store()).write(change(null, { profileApiToken: TOKEN }), 'ana');
  const otherKey = await store({ key: randomBytes(32) });
  expect(() => otherKey.revealSecret(saved, 'profileApiToken')).toThrow(SecretUnreadableError);
});
