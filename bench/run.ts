/** `npm run bench`: every `bench/*.bench.ts` in turn (or those named), each printing its own figures. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH_DIR = __dirname;
const only = process.argv.slice(2);
const benches = readdirSync(BENCH_DIR)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(path.join(BENCH_DIR, '..', 'node_modules', '.bin', 'tsx'), [path.join(BENCH_DIR, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
console.log(`\n${benches.length - failed} benchmarks within budget, ${failed} over budget or failed`);
process.exit(failed === 0 ? 0 : 1);
