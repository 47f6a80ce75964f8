import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { buildFunctions, SERVERLESS_DIR } from '../../serverless/scripts/build-functions';
import { buildSandboxFunctions } from './build-sandbox-functions';

export interface StartFunctionsOptions {
  /** 0 picks a free port. */
  port: number;
  /** Exactly what the Functions see as `context` (twilio-run's --load-local-env hands over the shell's env the same way). */
  env: Record<string, string | undefined>;
  /** 'sandbox' (default) accepts sandbox tokens when UNIFIED_PROFILES_SANDBOX_AUTH=true; 'production' is what deploys. */
  variant?: 'sandbox' | 'production';
}

export interface RunningFunctions {
  url: string;
  /** The built handlers being served, one <name>.js per Function. */
  functionsDir: string;
  close(): Promise<void>;
}

/** The parts of twilio-run's in-process dev server (dist/runtime/server) used here. */
interface TwilioRunServer {
  createServer(
    port: number,
    config: {
      baseDir: string;
      env: Record<string, string>;
      port: number;
      url: string;
      detailedLogs: boolean;
      live: boolean;
      logs: boolean;
      legacyMode: boolean;
      appName: string;
      functionsFolderName: string;
      assetsFolderName: string;
      forkProcess: boolean;
      pkgJson: Record<string, unknown>;
    },
  ): Promise<TwilioRunApp>;
}

interface TwilioRunApp {
  listen(port: number, host: string, ready: () => void): Server;
  use(
    handler: (error: unknown, request: unknown, response: ExpressResponse, next: (error: unknown) => void) => void,
  ): void;
}

interface ExpressResponse {
  headersSent: boolean;
  status(code: number): ExpressResponse;
  set(headers: Record<string, string>): ExpressResponse;
  json(body: unknown): void;
}

/**
 * A body the parser cannot read never reaches a Function; express would answer it with an HTML
 * stack trace. Answer it as the Functions answer errors instead.
 */
function answerUnreadableBody(app: TwilioRunApp): void {
  app.use((error, _request, response, next) => {
    const status = (error as { status?: number }).status;
    if (response.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const message =
      status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON or form data.';
    response
      .status(status)
      .set({ 'Access-Control-Allow-Origin': '*' })
      .json({ error: { code: 'invalid_request', message } });
  });
}

// twilio-run is a dependency of serverless/, not of the root: resolve it from there.
const serverlessRequire = createRequire(path.join(SERVERLESS_DIR, 'package.json'));

/**
 * Builds the Functions (sandbox or production variant) and serves them with twilio-run 5's own
 * server, in this process: no fork per request and no reload (`--no-fork-process --no-live`).
 */
export async function startFunctions(options: StartFunctionsOptions): Promise<RunningFunctions> {
  const variant = options.variant ?? 'sandbox';
  const baseDir = await mkdtemp(path.join(os.tmpdir(), `unified-profiles-functions-${variant}-`));
  const functionsDir = path.join(baseDir, 'functions');
  if (variant === 'sandbox') await buildSandboxFunctions(functionsDir);
  else await buildFunctions({ outDir: functionsDir });

  const env = Object.fromEntries(
    Object.entries(options.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const { createServer } = serverlessRequire('twilio-run/dist/runtime/server') as TwilioRunServer;
  const app = await createServer(options.port, {
    baseDir,
    env,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    detailedLogs: false,
    live: false,
    logs: false,
    legacyMode: false,
    appName: 'unified-profiles-functions',
    functionsFolderName: 'functions',
    assetsFolderName: 'assets',
    forkProcess: false,
    pkgJson: {},
  });
  answerUnreadableBody(app);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening: Server = app.listen(options.port, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    functionsDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Each start serves a fresh folder; forget the old handlers so a long-lived process does not keep them.
      for (const key of Object.keys(require.cache)) if (key.startsWith(baseDir)) delete require.cache[key];
      await rm(baseDir, { recursive: true, force: true });
    },
  };
}
