import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import { build, type Plugin } from 'esbuild';

export const SERVERLESS_DIR = path.resolve(__dirname, '..');
export const FUNCTIONS_SOURCE_DIR = path.join(SERVERLESS_DIR, 'src', 'functions');
/** What `twilio-run deploy --functions-folder dist/functions` uploads. */
export const PRODUCTION_FUNCTIONS_DIR = path.join(SERVERLESS_DIR, 'dist', 'functions');

export interface BuildFunctionsOptions {
  outDir: string;
  /** Module swaps for other variants; the production build has none. */
  plugins?: Plugin[];
}

/**
 * Functions only Twilio may call (a Studio flow): deployed as protected, which twilio-run reads from
 * the file name (`studio-profile.protected.js` serves /studio-profile, Twilio signing each request).
 */
export const PROTECTED_FUNCTIONS: ReadonlySet<string> = new Set(['studio-profile', 'studio-traits']);

/** The Function names (paths) in src/functions, e.g. `profile` for /profile. */
export async function functionNames(): Promise<string[]> {
  const files = await readdir(FUNCTIONS_SOURCE_DIR);
  return files
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/**
 * Bundles each src/functions/<name>.ts, with the core and its packages inlined, into
 * <outDir>/<name>.js (<name>.protected.js for PROTECTED_FUNCTIONS): a self-contained CommonJS
 * handler for the Node 18 Functions runtime.
 */
export async function buildFunctions({ outDir, plugins = [] }: BuildFunctionsOptions): Promise<string[]> {
  const names = await functionNames();
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: names.map((name) => ({
      in: path.join(FUNCTIONS_SOURCE_DIR, `${name}.ts`),
      out: PROTECTED_FUNCTIONS.has(name) ? `${name}.protected` : name,
    })),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    plugins,
  });
  return names;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions({ outDir: PRODUCTION_FUNCTIONS_DIR })
    .then((names) => {
      const where = path.relative(process.cwd(), PRODUCTION_FUNCTIONS_DIR) || '.';
      console.log(`Built ${names.length} Functions into ${where} in ${Date.now() - started} ms: /${names.join(', /')}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
