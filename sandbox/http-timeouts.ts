import type { ServerOptions } from 'node:http';

/**
 * Every sandbox server's limits on a slow client: a request whose headers or body do not arrive
 * in time (a Content-Length larger than what is sent, a stalled upload) is dropped within seconds,
 * not after Node's default 300 s. The sandbox's requests are small and local.
 */
export const SANDBOX_SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  keepAliveTimeout: 5_000,
  // How often Node looks for requests past those limits (30 s by default).
  connectionsCheckingInterval: 1_000,
};
