/**
 * `npm test`: every suite in order — types, lint, unit and Functions-over-HTTP tests,
 * the bundle's secret check, and the browser tests — then one closing line of counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(ROOT, '.sandbox-data', 'test-results');
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

interface SuiteResult {
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
function check(name: string, command: string, args: string[]): SuiteResult {
  const ok = run(command, args);
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

/** A jest run, counted by its JSON report; a crash before any report counts as one failure. */
function jestSuite(name: string, command: string, args: string[]): SuiteResult {
  const report = path.join(RESULTS_DIR, `${name}.json`);
  const ok = run(command, [...args, '--json', `--outputFile=${report}`]);
  try {
    const { numPassedTests, numFailedTests, numRuntimeErrorTestSuites } = JSON.parse(readFileSync(report, 'utf8'));
    const crashed = ok || numFailedTests + numRuntimeErrorTestSuites > 0 ? 0 : 1;
    return { name, passed: numPassedTests, failed: numFailedTests + numRuntimeErrorTestSuites + crashed };
  } catch {
    return { name, passed: 0, failed: 1 };
  }
}

function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const suites: SuiteResult[] = [
    check('types: plugin', BIN('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
    check('types: sandbox, e2e, bench', BIN('tsc'), ['-p', 'sandbox/tsconfig.json', '--noEmit']),
    check('types: functions', BIN('tsc'), ['-p', 'serverless/tsconfig.json', '--noEmit']),
    check('lint: eslint', BIN('eslint'), ['.']),
    check('lint: prettier', BIN('prettier'), ['--check', '.']),
    check('build: plugin bundle', BIN('flex-plugin'), ['build']),
    jestSuite('unit-and-functions', BIN('jest'), []),
    jestSuite('browser', BIN('tsx'), ['e2e/run.ts']),
  ];

  console.log('\nSuites:');
  for (const { name, passed, failed } of suites)
    console.log(`  ${failed ? '✗' : '✓'} ${name}: ${passed} passed, ${failed} failed`);
  const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
  const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
