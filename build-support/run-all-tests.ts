/**
 * `npm test`: every suite in order — types, lint, unit and Functions-over-HTTP tests,
 * the bundle's secret check, and the browser tests — then one closing line of counts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { check, jestSuite, RESULTS_DIR, ROOT, type SuiteResult } from './test-suites';

const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const suites: SuiteResult[] = [
    check('types: plugin', BIN('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
    check('types: sandbox, e2e, bench', BIN('tsc'), ['-p', 'sandbox/tsconfig.json', '--noEmit']),
    check('types: functions', BIN('tsc'), ['-p', 'serverless/tsconfig.json', '--noEmit']),
    check('lint: eslint', BIN('eslint'), ['.']),
    check('lint: prettier', BIN('prettier'), ['--check', '.']),
    check('build: plugin bundle', BIN('flex-plugin'), ['build']),
    // --forceExit: a server a failed set-up left open must not hold CI until its time limit.
    jestSuite('unit-and-functions', BIN('jest'), ['--forceExit']),
    jestSuite('browser', BIN('tsx'), ['e2e/run.ts', '--forceExit']),
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
