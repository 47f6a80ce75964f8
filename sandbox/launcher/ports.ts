import { createServer } from 'node:net';

type Env = Record<string, string | undefined>;

/** The sandbox's three ports, by the variable that sets each, with their defaults. */
export const SANDBOX_PORTS = { SANDBOX_PORT: 3000, FUNCTIONS_PORT: 3001, SEGMENT_SIM_PORT: 3002 } as const;
export type SandboxPortName = keyof typeof SANDBOX_PORTS;

export function sandboxPort(env: Env, name: SandboxPortName): number {
  const value = Number(env[name] || SANDBOX_PORTS[name]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number.`);
  return value;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * What keeps the sandbox from starting, found before the bundle is built (and before `build/` is
 * rewritten under a sandbox that is already running): each taken port, named by its variable.
 * The simulator's port matters only when the sandbox runs the simulator.
 */
export async function portsInUse(env: Env): Promise<string[]> {
  const names = Object.keys(SANDBOX_PORTS) as SandboxPortName[];
  const wanted = names.filter((name) => name !== 'SEGMENT_SIM_PORT' || !env.SEGMENT_PROFILE_API_URL);
  const problems: string[] = [];
  for (const name of wanted) {
    const port = sandboxPort(env, name);
    if (port !== 0 && !(await isFree(port))) problems.push(`${name}=${port} is in use`);
  }
  return problems;
}
