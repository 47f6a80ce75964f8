import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import path from 'node:path';

import { TaskStore } from './task-store';
import { handleTaskRouterApi } from './taskrouter-api';
import { SANDBOX_SERVER_OPTIONS } from '../http-timeouts';

export interface HostOptions {
  port: number;
  /** Where the page finds the Functions; a function when they start after the host (they need its TaskRouter). */
  functionsBaseUrl: string | (() => string);
  /** The production plugin bundle that `flex-plugin build` wrote. */
  pluginBundlePath: string;
  /** SANDBOX_DATA_DIR: where the sandbox's tasks are kept between runs. */
  dataDir: string;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

const PLUGIN_URL = '/plugins/plugin-unified-profiles.js';

async function bundleHostApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'app', 'main.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function hostPage(functionsBaseUrl: string): string {
  const config = JSON.stringify({ functionsBaseUrl, pluginUrl: PLUGIN_URL }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flex sandbox · Unified Profiles</title>
<style>html,body{margin:0;font-family:system-ui,sans-serif}</style>
<script id="host-config" type="application/json">${config}</script>
</head>
<body><div id="root">Loading the sandbox…</div><script src="/host.js"></script></body>
</html>`;
}

/**
 * Serves the sandbox's Flex host page, its script, the plugin bundle the way Flex loads
 * plugins, and the sandbox's tasks through a subset of TaskRouter's REST API.
 */
export async function startHost({
  port,
  functionsBaseUrl,
  pluginBundlePath,
  dataDir,
}: HostOptions): Promise<RunningHost> {
  const tasks = await TaskStore.open(dataDir);
  const hostScript = await bundleHostApp();
  const page = () => hostPage(typeof functionsBaseUrl === 'function' ? functionsBaseUrl() : functionsBaseUrl);

  const server: Server = createServer(SANDBOX_SERVER_OPTIONS, async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    try {
      if (await handleTaskRouterApi(tasks, request, response, url)) return;
      if (url.pathname === '/') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page());
      } else if (url.pathname === '/host.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(hostScript);
      } else if (url.pathname === PLUGIN_URL) {
        // Read on every request so a rebuilt bundle is picked up without a restart.
        const bundle = await readFile(pluginBundlePath);
        response
          .writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
          .end(bundle);
      } else {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`Sandbox host error: ${(error as Error).message}`);
    }
  });

  // A client that stalls cannot hold a connection open: headers within 10 s, the whole request within 30 s.

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tasks.idle();
    },
  };
}
