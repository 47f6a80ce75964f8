import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { startFunctions } from './functions/start-functions';
import { startHost } from './host/server';
import { startSegmentSimulator } from './segment-sim/server';
import { startSyncStandIn } from './sync/server';

/** A client that promises more body than it sends must not hold a sandbox connection for minutes. */
jest.setTimeout(60_000);

/** Sends headers announcing 100 bytes, then 10, and resolves with how long the server kept the socket. */
function heldMs(url: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST /v1/track HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n`);
      socket.write('Content-Length: 100\r\n\r\n{"a":"1234"');
    });
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Date.now() - started));
    setTimeout(() => reject(new Error('still held after 45 s')), 45_000).unref();
  });
}

const dataDir = () => mkdtemp(path.join(os.tmpdir(), 'sandbox-timeouts-'));

it.each([
  ['the Segment simulator', async () => startSegmentSimulator({ port: 0 })],
  ['the Sync stand-in', async () => startSyncStandIn({ port: 0, dataDir: await dataDir() })],
  ['the Functions (twilio-run)', async () => startFunctions({ port: 0, variant: 'sandbox', env: {} })],
  [
    'the Flex host',
    async () =>
      startHost({
        port: 0,
        functionsBaseUrl: 'http://localhost:0',
        pluginBundlePath: '/none.js',
        dataDir: await dataDir(),
      }),
  ],
])('%s drops a request whose body never arrives within seconds', async (_, start) => {
  const server = await start();
  try {
    expect(await heldMs(server.url)).toBeLessThan(15_000);
  } finally {
    await server.close();
  }
});
