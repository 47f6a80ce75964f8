import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm start` as a developer meets it: a port already taken is named before the 17 s bundle build,
 * and the sandbox lets go of its ports however it is stopped.
 */
jest.setTimeout(90_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function sandboxEnv(extra: Record<string, string> = {}) {
  return {
    ...process.env,
    SANDBOX_PORT: String(await freePort()),
    FUNCTIONS_PORT: String(await freePort()),
    SEGMENT_SIM_PORT: String(await freePort()),
    SANDBOX_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'sandbox-start-')),
    ...extra,
  };
}

function output(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  return () => text;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let blocker: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = undefined;
});

it('names the port in use by its variable, before building the bundle', async () => {
  const env = await sandboxEnv();
  blocker = createServer();
  await new Promise<void>((resolve) => blocker!.listen(Number(env.FUNCTIONS_PORT), '127.0.0.1', resolve));
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env });
  const text = output(child);
  expect(await exited(child)).toBe(1);
  expect(text()).toContain(`FUNCTIONS_PORT=${env.FUNCTIONS_PORT} is in use`);
  expect(text()).not.toContain('Building the plugin bundle');
  expect(Date.now() - started).toBeLessThan(15_000);
});

it.each([
  ['SIGTERM to npm', 'npm'],
  ['SIGHUP (the terminal closed)', 'sandbox'],
])('lets go of its ports on %s', async (_, target) => {
  const env = await sandboxEnv({ SANDBOX_SKIP_PLUGIN_BUILD: 'true' });
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true });
  const text = output(child);
  await until(() => text().includes('Press Ctrl+C to stop.'), 60_000);
  const port = Number(env.SANDBOX_PORT);
  expect(await isFree(port)).toBe(false);
  if (target === 'npm') process.kill(child.pid!, 'SIGTERM');
  else process.kill(-child.pid!, 'SIGHUP'); // the terminal's whole process group
  await until(() => isFree(port), 10_000);
  await until(async () => isFree(Number(env.FUNCTIONS_PORT)), 10_000);
});
