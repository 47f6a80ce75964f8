/**
 * `npm start`: the offline sandbox. Builds the production plugin bundle, then starts the
 * Segment simulator, the Functions under twilio-run in sandbox-auth mode, and the Flex host page.
 */
import { buildPluginBundle } from './buildPluginBundle';
import { startSandbox } from './sandbox';

async function main() {
  await buildPluginBundle();
  const sandbox = await startSandbox(process.env);
  console.log(`\nUnified Profiles sandbox is running:\n`);
  console.log(`  Flex host (agent)       ${sandbox.hostUrl}/`);
  console.log(`  Flex host (supervisor)  ${sandbox.hostUrl}/?role=supervisor`);
  console.log(`  Flex host (admin)       ${sandbox.hostUrl}/?role=admin`);
  console.log(`  Functions               ${sandbox.functionsUrl}`);
  console.log(`  Segment Profile API     ${sandbox.segmentUrl}${sandbox.simulated ? ' (simulator)' : ''}`);
  console.log(`  Twilio Sync (stand-in)  ${sandbox.syncUrl}`);
  if (!sandbox.connectedByEnvironment) {
    console.log(`\nNo Segment space from the environment: connect one as admin in the Unify tab`);
    console.log(`(the simulator takes spa_sandbox and sandbox-profile-token; a space saved there before is kept`);
    console.log(`in SANDBOX_DATA_DIR/sync-documents.json until you delete it).`);
  }
  console.log(`\nPress Ctrl+C to stop.`);

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`The sandbox could not start: ${error.message}`);
  process.exit(1);
});
