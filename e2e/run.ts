/**
 * The browser tests: starts `npm start` on free ports, waits for the sandbox URL, runs the
 * Chromium tests against it with jest, and stops the sandbox.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { assertChromiumInstalled } from './chromium';

const REPO_ROOT = path.resolve(__dirname, '..');
const START_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForSandbox(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Flex host \(agent\)\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

async function main(): Promise<number> {
  assertChromiumInstalled();
  const [sandboxPort, functionsPort, simPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unified-profiles-e2e-'));
  const sandbox = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      SANDBOX_PORT: String(sandboxPort),
      FUNCTIONS_PORT: String(functionsPort),
      SEGMENT_SIM_PORT: String(simPort),
      SANDBOX_DATA_DIR: dataDir,
    },
  });
  try {
    const sandboxUrl = await waitForSandbox(sandbox);
    const jest = spawn(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'jest'),
      ['-c', 'e2e/jest.config.js', ...process.argv.slice(2)],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          SANDBOX_URL: sandboxUrl,
          FUNCTIONS_URL: `http://localhost:${functionsPort}`,
          SEGMENT_SIM_URL: `http://127.0.0.1:${simPort}`,
        },
      },
    );
    return await new Promise<number>((resolve) => jest.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    if (sandbox.pid) process.kill(-sandbox.pid, 'SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
