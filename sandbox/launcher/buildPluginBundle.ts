import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PLUGIN_BUNDLE_PATH = path.join(REPO_ROOT, 'build', 'plugin-unified-profiles.js');

/** The sandbox runs the same bundle `twilio flex:plugins:deploy` ships, so it builds it with flex-plugin. */
export async function buildPluginBundle(): Promise<void> {
  if (process.env.SANDBOX_SKIP_PLUGIN_BUILD === 'true') return;
  console.log('Building the plugin bundle (flex-plugin build)…');
  const flexPlugin = path.join(REPO_ROOT, 'node_modules', '.bin', 'flex-plugin');
  await promisify(execFile)(flexPlugin, ['build'], { cwd: REPO_ROOT, env: { ...process.env, CI: 'true' } });
}
