import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { build } from 'esbuild';

import { PROTECTED_FUNCTIONS } from '../../serverless/scripts/build-functions';
import { buildSandboxFunctions, sandboxTokenValidatorSwap, sandboxTwilioClientSwap } from './build-sandbox-functions';

describe('the sandbox build', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-build-test-'));
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('swaps in the sandbox validator for every Function Flex calls', async () => {
    const names = await buildSandboxFunctions(outDir);
    expect(names).toEqual(expect.arrayContaining(['profile', 'profile-events']));
    for (const name of names.filter((name) => !PROTECTED_FUNCTIONS.has(name))) {
      const text = await readFile(path.join(outDir, `${name}.js`), 'utf8');
      expect(text).toContain('sandbox-agent');
      expect(text).toContain('UNIFIED_PROFILES_SANDBOX_AUTH');
    }
  });

  it('signs the Functions Twilio calls with the sandbox’s AUTH_TOKEN default, built as protected', async () => {
    for (const name of PROTECTED_FUNCTIONS) {
      const text = await readFile(path.join(outDir, `${name}.protected.js`), 'utf8');
      expect(text).toContain('sandbox-auth-token');
    }
  });

  it('points the config store’s Twilio client at the Sync stand-in in the Functions that read settings', async () => {
    for (const name of ['unify-config', 'profile', 'profile-events']) {
      const text = await readFile(path.join(outDir, `${name}.js`), 'utf8');
      expect(text).toContain('UNIFIED_PROFILES_TWILIO_API_BASE');
    }
  });

  it('fails, rather than quietly building without sandbox tokens, when there is nothing to swap', async () => {
    const attempt = build({
      stdin: { contents: 'export const handler = () => 1;', resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      write: false,
      logLevel: 'silent',
      plugins: [sandboxTokenValidatorSwap],
    });
    await expect(attempt).rejects.toThrow(/no import of .*flex-token-validator\.ts to swap/);
  });

  it('fails the same way when the config store’s Twilio client module is gone', async () => {
    const attempt = build({
      stdin: { contents: 'export const handler = () => 1;', resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      write: false,
      logLevel: 'silent',
      plugins: [sandboxTwilioClientSwap],
    });
    await expect(attempt).rejects.toThrow(/no import of .*twilio-client\.ts to swap/);
  });
});
