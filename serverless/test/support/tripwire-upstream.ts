import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An upstream that only counts: any request reaching it is one a refused call must not make. */
export interface TripwireUpstream {
  url: string;
  hits(): number;
  close(): Promise<void>;
}

export async function startTripwireUpstream(): Promise<TripwireUpstream> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
