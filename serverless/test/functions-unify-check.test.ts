import { createServer } from 'node:net';

import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { startFunctions, type RunningFunctions } from '../../sandbox/functions/start-functions';
import { EDGE_CASES } from '../../sandbox/segment-sim/edge-cases';
import { startSegmentSimulator, type RunningSimulator } from '../../sandbox/segment-sim/server';
import { postForm, postJson, type Answer } from './support/http';
import { captureFunctionLogs } from './support/stack';

/**
 * /unify-check over HTTP: the real Functions (sandbox build, under twilio-run) against Segment
 * simulators — one as the configured host, one as the other region's, one that answers an unknown
 * space with 404 — and a closed port for a Segment that is down.
 */
jest.setTimeout(30_000);

const SPACE = 'spa_sandbox';
const TOKEN = 'sandbox-profile-token';
const WRITE_KEY = 'sandbox-write-key';
const EU_SPACE = 'spa_eu_space';
const EU_TOKEN = 'eu-profile-token-secret';
const BAD_WRITE_KEY = 'not-a-write-key-of-this-workspace';
const SECRETS = [TOKEN, WRITE_KEY, EU_TOKEN, BAD_WRITE_KEY, 'a-token-segment-refuses'];

const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const logs = captureFunctionLogs();
const answers: Answer[] = [];

let us: RunningSimulator;
let eu: RunningSimulator;
let spaceAware: RunningSimulator;
let closedPortUrl: string;
const running: RunningFunctions[] = [];

type Env = Record<string, string | undefined>;

/** Functions against `simulator`, with the sandbox's space, token and write key unless `env` says otherwise. */
async function functionsWith(simulator: { url: string }, env: Env = {}): Promise<RunningFunctions> {
  const functions = await startFunctions({
    port: 0,
    variant: 'sandbox',
    env: {
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
      SEGMENT_PROFILE_API_URL: simulator.url,
      SEGMENT_TRACKING_API_URL: simulator.url,
      SEGMENT_SPACE_ID: SPACE,
      SEGMENT_PROFILE_API_TOKEN: TOKEN,
      SEGMENT_WRITE_KEY: WRITE_KEY,
      ...env,
    },
  });
  running.push(functions);
  return functions;
}

async function check(functions: RunningFunctions, body: Record<string, unknown> = {}) {
  const answer = await postJson(`${functions.url}/unify-check`, { Token: 'sandbox-admin', ...body });
  answers.push(answer);
  return answer;
}

const stepsOf = (answer: Answer) =>
  Object.fromEntries(
    (answer.body.check.steps as Array<{ step: string; status: string; code: string; message: string }>).map((item) => [
      item.step,
      item,
    ]),
  );

interface DebuggerView {
  messages: Array<{ messageId: string; outcome: string }>;
}
const simulatorDebugger = async (simulator: RunningSimulator) =>
  (await (await fetch(`${simulator.url}/__sim/debugger`)).json()) as DebuggerView;

async function freePortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  [us, eu, spaceAware, closedPortUrl] = await Promise.all([
    startSegmentSimulator({ port: 0, customers: 50 }),
    startSegmentSimulator({ port: 0, customers: 0, spaceId: EU_SPACE, profileToken: EU_TOKEN }),
    startSegmentSimulator({ port: 0, customers: 0, unknownSpace: 'not_found' }),
    freePortUrl(),
  ]);
});

afterAll(async () => {
  await Promise.all(running.map((functions) => functions.close()));
  await Promise.all([us, eu, spaceAware].map((simulator) => simulator?.close()));
});

describe('who may check', () => {
  let functions: RunningFunctions;
  beforeAll(async () => {
    functions = await functionsWith(us);
  });

  it('refuses an agent with 403 forbidden, before any call to Segment', async () => {
    const before = us.requests.length;
    const answer = await postJson(`${functions.url}/unify-check`, { Token: 'sandbox-agent' });
    answers.push(answer);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
    expect(us.requests.length).toBe(before);
  });

  it.each(['sandbox-supervisor', 'sandbox-admin'])(
    'answers %s with a passing check, checked by them',
    async (Token) => {
      const answer = await check(functions, { Token });
      expect(answer.status).toBe(200);
      expect(answer.body.check).toMatchObject({ status: 'passed', code: 'ok', checkedBy: Token });
      expect(Date.now() - Date.parse(answer.body.check.checkedAt)).toBeLessThan(10_000);
      expect(answer.body.check.ms).toBeLessThan(5_000);
    },
  );

  it('takes a form-encoded post too', async () => {
    const answer = await postForm(`${functions.url}/unify-check`, { Token: 'sandbox-supervisor' });
    answers.push(answer);
    expect(answer.status).toBe(200);
    expect(answer.body.check.status).toBe('passed');
  });
});

describe('a working connection', () => {
  let functions: RunningFunctions;
  beforeAll(async () => {
    functions = await functionsWith(us);
  });

  it('passes with the sandbox space, token and write key: the check event is sent and read back', async () => {
    const answer = await check(functions);
    expect(stepsOf(answer)).toMatchObject({
      profile_api: { status: 'passed', code: 'ok' },
      profiles: { status: 'skipped', code: 'ok' },
      tracking_api: { status: 'passed', code: 'ok' },
      flex_events: { status: 'skipped', code: 'ok' },
    });
    const checks = (await simulatorDebugger(us)).messages.filter((entry) =>
      entry.messageId.startsWith('unified-profiles-check-'),
    );
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((entry) => entry.outcome === 'accepted')).toBe(true);
  });

  it('with a customer who has Flex history: every step passes', async () => {
    const answer = await check(functions, { identifier: `email:${ana.email}` });
    expect(answer.body.check.status).toBe('passed');
    expect(answer.body.check.steps.map((item: { status: string }) => item.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
  });

  it('no_profiles_yet: a warning when the customer given has no profile', async () => {
    const answer = await check(functions, { identifier: 'email:nobody.here@example.org' });
    expect(answer.body.check).toMatchObject({ status: 'warning', code: 'no_profiles_yet' });
    expect(stepsOf(answer).flex_events.status).toBe('skipped');
  });

  it('no_flex_events_yet: a warning when the customer’s profile holds no Flex engagement event', async () => {
    const answer = await check(functions, { identifier: `user_id:${EDGE_CASES.noTraits.userId}` });
    expect(answer.body.check).toMatchObject({ status: 'warning', code: 'no_flex_events_yet' });
    expect(stepsOf(answer).profiles.status).toBe('passed');
  });

  it('refuses an identifier of an unknown type with 400 invalid_identifier', async () => {
    const answer = await check(functions, { identifier: 'shoe_size:42' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_identifier');
  });
});

describe('the faults, told apart', () => {
  it('token_rejected: the token is refused on this host and on the other region’s', async () => {
    const functions = await functionsWith(us, {
      SEGMENT_PROFILE_API_TOKEN: 'a-token-segment-refuses',
      SEGMENT_OTHER_REGION_PROFILE_API_URL: eu.url,
    });
    const answer = await check(functions);
    expect(answer.status).toBe(200);
    expect(answer.body.check).toMatchObject({ status: 'failed', code: 'token_rejected' });
    expect(stepsOf(answer).profile_api.message).toContain('Unify > Unify settings > API access');
  });

  it('wrong_region: the other region’s token and space, refused here and accepted on the other host', async () => {
    const functions = await functionsWith(us, {
      SEGMENT_SPACE_ID: EU_SPACE,
      SEGMENT_PROFILE_API_TOKEN: EU_TOKEN,
      SEGMENT_OTHER_REGION_PROFILE_API_URL: eu.url,
    });
    const euRequests = eu.requests.length;
    const answer = await check(functions);
    expect(answer.body.check).toMatchObject({ status: 'failed', code: 'wrong_region' });
    expect(stepsOf(answer).profile_api.message).toContain(eu.url);
    expect(eu.requests.length).toBe(euRequests + 1);
  });

  it('space_not_found: Segment answers 404 for the space (a simulator playing that reading)', async () => {
    const functions = await functionsWith(spaceAware, { SEGMENT_SPACE_ID: 'spa_does_not_exist' });
    const answer = await check(functions);
    expect(answer.body.check).toMatchObject({ status: 'failed', code: 'space_not_found' });
    expect(stepsOf(answer).profile_api.message).toMatch(/no space spa_does_not_exist/);
  });

  it('an unknown space answered as a wrong token (the simulator’s default) is token_rejected, naming the space', async () => {
    const functions = await functionsWith(us, { SEGMENT_SPACE_ID: 'spa_does_not_exist' });
    const answer = await check(functions);
    expect(answer.body.check.code).toBe('token_rejected');
    expect(stepsOf(answer).profile_api.message).toMatch(/unknown space/);
  });

  it('segment_unreachable: Segment down (a closed port) is told within the 5 s budget', async () => {
    const functions = await functionsWith({ url: closedPortUrl });
    const started = Date.now();
    const answer = await check(functions);
    expect(Date.now() - started).toBeLessThan(5_500);
    expect(answer.body.check).toMatchObject({ status: 'failed', code: 'segment_unreachable' });
    expect(stepsOf(answer).profile_api.message).toMatch(/connection failed/);
    expect(stepsOf(answer).tracking_api).toMatchObject({ status: 'warning', code: 'segment_unreachable' });
  });

  it('write_key_missing: a warning; lookups still work', async () => {
    const functions = await functionsWith(us, { SEGMENT_WRITE_KEY: undefined });
    const answer = await check(functions);
    expect(answer.body.check).toMatchObject({ status: 'warning', code: 'write_key_missing' });
    expect(stepsOf(answer).profile_api.status).toBe('passed');
  });

  it('write_key_rejected: Segment answers 200 to a wrong key, but the event never reaches the space', async () => {
    const functions = await functionsWith(us, { SEGMENT_WRITE_KEY: BAD_WRITE_KEY });
    const started = Date.now();
    const answer = await check(functions);
    expect(Date.now() - started).toBeLessThan(5_500);
    expect(answer.body.check).toMatchObject({ status: 'warning', code: 'write_key_rejected' });
    expect(stepsOf(answer).tracking_api.message).toMatch(/answers 200 even to a wrong write key/);
    expect((await simulatorDebugger(us)).messages.at(-1)).toMatchObject({ outcome: 'rejected' });
  });

  it('not_configured: a result the view can show, not a 503', async () => {
    const functions = await functionsWith(us, { SEGMENT_SPACE_ID: undefined, SEGMENT_PROFILE_API_TOKEN: undefined });
    const answer = await check(functions);
    expect(answer.status).toBe(200);
    expect(answer.body.check).toMatchObject({ status: 'failed', code: 'not_configured' });
  });
});

it('never puts a token or a write key in an answer or a log line', () => {
  expect(answers.length).toBeGreaterThan(10);
  expect(logs.some((line) => line.includes('unify_check_call'))).toBe(true);
  const everything = [...answers.map((answer) => JSON.stringify(answer.body)), ...logs].join('\n');
  for (const secret of SECRETS) {
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(`${secret}:`).toString('base64'));
  }
});
