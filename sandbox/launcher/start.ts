/**
 * `npm start`: the offline sandbox. Builds the production plugin bundle, then starts the
 * Segment simulator, the Functions under twilio-run in sandbox-auth mode, and the Flex host page.
 */
import { buildPluginBundle } from './buildPluginBundle';
import { portsInUse } from './ports';
import { startSandbox } from './sandbox';

/** Signals that mean "stop": Ctrl+C, `kill`, and a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function main() {
  const busy = await portsInUse(process.env);
  if (busy.length > 0) {
    throw new Error(
      `${busy.join(', ')} (another sandbox still running?). Stop it, or choose free ports, e.g. ` +
        `SANDBOX_PORT=4000 FUNCTIONS_PORT=4001 SEGMENT_SIM_PORT=4002 npm start.`,
    );
  }
  await buildPluginBundle();
  const sandbox = await startSandbox(process.env);
  console.log(`\nUnified Profiles sandbox is running:\n`);
  console.log(`  Flex host (agent)       ${sandbox.hostUrl}/`);
  console.log(`  Flex host (supervisor)  ${sandbox.hostUrl}/?role=supervisor`);
  console.log(`  Flex host (admin)       ${sandbox.hostUrl}/?role=admin`);
  console.log(`  Functions               ${sandbox.functionsUrl}`);
  console.log(`  Segment Profile API     ${sandbox.segmentUrl}${sandbox.simulated ? ' (simulator)' : ''}`);
  console.log(`  Twilio Sync (stand-in)  ${sandbox.syncUrl}`);
  console.log(`  Functions' full log     ${sandbox.functionsLog}`);
  if (!sandbox.connectedByEnvironment) {
    console.log(`\nNo Segment space from the environment: connect one as admin in the Unify tab`);
    console.log(`(the simulator takes spa_sandbox and sandbox-profile-token; a space saved there before is kept`);
    console.log(`in SANDBOX_DATA_DIR/sync-documents.json until you delete it).`);
  }
  console.log(`\nPress Ctrl+C to stop. Below: one line per request to a Function (status, time taken, Segment calls).`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sandbox.close();
    process.exit(0);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  // npm killed outright does not pass its signal on: a sandbox whose parent is gone stops too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 1_000).unref();
}

main().catch((error: Error) => {
  console.error(`The sandbox could not start: ${error.message}`);
  process.exit(1);
});
