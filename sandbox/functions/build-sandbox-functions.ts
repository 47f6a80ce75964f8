import path from 'node:path';

import type { Plugin } from 'esbuild';

import { buildFunctions, SERVERLESS_DIR } from '../../serverless/scripts/build-functions';

/** The one module the sandbox build replaces, and what replaces it. */
const PRODUCTION_VALIDATOR = path.join(SERVERLESS_DIR, 'src', 'auth', 'flex-token-validator.ts');
const SANDBOX_VALIDATOR = path.join(__dirname, 'sandbox-token-validator.ts');

/** Redirects every import of the production validator module to the sandbox one. */
export const sandboxTokenValidatorSwap: Plugin = {
  name: 'sandbox-token-validator',
  setup(build) {
    let swapped = false;
    build.onResolve({ filter: /[\\/]flex-token-validator$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      if (resolved !== PRODUCTION_VALIDATOR) return undefined;
      swapped = true;
      return { path: SANDBOX_VALIDATOR };
    });
    // A renamed module must not silently yield a sandbox build that refuses every sandbox token.
    build.onEnd((result) => {
      if (result.errors.length === 0 && !swapped) {
        return { errors: [{ text: `sandbox build: no import of ${PRODUCTION_VALIDATOR} to swap` }] };
      }
      return undefined;
    });
  },
};

/** The Functions as the sandbox serves them: production code with the sandbox token validator. */
export function buildSandboxFunctions(outDir: string): Promise<string[]> {
  return buildFunctions({ outDir, plugins: [sandboxTokenValidatorSwap] });
}
