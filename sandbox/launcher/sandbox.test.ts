import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEMO_CUSTOMERS } from '../demo/customers';
import { startSegmentSimulator } from '../segment-sim/server';
import { startSandbox } from './sandbox';

const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;

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
