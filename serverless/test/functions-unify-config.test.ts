import { startFunctions, type RunningFunctions } from '../../sandbox/functions/start-functions';
import { postForm, postJson } from './support/http';

/** /unify-config over HTTP: supervisors and admins read the non-secret settings; agents are refused. */
const SECRET = 'tok_secret_value_1234';
let configured: RunningFunctions;
let unconfigured: RunningFunctions;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const base = { UNIFIED_PROFILES_SANDBOX_AUTH: 'true' };
  [configured, unconfigured] = await Promise.all([
    startFunctions({
      port: 0,
      env: {
        ...base,
        SEGMENT_SPACE_ID: 'spa_demo',
        SEGMENT_PROFILE_API_TOKEN: SECRET,
        SEGMENT_PROFILE_API_URL: 'https://profiles.euw1.segment.com',
        SEGMENT_IDENTIFIER_PRIORITY: 'email,phone',
      },
    }),
    startFunctions({ port: 0, env: base }),
  ]);
});
afterAll(async () => {
  await Promise.all([configured?.close(), unconfigured?.close()]);
  jest.restoreAllMocks();
});

it.each(['sandbox-supervisor', 'sandbox-admin'])(
  'shows %s the settings, with the token only as set or not',
  async (Token) => {
    const answer = await postJson(`${configured.url}/unify-config`, { Token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      config: {
        profileApiUrl: 'https://profiles.euw1.segment.com',
        spaceId: 'spa_demo',
        profileApiTokenSet: true,
        defaultCountry: 'US',
        identifierPriority: ['email', 'phone'],
        missing: [],
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain(SECRET);
  },
);

it('names what is missing when nothing is configured', async () => {
  const answer = await postForm(`${unconfigured.url}/unify-config`, { Token: 'sandbox-admin' });
  expect(answer.status).toBe(200);
  expect(answer.body.config).toMatchObject({
    spaceId: null,
    profileApiTokenSet: false,
    profileApiUrl: 'https://profiles.segment.com',
    missing: ['SEGMENT_SPACE_ID', 'SEGMENT_PROFILE_API_TOKEN'],
  });
});

it('refuses an agent with 403 forbidden, and a caller without a token with 401', async () => {
  const agent = await postJson(`${configured.url}/unify-config`, { Token: 'sandbox-agent' });
  expect(agent.status).toBe(403);
  expect(agent.body.error.code).toBe('forbidden');
  const anonymous = await postJson(`${configured.url}/unify-config`, {});
  expect(anonymous.status).toBe(401);
});
