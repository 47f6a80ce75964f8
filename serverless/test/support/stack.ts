import { startFunctions, type RunningFunctions } from '../../../sandbox/functions/start-functions';
import {
  startSegmentSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../sandbox/segment-sim/server';
import { postForm, postJson, type Answer } from './http';

/** Sandbox defaults the simulator accepts. */
export const SIM_SPACE_ID = 'spa_sandbox';
export const SIM_PROFILE_TOKEN = 'sandbox-profile-token';

export type Simulator = RunningSimulator;
type Env = Record<string, string | undefined>;

/** A Functions server (sandbox build) and how a test calls it. */
export interface TestFunctions extends RunningFunctions {
  /** POST as the plugin does, with the agent's sandbox token unless the body carries another. */
  call(path: string, body: Record<string, unknown>, encoding?: 'json' | 'form'): Promise<Answer>;
}

/** The Segment simulator, with Functions pointed at it, and its record of what reached Segment. */
export interface TestStack {
  simulator: Simulator;
  functions: TestFunctions;
  /** More Functions against the same simulator, e.g. with a wrong token; closed with the stack. */
  startFunctions(env: Env): Promise<TestFunctions>;
  /** Segment requests the simulator received since the last clear (its /__sim/requests). */
  upstreamRequests(): Promise<unknown[]>;
  clearUpstreamRequests(): Promise<void>;
  close(): Promise<void>;
}

function callable(running: RunningFunctions): TestFunctions {
  return {
    ...running,
    call(path, body, encoding = 'json') {
      const withToken = { Token: 'sandbox-agent', ...body };
      if (encoding === 'json') return postJson(`${running.url}${path}`, withToken);
      const fields = Object.entries(withToken).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]);
      return postForm(`${running.url}${path}`, Object.fromEntries(fields));
    },
  };
}

export async function startTestStack(simulatorOptions: SimulatorOptions = {}): Promise<TestStack> {
  const simulator = await startSegmentSimulator({ port: 0, ...simulatorOptions });
  const started: RunningFunctions[] = [];
  const startFor = async (env: Env) => {
    const running = await startFunctions({
      port: 0,
      variant: 'sandbox',
      env: {
        UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
        SEGMENT_PROFILE_API_URL: simulator.url,
        SEGMENT_SPACE_ID: SIM_SPACE_ID,
        SEGMENT_PROFILE_API_TOKEN: SIM_PROFILE_TOKEN,
        ...env,
      },
    });
    started.push(running);
    return callable(running);
  };
  const admin = (method: string) => fetch(`${simulator.url}/__sim/requests`, { method });
  return {
    simulator,
    functions: await startFor({}),
    startFunctions: startFor,
    async upstreamRequests() {
      const listed = (await (await admin('GET')).json()) as unknown;
      return Array.isArray(listed) ? listed : ((listed as { requests?: unknown[] }).requests ?? []);
    },
    async clearUpstreamRequests() {
      await admin('DELETE');
    },
    async close() {
      await Promise.all(started.map((running) => running.close()));
      await simulator.close();
    },
  };
}

/**
 * Keeps the Functions' log lines (they run in the test's process) out of the test output, and
 * collects them so a test can check what they hold.
 */
export function captureFunctionLogs(): string[] {
  const lines: string[] = [];
  const record = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  beforeAll(() => {
    jest.spyOn(console, 'log').mockImplementation(record);
    jest.spyOn(console, 'error').mockImplementation(record);
  });
  afterAll(() => jest.restoreAllMocks());
  return lines;
}

/** As captureFunctionLogs, for tests that do not read the lines. */
export function silenceFunctionLogs(): void {
  captureFunctionLogs();
}
