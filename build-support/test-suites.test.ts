import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { jestSuite } from './test-suites';

/** `npm test`'s counting: what a suite reports now, never what an earlier run left behind. */
beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

const resultsDir = () => mkdtempSync(path.join(os.tmpdir(), 'test-results-'));
const staleReport = { numPassedTests: 9, numFailedTests: 1, numRuntimeErrorTestSuites: 0 };

it('counts a suite that did not run (Chromium missing) as 0 passed, 1 failed, even with an old report beside it', () => {
  const dir = resultsDir();
  writeFileSync(path.join(dir, 'browser.json'), JSON.stringify(staleReport));
  // What e2e/run.ts does without Chromium: it exits before jest writes a report.
  const result = jestSuite('browser', process.execPath, ['-e', 'process.exit(1)', '--'], dir);
  expect(result).toEqual({ name: 'browser', passed: 0, failed: 1 });
});

it('counts what the run reported', () => {
  const dir = resultsDir();
  const report = JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });
  // A stand-in for jest: writes its report where --outputFile says, then exits 0.
  const script = `require('fs').writeFileSync(process.argv.find((a) => a.startsWith('--outputFile=')).slice(13), ${JSON.stringify(report)})`;
  expect(jestSuite('unit', process.execPath, ['-e', script, '--'], dir)).toEqual({
    name: 'unit',
    passed: 3,
    failed: 0,
  });
});
