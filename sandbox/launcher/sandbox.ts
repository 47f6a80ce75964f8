import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { startFunctions } from '../functions/start-functions';
import { startHost } from '../host/server';
import { simulatorOptionsFromEnv } from '../segment-sim/options-from-env';
import { startSegmentSimulator } from '../segment-sim/server';
import { PLUGIN_BUNDLE_PATH, REPO_ROOT } from './buildPluginBundle';

type Env = Record<string, string | undefined>;

export interface RunningSandbox {
  hostUrl: string;
  functionsUrl: string;
  segmentUrl: string;
  /** False when SEGMENT_PROFILE_API_URL points the Functions at another server. */
  simulated: boolean;
  close(): Promise<void>;
}

const SANDBOX_DEFAULTS = {
  SEGMENT_SPACE_ID: 'spa_sandbox',
  SEGMENT_PROFILE_API_TOKEN: 'sandbox-profile-token',
  SEGMENT_WRITE_KEY: 'sandbox-write-key',
};

function port(env: Env, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number.`);
  return value;
}

/** The whole offline stack; the launcher, the browser tests and the benchmarks start it the same way. */
export async function startSandbox(env: Env): Promise<RunningSandbox> {
  const settings = { ...SANDBOX_DEFAULTS, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v)) };
  const dataDir = path.resolve(REPO_ROOT, env.SANDBOX_DATA_DIR ?? '.sandbox-data');
  await mkdir(dataDir, { recursive: true });

  const simulated = !env.SEGMENT_PROFILE_API_URL;
  const simulator = simulated
    ? await startSegmentSimulator({
        ...simulatorOptionsFromEnv(env),
        port: port(env, 'SEGMENT_SIM_PORT', 3002),
        spaceId: settings.SEGMENT_SPACE_ID,
        profileToken: settings.SEGMENT_PROFILE_API_TOKEN,
        writeKey: settings.SEGMENT_WRITE_KEY,
      })
    : undefined;
  const segmentUrl = simulator?.url ?? (env.SEGMENT_PROFILE_API_URL as string);

  const functions = await startFunctions({
    port: port(env, 'FUNCTIONS_PORT', 3001),
    variant: 'sandbox',
    env: {
      ...settings,
      SEGMENT_PROFILE_API_URL: segmentUrl,
      SEGMENT_TRACKING_API_URL: env.SEGMENT_TRACKING_API_URL ?? simulator?.url,
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
      SANDBOX_DATA_DIR: dataDir,
    },
  });

  const host = await startHost({
    port: port(env, 'SANDBOX_PORT', 3000),
    functionsBaseUrl: functions.url,
    pluginBundlePath: PLUGIN_BUNDLE_PATH,
    dataDir,
  });

  return {
    hostUrl: host.url,
    functionsUrl: functions.url,
    segmentUrl,
    simulated,
    async close() {
      await host.close();
      await functions.close();
      await simulator?.close();
    },
  };
}
