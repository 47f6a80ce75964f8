import { startSegmentSimulator, type RunningSimulator } from '../../../sandbox/segment-sim/server';
import { createProfileService } from './service';
import { silentLookupLogger, silentUpstreamLogger } from './upstream-log';

/**
 * How many rounds and calls one cold lookup costs, read from the simulator's record of requests:
 * calls made together arrive within a few ms; a round that waits on the one before arrives a full
 * injected latency later.
 */
jest.setTimeout(30_000);

const LATENCY_MS = 150;
const WRITE_KEY = 'sandbox-write-key';
let simulator: RunningSimulator;

interface Recorded {
  path: string;
  at: string;
}

async function track(kind: 'identify' | 'group', message: Record<string, unknown>) {
  const response = await fetch(`${simulator.url}/v1/${kind}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`,
    },
    body: JSON.stringify(message),
  });
  expect(response.status).toBe(200);
}

async function recorded(): Promise<Recorded[]> {
  const { requests } = (await (await fetch(`${simulator.url}/__sim/requests`)).json()) as { requests: Recorded[] };
  return requests.filter((request) => request.path.startsWith('/v1/spaces/'));
}

const clearRecorded = () => fetch(`${simulator.url}/__sim/requests`, { method: 'DELETE' });

/** Requests grouped into rounds: a new round when one arrives more than half the latency after the last. */
function rounds(requests: Recorded[]): number {
  const times = requests.map((request) => Date.parse(request.at)).sort((a, b) => a - b);
  return times.reduce(
    (count, time, index) => (index > 0 && time - times[index - 1] > LATENCY_MS / 2 ? count + 1 : count),
    times.length ? 1 : 0,
  );
}

const service = () =>
  createProfileService(
    {
      profileApiUrl: simulator.url,
      spaceId: 'spa_sandbox',
      profileApiToken: 'sandbox-profile-token',
      defaultCountry: 'US',
      identifierPriority: [],
    },
    { logger: silentUpstreamLogger, lookupLogger: silentLookupLogger },
  );

beforeAll(async () => {
  simulator = await startSegmentSimulator({ port: 0 });
  const traits = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`trait_${index}`, index]));
  for (const userId of ['usr_rounds_1', 'usr_rounds_2']) {
    await track('identify', { userId, traits: { ...traits, email: `${userId}@example.com` } });
    await track('group', { userId, groupId: 'grp_rounds', traits: { name: 'Rounds & Co', plan: 'Enterprise' } });
  }
  const otherTraits = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`other_trait_${index}`, index]));
  await track('identify', { userId: 'usr_rounds_3', traits: otherTraits });
  await track('group', { userId: 'usr_rounds_3', groupId: 'grp_rounds_3', traits: { name: 'Other Co' } });
  await fetch(`${simulator.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ latencyMs: LATENCY_MS }) });
});
afterAll(() => simulator.close());

it('fetches a second traits page and a linked account’s traits together: two rounds', async () => {
  await clearRecorded();
  const { profile } = await service().lookup({ identifier: 'user_id:usr_rounds_1' });
  expect(Object.keys(profile.traits.custom).length).toBeGreaterThanOrEqual(250);
  expect(profile.linkedAccounts).toEqual([expect.objectContaining({ id: 'grp_rounds' })]);
  expect(rounds(await recorded())).toBe(2);
});

it('stays at two rounds once trait classes are learnt, for a profile whose traits were never seen', async () => {
  const warmed = service();
  // Three profiles teach the classes, after which lookups skip the class= calls in round one.
  for (const email of ['ana.garcia@example.com', 'kenji.tanaka@example.jp', 'marcus.johnson@example.org']) {
    await warmed.lookup({ identifier: `email:${email}` });
  }
  await clearRecorded();
  const { profile } = await warmed.lookup({ identifier: 'user_id:usr_rounds_3' });
  expect(Object.keys(profile.traits.custom).length).toBeGreaterThanOrEqual(250);
  expect(rounds(await recorded())).toBe(2);
});

it('asks for an account’s traits once for every customer of that account', async () => {
  const shared = service();
  await shared.lookup({ identifier: 'user_id:usr_rounds_1' });
  await clearRecorded();
  const { profile } = await shared.lookup({ identifier: 'user_id:usr_rounds_2' });
  expect(profile.linkedAccounts[0].traits).toMatchObject({ name: 'Rounds & Co' });
  expect((await recorded()).filter((request) => request.path.includes('/collections/accounts/'))).toEqual([]);
});

it('probes at most four of a task’s identifiers in one lookup, highest priority first', async () => {
  await clearRecorded();
  const taskAttributes = {
    from: '+14155550991',
    email: 'nobody.1@example.com',
    customerEmail: 'nobody.2@example.com',
    customer_email: 'nobody.3@example.com',
    phone: '+14155550992',
    customerPhone: '+14155550993',
    customer_phone: '+14155550994',
    anonymous_id: 'anon-nobody-1',
    anonymousId: 'anon-nobody-2',
    customers: { email: 'nobody.4@example.com', phone: '+14155550995' },
  };
  await expect(service().lookup({ taskAttributes })).rejects.toMatchObject({ code: 'profile_not_found' });
  const traitProbes = (await recorded()).filter((request) =>
    /\/collections\/users\/profiles\/[^/]+\/traits/.test(request.path),
  );
  const probed = new Set(traitProbes.map((request) => request.path.split('/profiles/')[1].split('/')[0]));
  expect(probed.size).toBeLessThanOrEqual(4);
  expect((await recorded()).length).toBeLessThanOrEqual(12);
});
