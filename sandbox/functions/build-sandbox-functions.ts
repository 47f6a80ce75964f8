import path from 'node:path';

import type { Plugin } from 'esbuild';

import { buildFunctions, SERVERLESS_DIR } from '../../serverless/scripts/build-functions';

/**
 * An esbuild plugin that resolves every import of one production module to its sandbox stand-in,
 * and fails the build when it found none: a renamed module must not silently yield a sandbox
 * build without its sandbox parts.
 */
function sandboxSwap(name: string, productionModule: string, sandboxModule: string): Plugin {
  const base = path.basename(productionModule, '.ts');
  return {
    name,
    setup(build) {
      let swapped = false;
      build.onResolve({ filter: new RegExp(`[\\\\/]${base}$`) }, (args) => {
        const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
        if (resolved !== productionModule) return undefined;
        swapped = true;
        return { path: sandboxModule };
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && !swapped) {
          return { errors: [{ text: `sandbox build: no import of ${productionModule} to swap` }] };
        }
        return undefined;
      });
    },
  };
}

/** The sandbox tokens (sandbox-agent, …) instead of Twilio's token check, when UNIFIED_PROFILES_SANDBOX_AUTH=true. */
export const sandboxTokenValidatorSwap = sandboxSwap(
  'sandbox-token-validator',
  path.join(SERVERLESS_DIR, 'src', 'auth', 'flex-token-validator.ts'),
  path.join(__dirname, 'sandbox-token-validator.ts'),
);

/** The Functions' Twilio client pointed at the sandbox's Sync and TaskRouter stand-ins. */
export const sandboxTwilioClientSwap = sandboxSwap(
  'sandbox-twilio-client',
  path.join(SERVERLESS_DIR, 'src', 'twilio', 'twilio-client.ts'),
  path.join(__dirname, 'sandbox-twilio-client.ts'),
);

/** The secret Studio's requests are signed with: AUTH_TOKEN, else the sandbox's own. */
export const sandboxSigningTokenSwap = sandboxSwap(
  'sandbox-signing-token',
  path.join(SERVERLESS_DIR, 'src', 'studio', 'signing-token.ts'),
  path.join(__dirname, 'sandbox-signing-token.ts'),
);

/** The Functions as the sandbox serves them: production code with the sandbox's stand-in modules. */
export function buildSandboxFunctions(outDir: string): Promise<string[]> {
  return buildFunctions({
    outDir,
    plugins: [sandboxTokenValidatorSwap, sandboxTwilioClientSwap, sandboxSigningTokenSwap],
  });
}
