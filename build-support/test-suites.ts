/** The suites `npm test` runs, each counted as passed and failed tests. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const RESULTS_DIR = path.join(ROOT, '.sandbox-data', 'test-results');

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
}

function run(command: string, args: string[]): boolean {
  console.log(`\n▶ ${[path.basename(command), ...args].join(' ')}`);
  // The browser tests' sandbox reuses the bundle built above instead of building it again.
  const env = { ...process.env, SANDBOX_SKIP_PLUGIN_BUILD: 'true' };
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  return result.status === 0;
}

/** A check with no test count of its own counts as one test. */
export function check(name: string, command: string, args: string[]): SuiteResult {
  const ok = run(command, args);
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

/** A jest run, counted by its JSON report; a run that wrote none (a crash, no Chromium) is 0 passed, 1 failed. */
export function jestSuite(name: string, command: string, args: string[], resultsDir = RESULTS_DIR): SuiteResult {
  const report = path.join(resultsDir, `${name}.json`);
  // A report left by an earlier run must never stand in for a suite that did not run this time.
  rmSync(report, { force: true });
  const ok = run(command, [...args, '--json', `--outputFile=${report}`]);
  try {
    const { numPassedTests, numFailedTests, numRuntimeErrorTestSuites } = JSON.parse(readFileSync(report, 'utf8'));
    const crashed = ok || numFailedTests + numRuntimeErrorTestSuites > 0 ? 0 : 1;
    return { name, passed: numPassedTests, failed: numFailedTests + numRuntimeErrorTestSuites + crashed };
  } catch {
    return { name, passed: 0, failed: 1 };
  }
}
