import { mkdtemp } from 'node:fs/promises';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { sandboxConfigStoreEnv } from '../../../sandbox/sync/sandbox-store-env';
import { startSyncStandIn, type RunningSyncStandIn } from '../../../sandbox/sync/server';
import type { Answer } from './http';
import { startTestStack, type TestFunctions, type TestStack } from './stack';

/** The test stack plus a fresh Sync stand-in, and Functions that keep Unify settings in it. */
export interface ConfigStoreStack {
  stack: TestStack;
  sync: RunningSyncStandIn;
  dataDir: string;
  /** Functions with the store set up (the sandbox's key and service) and `env` on top. */
  startFunctions(env?: Record<string, string | undefined>): Promise<TestFunctions>;
  /**
   * Functions standing for another instance of the service: the same Sync document, reached
   * through another URL, so they do not share this process's cache with the others.
   */
  startOtherInstance(env?: Record<string, string | undefined>): Promise<TestFunctions>;
  close(): Promise<void>;
}

export async function startConfigStoreStack(): Promise<ConfigStoreStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unify-config-http-'));
  const [stack, sync] = await Promise.all([startTestStack(), startSyncStandIn({ port: 0, dataDir })]);
  const aliases: Array<{ close(): Promise<void> }> = [];
  return {
    stack,
    sync,
    dataDir,
    startFunctions: (env = {}) => stack.startFunctions({ ...sandboxConfigStoreEnv(sync.url), ...env }),
    async startOtherInstance(env = {}) {
      const alias = await startAlias(sync.url);
      aliases.push(alias);
      return stack.startFunctions({ ...sandboxConfigStoreEnv(alias.url), ...env });
    },
    async close() {
      await stack.close();
      await Promise.all(aliases.map((alias) => alias.close()));
      await sync.close();
    },
  };
}

/** A second address for a server: requests pass through unchanged. */
async function startAlias(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const upstream = forward(
      { hostname, port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** /unify-config as a sandbox user: a read with no fields, a write with some. */
export function unifyConfig(functions: TestFunctions, Token: string, fields: Record<string, unknown> = {}) {
  return functions.call('/unify-config', { Token, ...fields });
}

/** An admin's save that must succeed; answers the new config. */
export async function saveAs(functions: TestFunctions, fields: Record<string, unknown>, Token = 'sandbox-admin') {
  const answer: Answer = await unifyConfig(functions, Token, fields);
  if (answer.status !== 200) throw new Error(`save failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
