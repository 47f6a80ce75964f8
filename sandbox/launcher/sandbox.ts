import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { startFunctions } from '../functions/start-functions';
import { startHost } from '../host/server';
import { sandboxTaskRouterEnv } from '../host/taskrouter-env';
import { simulatorOptionsFromEnv } from '../segment-sim/options-from-env';
import { startSegmentSimulator } from '../segment-sim/server';
import { sandboxConfigStoreEnv } from '../sync/sandbox-store-env';
import { startSyncStandIn } from '../sync/server';
import { PLUGIN_BUNDLE_PATH, REPO_ROOT } from './buildPluginBundle';
import { routeFunctionsLog } from './functions-log';
import { sandboxPort } from './ports';

type Env = Record<string, string | undefined>;

export interface RunningSandbox {
  hostUrl: string;
  functionsUrl: string;
  segmentUrl: string;
  /** The Sync stand-in where settings saved in the Unify tab are kept. */
  syncUrl: string;
  /** False when SEGMENT_PROFILE_API_URL points the Functions at another server. */
  simulated: boolean;
  /** False when started with SEGMENT_SPACE_ID= (or SEGMENT_PROFILE_API_TOKEN=) empty: connect in the Unify tab. */
  connectedByEnvironment: boolean;
  /**
   * SANDBOX_DATA_DIR/functions.log: the Functions' JSON log lines, appended, each with its time. The
   * terminal gets one short line per request to a Function instead (see functions-log.ts).
   */
  functionsLog: string;
  close(): Promise<void>;
}

const SANDBOX_DEFAULTS = {
  SEGMENT_SPACE_ID: 'spa_sandbox',
  SEGMENT_PROFILE_API_TOKEN: 'sandbox-profile-token',
  SEGMENT_WRITE_KEY: 'sandbox-write-key',
};

/**
 * The Segment settings handed to the Functions: the shell's, with the simulator's filled in for
 * those left unset. SEGMENT_SPACE_ID or SEGMENT_PROFILE_API_TOKEN set but empty means "start
 * unconnected": nothing is filled in, and an admin connects a space in the Unify tab.
 */
function segmentSettings(env: Env): { settings: Record<string, string>; connected: boolean } {
  const given = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const unconnected = env.SEGMENT_SPACE_ID === '' || env.SEGMENT_PROFILE_API_TOKEN === '';
  return unconnected
    ? { settings: given, connected: false }
    : { settings: { ...SANDBOX_DEFAULTS, ...given }, connected: true };
}

/** The whole offline stack; the launcher, the browser tests and the benchmarks start it the same way. */
export async function startSandbox(env: Env): Promise<RunningSandbox> {
  const { settings, connected } = segmentSettings(env);
  const dataDir = path.resolve(REPO_ROOT, env.SANDBOX_DATA_DIR ?? '.sandbox-data');
  await mkdir(dataDir, { recursive: true });

  const simulated = !env.SEGMENT_PROFILE_API_URL;
  const simulator = simulated
    ? await startSegmentSimulator({
        ...simulatorOptionsFromEnv(env),
        port: sandboxPort(env, 'SEGMENT_SIM_PORT'),
        // Unconnected, the simulator still accepts its defaults: what an admin types into the Unify tab.
        spaceId: settings.SEGMENT_SPACE_ID ?? SANDBOX_DEFAULTS.SEGMENT_SPACE_ID,
        profileToken: settings.SEGMENT_PROFILE_API_TOKEN ?? SANDBOX_DEFAULTS.SEGMENT_PROFILE_API_TOKEN,
        writeKey: settings.SEGMENT_WRITE_KEY ?? SANDBOX_DEFAULTS.SEGMENT_WRITE_KEY,
      })
    : undefined;
  const segmentUrl = simulator?.url ?? (env.SEGMENT_PROFILE_API_URL as string);
  const sync = await startSyncStandIn({ port: 0, dataDir });

  // The host first: the Functions read tasks from its TaskRouter; the page learns their URL once they run.
  let functionsUrl = '';
  const host = await startHost({
    port: sandboxPort(env, 'SANDBOX_PORT'),
    functionsBaseUrl: () => functionsUrl,
    pluginBundlePath: PLUGIN_BUNDLE_PATH,
    dataDir,
  });
  const functionsLog = routeFunctionsLog({ file: path.join(dataDir, 'functions.log') });
  const functions = await startFunctions({
    port: sandboxPort(env, 'FUNCTIONS_PORT'),
    variant: 'sandbox',
    requestScope: functionsLog.requestScope,
    env: {
      ...settings,
      SEGMENT_PROFILE_API_URL: segmentUrl,
      SEGMENT_TRACKING_API_URL: env.SEGMENT_TRACKING_API_URL ?? simulator?.url,
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
      SANDBOX_DATA_DIR: dataDir,
      ...sandboxConfigStoreEnv(sync.url),
      ...sandboxTaskRouterEnv(host.url),
    },
  }).catch(async (error: unknown) => {
    await functionsLog.close();
    throw error;
  });
  functionsUrl = functions.url;

  return {
    hostUrl: host.url,
    functionsUrl: functions.url,
    segmentUrl,
    syncUrl: sync.url,
    simulated,
    connectedByEnvironment: connected,
    functionsLog: functionsLog.file,
    async close() {
      await host.close();
      await functions.close();
      await sync.close();
      await simulator?.close();
      await functionsLog.close();
    },
  };
}
