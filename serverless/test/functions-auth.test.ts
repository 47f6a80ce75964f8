import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';

import { startFunctions, type RunningFunctions } from '../../sandbox/functions/start-functions';
import { postForm, postJson } from './support/http';
import { startTripwireUpstream, type TripwireUpstream } from './support/tripwire-upstream';

/**
 * Who may call the Functions, over HTTP against twilio-run: no token, a wrong token, a sandbox
 * token where sandbox auth is off, and the production build, which has no sandbox tokens at all.
 */
const SANDBOX_TOKENS = ['sandbox-agent', 'sandbox-supervisor', 'sandbox-admin'];
const A_LOOKUP = { identifier: 'email:ana.silva@example.com' };

let upstream: TripwireUpstream;
let production: RunningFunctions;
let sandboxOff: RunningFunctions;
let sandboxOn: RunningFunctions;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  upstream = await startTripwireUpstream();
  const segment = {
    SEGMENT_PROFILE_API_URL: upstream.url,
    SEGMENT_SPACE_ID: 'spa_x',
    SEGMENT_PROFILE_API_TOKEN: 'tok_x',
  };
  [production, sandboxOff, sandboxOn] = await Promise.all([
    startFunctions({ port: 0, variant: 'production', env: { ...segment, UNIFIED_PROFILES_SANDBOX_AUTH: 'true' } }),
    startFunctions({ port: 0, variant: 'sandbox', env: { ...segment, UNIFIED_PROFILES_SANDBOX_AUTH: 'false' } }),
    startFunctions({ port: 0, variant: 'sandbox', env: { ...segment, UNIFIED_PROFILES_SANDBOX_AUTH: 'true' } }),
  ]);
});

afterAll(async () => {
  await Promise.all([production, sandboxOff, sandboxOn].filter(Boolean).map((functions) => functions.close()));
  await upstream?.close();
  jest.restoreAllMocks();
});

async function bundleText(functions: RunningFunctions): Promise<string> {
  const files = await readdir(functions.functionsDir);
  expect(files).toEqual(expect.arrayContaining(['profile.js', 'profile-events.js']));
  const texts = await Promise.all(files.map((file) => readFile(path.join(functions.functionsDir, file), 'utf8')));
  return texts.join('\n');
}

describe('the production build', () => {
  it('contains no sandbox token, no sandbox switch and no sandbox code', async () => {
    const text = await bundleText(production);
    const markers = [
      ...SANDBOX_TOKENS,
      'UNIFIED_PROFILES_SANDBOX_AUTH',
      'sandbox-token-validator',
      // The config store's client pointed at the sandbox's Sync stand-in.
      'UNIFIED_PROFILES_TWILIO_API_BASE',
      'sandbox-sync-auth-token',
    ];
    for (const marker of markers) {
      expect(text).not.toContain(marker);
    }
  });

  it('is self-contained: no require of a package the Functions service would have to install', async () => {
    const required = [...(await bundleText(production)).matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    const external = required.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));
    expect(external).toEqual([]);
  });

  it('(the sandbox build, by contrast, does carry them: the check above can fail)', async () => {
    const text = await bundleText(sandboxOn);
    for (const token of SANDBOX_TOKENS) expect(text).toContain(token);
    expect(text).toContain('UNIFIED_PROFILES_TWILIO_API_BASE');
  });

  it.each(SANDBOX_TOKENS)(
    'refuses %s with 403 invalid_token although UNIFIED_PROFILES_SANDBOX_AUTH=true',
    async (token) => {
      for (const path of ['/profile', '/profile-events']) {
        const answer = await postJson(`${production.url}${path}`, { Token: token, ...A_LOOKUP });
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ error: { code: 'invalid_token', message: expect.any(String) } });
      }
      expect(upstream.hits()).toBe(0);
    },
  );

  it('answers 503 not_configured for a Flex-shaped token when it has no ACCOUNT_SID/AUTH_TOKEN to check it with', async () => {
    const jwtShaped = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const answer = await postJson(`${production.url}/profile`, { Token: jwtShaped, ...A_LOOKUP });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('not_configured');
    expect(answer.body.error.message).toMatch(/ACCOUNT_SID/);
    expect(upstream.hits()).toBe(0);
  });
});

describe('every build refuses callers without a valid token', () => {
  const servers = () => ({ production, sandboxOff, sandboxOn });

  it.each(['production', 'sandboxOff', 'sandboxOn'] as const)(
    '%s: no token → 401 missing_token (JSON and form)',
    async (name) => {
      const { url } = servers()[name];
      for (const answer of [await postJson(`${url}/profile`, A_LOOKUP), await postForm(`${url}/profile`, A_LOOKUP)]) {
        expect(answer.status).toBe(401);
        expect(answer.body.error.code).toBe('missing_token');
        expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      }
      expect(upstream.hits()).toBe(0);
    },
  );

  it.each(['production', 'sandboxOff', 'sandboxOn'] as const)('%s: wrong tokens → 403 invalid_token', async (name) => {
    const { url } = servers()[name];
    for (const token of [
      'wrong',
      'Sandbox-Agent',
      'sandbox-agent ',
      'sandbox-root',
      'a..b',
      'not a.jwt.at all',
      'x'.repeat(20_000),
    ]) {
      const answer = await postJson(`${url}/profile`, { Token: token, ...A_LOOKUP });
      expect({ token: token.slice(0, 20), status: answer.status }).toEqual({ token: token.slice(0, 20), status: 403 });
      expect(answer.body.error.code).toBe('invalid_token');
    }
    expect(upstream.hits()).toBe(0);
  });

  it.each(SANDBOX_TOKENS)(
    'the sandbox build with sandbox auth off refuses %s like a deployed service',
    async (token) => {
      const answer = await postForm(`${sandboxOff.url}/profile`, { Token: token, ...A_LOOKUP });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('invalid_token');
      expect(upstream.hits()).toBe(0);
    },
  );

  it('the sandbox build with sandbox auth on lets sandbox tokens through to the lookup', async () => {
    const answer = await postJson(`${sandboxOn.url}/profile`, { Token: 'sandbox-agent', ...A_LOOKUP });
    expect(answer.status).not.toBe(401);
    expect(answer.status).not.toBe(403);
    expect(upstream.hits()).toBeGreaterThan(0); // the tripwire answers 404, but it was reached
  });
});

describe('CORS', () => {
  it('answers the browser preflight for each Function with 204 and the CORS headers', async () => {
    for (const fn of ['/profile', '/profile-events']) {
      const response = await fetch(`${sandboxOn.url}${fn}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://flex.twilio.com', 'Access-Control-Request-Method': 'POST' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    }
  });

  it('puts CORS headers and a JSON body on answers, refusals included', async () => {
    const refused = await postJson(`${sandboxOn.url}/profile`, { Token: 'nope', ...A_LOOKUP });
    const invalid = await postJson(`${sandboxOn.url}/profile`, { Token: 'sandbox-agent' });
    for (const answer of [refused, invalid]) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect(invalid.status).toBe(400);
  });

  it('answers a body that is not valid JSON with 400 and the error body, not an HTML stack trace', async () => {
    const response = await fetch(`${sandboxOn.url}/profile`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"Token": "sandbox-agent", ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
  });
});
