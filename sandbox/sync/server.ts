import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SyncDocumentStore } from './document-store';
import { handleSyncApi } from './sync-api';
import { SANDBOX_SERVER_OPTIONS } from '../http-timeouts';

export interface RunningSyncStandIn {
  /** What the sandbox's Functions get as UNIFIED_PROFILES_TWILIO_API_BASE (the Sync domain's base URL). */
  url: string;
  store: SyncDocumentStore;
  close(): Promise<void>;
}

/**
 * The sandbox's stand-in for Twilio Sync (the Documents subset, sync-api.ts), on loopback, keeping
 * its documents in `<dataDir>/sync-documents.json`. Its own server, because the Functions need its
 * URL before they start, and the host page needs the Functions' URL.
 */
export async function startSyncStandIn({ port, dataDir }: { port: number; dataDir: string }) {
  const store = await SyncDocumentStore.open(dataDir);
  const server: Server = createServer(SANDBOX_SERVER_OPTIONS, async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://sync');
    if (!(await handleSyncApi(store, request, response, url))) {
      response
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(
          JSON.stringify({ code: 20404, message: `The requested resource ${url.pathname} was not found`, status: 404 }),
        );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const running: RunningSyncStandIn = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.idle();
    },
  };
  return running;
}
