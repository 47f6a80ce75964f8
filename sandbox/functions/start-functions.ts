import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { buildFunctions, SERVERLESS_DIR } from '../../serverless/scripts/build-functions';
import { HOST_REQUEST_FACTS, type HostRequestFacts } from '../../serverless/src/http/request-facts';
import { SANDBOX_SERVER_OPTIONS } from '../http-timeouts';
import { buildSandboxFunctions } from './build-sandbox-functions';

export interface StartFunctionsOptions {
  /** 0 picks a free port. */
  port: number;
  /**
   * The Functions' settings: only the variables a deployed service would have (see functionSettings)
   * reach `context`; the rest of a shell's environment (PATH, HOME, cloud credentials, …) does not.
   */
  env: Record<string, string | undefined>;
  /** 'sandbox' (default) accepts sandbox tokens when UNIFIED_PROFILES_SANDBOX_AUTH=true; 'production' is what deploys. */
  variant?: 'sandbox' | 'production';
  /**
   * Runs the handling of each request to a Function (from just before twilio-run's route to the
   * answer, and whatever it starts); `next` continues it. The sandbox launcher uses it to tell which
   * request a log line belongs to (see sandbox/launcher/functions-log.ts). Absent: nothing wraps them.
   */
  requestScope?: (next: () => void) => void;
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
  /** An Express app is itself a Node request listener. */
  (request: IncomingMessage, response: ServerResponse): void;
  listen(port: number, host: string, ready: () => void): Server;
  /** Express tells the two kinds apart by their number of parameters. */
  use(handler: RequestHandler | ErrorHandler): void;
  /** Express 4's router: its layers in order, the last one twilio-run's `app.all('/*')` that calls the Functions. */
  _router?: { stack: Array<{ route?: { path?: unknown } }> };
}

type RequestHandler = (request: ExpressRequest, response: unknown, next: () => void) => void;
type ErrorHandler = (
  error: unknown,
  request: unknown,
  response: ExpressResponse,
  next: (error: unknown) => void,
) => void;

interface ExpressRequest extends IncomingMessage {
  method: string;
  query: Record<PropertyKey, unknown>;
  body?: unknown;
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
  app.use((error: unknown, _request: unknown, response: ExpressResponse, next: (error: unknown) => void) => {
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

/**
 * Variables a Function may read: those serverless/.env.example documents, every SEGMENT_* and
 * UNIFIED_PROFILES_* (the sandbox's stand-in addresses among them), Twilio's credentials, and the
 * sandbox's data folder.
 */
const SETTING_PREFIXES = ['SEGMENT_', 'UNIFIED_PROFILES_'];
const SETTING_NAMES = [
  'ACCOUNT_SID',
  'AUTH_TOKEN',
  'API_KEY',
  'API_SECRET',
  'TWILIO_REGION',
  'TWILIO_FLEX_WORKSPACE_SID',
  'SANDBOX_DATA_DIR',
];

function documentedSettings(): string[] {
  try {
    const example = readFileSync(path.join(SERVERLESS_DIR, '.env.example'), 'utf8');
    return [...example.matchAll(/^#?[ \t]*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
  } catch {
    return [];
  }
}

/**
 * The part of `env` that is the Functions' settings, as a deployed service's environment variables
 * would be. twilio-run spreads the whole of what it is given over `context` (and over context.PATH,
 * the Function's path), so a shell's PATH, HOME or cloud credentials must never be handed over.
 */
export function functionSettings(env: Record<string, string | undefined>): Record<string, string> {
  const names = new Set([...SETTING_NAMES, ...documentedSettings()]);
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' &&
        (names.has(entry[0]) || SETTING_PREFIXES.some((prefix) => entry[0].startsWith(prefix))),
    ),
  );
}

// As @twilio/runtime-handler (1.2.0 and later) leaves them out of event.request.headers; Twilio's docs add Host.
const RESTRICTED_HEADER_PREFIXES = ['i-twilio-', 'i-t-', 'ot-', 'x-amz', 'x-forwarded-', 'x-accel-'];
const RESTRICTED_HEADERS = new Set([
  'host',
  'via',
  'referer',
  'transfer-encoding',
  'proxy-authorization',
  'proxy-authenticate',
  'x-real-ip',
  'connection',
  'proxy-connection',
  'expect',
  'trailer',
  'upgrade',
]);

function runtimeHeaders(rawHeaders: string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index].toLowerCase();
    if (RESTRICTED_HEADERS.has(name) || RESTRICTED_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const value = rawHeaders[index + 1];
    const seen = headers[name];
    headers[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return headers;
}

function cookiesOf(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return cookies;
}

/**
 * Puts `handler` just before twilio-run's `app.all('/*')` route that calls the Functions, after the
 * body parsers; express runs its layers in order.
 */
function addBeforeFunctionRoute(app: TwilioRunApp, handler: RequestHandler): void {
  app.use(handler);
  const stack = app._router?.stack;
  const route = stack?.findIndex((layer) => layer.route?.path === '/*') ?? -1;
  if (!stack || route === -1) {
    throw new Error("twilio-run's server changed: no app.all('/*') route to put a handler before.");
  }
  stack.splice(route, 0, stack.pop() as (typeof stack)[number]);
}

/**
 * twilio-run 5's own server builds `event` as `{...query, ...body}` and nothing more. Twilio's
 * runtime adds `request: {headers, cookies}` first (so a `request` parameter or field replaces it);
 * this does the same, and tells the Functions what Twilio cannot — the method, the query's names,
 * a JSON array body — under HOST_REQUEST_FACTS, a symbol no parser can produce. It runs just
 * before twilio-run's route, after the body parsers.
 */
function describeRequests(app: TwilioRunApp): void {
  addBeforeFunctionRoute(app, (request: ExpressRequest, _response: unknown, next: () => void) => {
    const headers = runtimeHeaders(request.rawHeaders);
    const facts: HostRequestFacts = {
      method: request.method,
      queryNames: Object.keys(request.query ?? {}),
      headers,
      jsonArrayBody: Array.isArray(request.body),
    };
    request.query = {
      request: { headers, cookies: cookiesOf(request.headers.cookie) },
      ...request.query,
      [HOST_REQUEST_FACTS]: facts,
    };
    next();
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

  const env = functionSettings(options.env);
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
  describeRequests(app);
  const { requestScope } = options;
  if (requestScope) addBeforeFunctionRoute(app, (_request, _response, next) => requestScope(next));
  answerUnreadableBody(app);
  const server = await new Promise<Server>((resolve, reject) => {
    // Node's server rather than app.listen's, for the sandbox's limits on slow clients.
    const listening: Server = createHttpServer(SANDBOX_SERVER_OPTIONS, app);
    listening.listen(options.port, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // twilio-run spreads env over context after DOMAIN_NAME: a port picked at listen (0) is the one a Twilio signature names.
  env.DOMAIN_NAME = `127.0.0.1:${port}`;

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
