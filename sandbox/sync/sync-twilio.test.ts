import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { TwilioSyncClient } from '../../serverless/src/unify-config/sync-api';
import { SYNC_DOCUMENTS_FILE } from './document-store';
import { startSyncStandIn, type RunningSyncStandIn } from './server';
import { FLEX_DEFAULT_SYNC_SERVICE_SID, SANDBOX_ACCOUNT_SID, SANDBOX_SYNC_SERVICE_SID } from './sync-shape';

/**
 * The point of speaking Sync's REST subset: the real `twilio` library (the one twilio-run gives
 * Functions, from serverless/node_modules) works against the stand-in once its Sync domain points there.
 */
type TwilioClientClass = new (accountSid: string, authToken: string) => TwilioSyncClient;

let dataDir: string;
let standIn: RunningSyncStandIn;
let client: TwilioSyncClient;

async function twilioClient(url: string): Promise<TwilioSyncClient> {
  const twilioPath = require.resolve('twilio', { paths: [path.join(__dirname, '..', '..', 'serverless')] });
  const { Twilio } = (await import(twilioPath)).default as { Twilio: TwilioClientClass };
  const made = new Twilio(SANDBOX_ACCOUNT_SID, 'sandbox-sync-auth-token');
  made.sync.baseUrl = url;
  return made;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-sync-'));
  standIn = await startSyncStandIn({ port: 0, dataDir });
  client = await twilioClient(standIn.url);
});
afterAll(() => standIn.close());

const documents = () => client.sync.v1.services(SANDBOX_SYNC_SERVICE_SID).documents;

it('creates, fetches (by unique name and by sid) and updates a document through the twilio library', async () => {
  const created = await documents().create({ uniqueName: 'settings', data: { spaceId: 'spa_1' } });
  expect(created).toMatchObject({ uniqueName: 'settings', revision: '0', data: { spaceId: 'spa_1' } });
  expect(created.sid).toMatch(/^ET[0-9a-f]{32}$/);

  expect((await documents()('settings').fetch()).data).toEqual({ spaceId: 'spa_1' });
  expect((await documents()(created.sid).fetch()).uniqueName).toBe('settings');

  const updated = await documents()('settings').update({ data: { spaceId: 'spa_2' }, ifMatch: '0' });
  expect(updated).toMatchObject({ revision: '1', data: { spaceId: 'spa_2' } });
});

it('refuses an update from an old revision with 412 and Sync’s code 54103, keeping the newer data', async () => {
  await documents().create({ uniqueName: 'raced', data: { n: 0 } });
  await documents()('raced').update({ data: { n: 1 }, ifMatch: '0' });
  await expect(documents()('raced').update({ data: { n: 2 }, ifMatch: '0' })).rejects.toMatchObject({
    status: 412,
    code: 54103,
  });
  expect((await documents()('raced').fetch()).data).toEqual({ n: 1 });
  // Without If-Match the last write wins, as in Sync.
  expect((await documents()('raced').update({ data: { n: 3 } })).revision).toBe('2');
});

it('answers a taken unique name with 409 (54301) and an unknown document with 404 (20404)', async () => {
  await documents().create({ uniqueName: 'taken', data: {} });
  await expect(documents().create({ uniqueName: 'taken', data: {} })).rejects.toMatchObject({
    status: 409,
    code: 54301,
  });
  await expect(documents()('never-made').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

it('knows the plugin’s service and Flex’s default one (also as "default"), and no other', async () => {
  const own = await client.sync.v1.services(SANDBOX_SYNC_SERVICE_SID).fetch();
  expect(own).toMatchObject({ sid: SANDBOX_SYNC_SERVICE_SID, uniqueName: 'unified-profiles' });
  expect((await client.sync.v1.services('default').fetch()).sid).toBe(FLEX_DEFAULT_SYNC_SERVICE_SID);
  await expect(client.sync.v1.services(`IS${'9'.repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404 });
});

it('answers errors in Twilio’s body shape, and refuses a request without credentials', async () => {
  const url = `${standIn.url}/v1/Services/${SANDBOX_SYNC_SERVICE_SID}/Documents/nothing`;
  const anonymous = await fetch(url);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toEqual({
    code: 20003,
    message: expect.any(String),
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  });
});

it('refuses data over Sync’s 16 KiB limit', async () => {
  const data = { padding: 'x'.repeat(17 * 1024) };
  await expect(documents().create({ uniqueName: 'huge', data })).rejects.toMatchObject({ status: 400, code: 54006 });
});

it('keeps its documents in SANDBOX_DATA_DIR across a restart', async () => {
  await documents().create({ uniqueName: 'kept', data: { a: 1 } });
  await standIn.close();
  const file = JSON.parse(await readFile(path.join(dataDir, SYNC_DOCUMENTS_FILE), 'utf8'));
  expect(file.documents.map((document: { unique_name: string }) => document.unique_name)).toContain('kept');
  standIn = await startSyncStandIn({ port: 0, dataDir });
  client = await twilioClient(standIn.url);
  expect((await documents()('kept').fetch()).data).toEqual({ a: 1 });
});
