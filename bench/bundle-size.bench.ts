/** The plugin bundle's size as agents download it: minified, and gzipped, against the budget. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'build', 'plugin-unified-profiles.js');
const GZIP_BUDGET_BYTES = 150 * 1024;

execFileSync(path.join(ROOT, 'node_modules', '.bin', 'flex-plugin'), ['build'], { cwd: ROOT, stdio: 'ignore' });
const bundle = readFileSync(BUNDLE);
const gzipped = gzipSync(bundle, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`plugin bundle: ${kb(bundle.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(GZIP_BUDGET_BYTES)})`);
if (gzipped > GZIP_BUDGET_BYTES) {
  console.error('Over budget: the bundle grew past what an agent should download with every Flex load.');
  process.exit(1);
}
