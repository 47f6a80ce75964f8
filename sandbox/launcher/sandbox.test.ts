import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEMO_CUSTOMERS } from '../demo/customers';
import { startSegmentSimulator } from '../segment-sim/server';
import { startSandbox } from './sandbox';

const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;

// The Functions run in this process: keep their log lines out of the test output.
beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

describe('npm start with SEGMENT_PROFILE_API_URL pointing elsewhere', () => {
  it('starts no simulator of its own and sends the Functions to that server with the given space and token', async () => {
    const elsewhere = await startSegmentSimulator({
      port: 0,
      spaceId: 'spa_elsewhere',
      profileToken: 'elsewhere-token',
    });
    const sandbox = await startSandbox({
      SANDBOX_PORT: '0',
      FUNCTIONS_PORT: '0',
      SANDBOX_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'sandbox-test-')),
      SEGMENT_PROFILE_API_URL: elsewhere.url,
      SEGMENT_SPACE_ID: 'spa_elsewhere',
      SEGMENT_PROFILE_API_TOKEN: 'elsewhere-token',
    });
    try {
      expect(sandbox.simulated).toBe(false);
      expect(sandbox.segmentUrl).toBe(elsewhere.url);
      const response = await fetch(`${sandbox.functionsUrl}/profile`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ Token: 'sandbox-agent', identifier: `user_id:${ana.userId}` }),
      });
      expect(response.status).toBe(200);
      expect((await response.json()).profile.displayName).toBe('Ana García');
      expect(elsewhere.requests.some((request) => request.path.startsWith('/v1/spaces/spa_elsewhere/'))).toBe(true);
    } finally {
      await sandbox.close();
      await elsewhere.close();
    }
  }, 60_000);
});

describe('npm start connected or not', () => {
  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const lookup = (sandbox: { functionsUrl: string }) =>
    post(`${sandbox.functionsUrl}/profile`, { Token: 'sandbox-agent', identifier: `user_id:${ana.userId}` });
  const ports = { SANDBOX_PORT: '0', FUNCTIONS_PORT: '0', SEGMENT_SIM_PORT: '0' };

  it('is connected to the simulator by default, from the environment', async () => {
    const sandbox = await startSandbox({
      ...ports,
      SANDBOX_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'sandbox-')),
    });
    try {
      expect(sandbox.connectedByEnvironment).toBe(true);
      const view = await post(`${sandbox.functionsUrl}/unify-config`, { Token: 'sandbox-admin' });
      expect(view.body.connection).toMatchObject({
        spaceId: 'spa_sandbox',
        profileApiToken: { set: true, source: 'environment' },
      });
      expect(view.body.configStoreMissing).toEqual([]);
      expect((await lookup(sandbox)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it('starts unconnected with SEGMENT_SPACE_ID= empty; a space saved in the Unify tab works and outlives a restart', async () => {
    const env = { ...ports, SANDBOX_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'sandbox-')), SEGMENT_SPACE_ID: '' };
    const first = await startSandbox(env);
    try {
      expect(first.connectedByEnvironment).toBe(false);
      const refused = await lookup(first);
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('not_configured');
      const saved = await post(`${first.functionsUrl}/unify-config`, {
        Token: 'sandbox-admin',
        revision: null,
        spaceId: 'spa_sandbox',
        profileApiToken: 'sandbox-profile-token',
      });
      expect(saved.status).toBe(200);
      expect((await lookup(first)).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startSandbox(env);
    try {
      const view = await post(`${second.functionsUrl}/unify-config`, { Token: 'sandbox-supervisor' });
      expect(view.body).toMatchObject({ revision: '1', connection: { profileApiToken: { source: 'saved' } } });
      expect((await lookup(second)).status).toBe(200);
    } finally {
      await second.close();
    }
  }, 60_000);
});
