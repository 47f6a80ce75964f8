/**
 * `npm run bench profile-lookup`: /profile served in-process by twilio-run (no fork, no reload),
 * against the Segment simulator with 200 ms of injected latency. Loopback only; stops by itself.
 *
 * - cold: the first lookup of each demo customer (traits fit one page), median, divided by the upstream latency
 * - warm: the same customer again (served from the per-instance cache)
 * - deep: a profile with a second traits page and a linked account (two rounds; target ≤ 2.2 × upstream)
 * - burst: 1,000 lookups of 300 distinct customers at once, the simulator enforcing 100 requests/s
 * - Segment down: lookups while the circuit breaker is open (target under 50 ms)
 */
import { startFunctions } from '../sandbox/functions/start-functions';
import { startSegmentSimulator } from '../sandbox/segment-sim/server';
import { DEMO_CUSTOMERS } from '../sandbox/demo/customers';
import { crowdIdentifiers } from '../sandbox/segment-sim/seed';

const LATENCY_MS = 200;
const BURST_LOOKUPS = 1_000;
const BURST_CUSTOMERS = 300;
const SEGMENT = { SEGMENT_SPACE_ID: 'spa_sandbox', SEGMENT_PROFILE_API_TOKEN: 'sandbox-profile-token' };
const TARGETS = { coldRatio: 1.1, deepRatio: 2.2, warmMs: 20, burstFailures: 0, downMs: 50 };
const HARD_STOP_MS = 180_000;

interface Timed {
  ms: number;
  status: number;
  body: { profile?: { linkedAccounts: unknown[] } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const say = (line: string) => void process.stdout.write(`${line}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function timedPost(url: string, request: Record<string, unknown>): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Token: 'sandbox-agent', ...request }),
  });
  const body = (await response.json()) as Timed['body'];
  return { ms: performance.now() - started, status: response.status, body };
}

/** One direct Profile API call, as the Functions make it: the latency a lookup cannot beat. */
async function upstreamLatency(segmentUrl: string, identifier: string): Promise<number> {
  const auth = Buffer.from(`${SEGMENT.SEGMENT_PROFILE_API_TOKEN}:`).toString('base64');
  const [type, value] = [identifier.slice(0, identifier.indexOf(':')), identifier.slice(identifier.indexOf(':') + 1)];
  const url = `${segmentUrl}/v1/spaces/${SEGMENT.SEGMENT_SPACE_ID}/collections/users/profiles/${type}:${encodeURIComponent(value)}/traits?limit=200`;
  const times: number[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Basic ${auth}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the simulator answered ${response.status} to a direct traits call`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

async function main(): Promise<boolean> {
  const simulator = await startSegmentSimulator({
    port: 0,
    faults: { latencyMs: LATENCY_MS },
    rateLimitPerSecond: 100,
  });
  const functions = await startFunctions({
    port: 0,
    variant: 'sandbox',
    env: { ...SEGMENT, SEGMENT_PROFILE_API_URL: simulator.url, UNIFIED_PROFILES_SANDBOX_AUTH: 'true' },
  });
  const profileUrl = `${functions.url}/profile`;
  const sim = (path: string, method = 'GET') => fetch(`${simulator.url}${path}`, { method });
  try {
    // Cold: the demo customers and a few of the simulator's generated crowd, none looked up before.
    const coldCustomers = [
      ...DEMO_CUSTOMERS.filter((customer) => customer.email).map((customer) => `email:${customer.email}`),
      ...Array.from({ length: 15 }, (_, index) => `phone:${crowdIdentifiers(900 + index).phone}`),
    ];
    const burstCustomers = Array.from(
      { length: BURST_CUSTOMERS },
      (_, index) => `phone:${crowdIdentifiers(index + 1).phone}`,
    );

    const latencyMs = await upstreamLatency(simulator.url, coldCustomers[0]);
    // Loads the Function's module without touching Segment, so "cold" measures the lookup, not require().
    await timedPost(profileUrl, {});

    // A profile with linked accounts costs a second round (the accounts' traits), by design.
    const oneRound: Array<{ identifier: string; ms: number }> = [];
    const withAccounts: number[] = [];
    for (const identifier of coldCustomers) {
      const cold = await timedPost(profileUrl, { identifier });
      if (cold.status !== 200) throw new Error(`a cold lookup answered ${cold.status}`);
      if (cold.body.profile?.linkedAccounts.length) withAccounts.push(cold.ms);
      else oneRound.push({ identifier, ms: cold.ms });
    }
    const coldTimes = oneRound.map((lookup) => lookup.ms).sort((a, b) => a - b);
    const coldMs = percentile(coldTimes, 50);
    const coldCustomer = oneRound[0].identifier;
    const warmTimes: number[] = [];
    for (let round = 0; round < 20; round += 1)
      warmTimes.push((await timedPost(profileUrl, { identifier: coldCustomer })).ms);
    const warmMs = warmTimes.sort((a, b) => a - b)[10];

    // Deep: 250 traits (two pages of 200) and an account, written through the Tracking API.
    const track = (kind: string, message: object) =>
      fetch(`${simulator.url}/v1/${kind}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Basic ${Buffer.from('sandbox-write-key:').toString('base64')}`,
        },
        body: JSON.stringify(message),
      });
    const traits = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`bench_trait_${index}`, index]));
    await track('identify', { userId: 'usr_bench_deep', traits });
    await track('group', { userId: 'usr_bench_deep', groupId: 'grp_bench_deep', traits: { name: 'Bench & Co' } });
    await sim('/__sim/requests', 'DELETE');
    const deep = await timedPost(profileUrl, { identifier: 'user_id:usr_bench_deep' });
    if (deep.status !== 200 || !deep.body.profile?.linkedAccounts.length)
      throw new Error('the deep profile did not load');
    const deepCalls = ((await (await sim('/__sim/requests')).json()) as { requests: unknown[] }).requests.length;

    await sim('/__sim/requests', 'DELETE');
    const burstStarted = performance.now();
    const burst = await Promise.all(
      Array.from({ length: BURST_LOOKUPS }, (_, index) =>
        timedPost(profileUrl, { identifier: burstCustomers[index % burstCustomers.length] }),
      ),
    );
    const burstMs = performance.now() - burstStarted;
    const { requests } = (await (await sim('/__sim/requests')).json()) as { requests: Array<{ status: number }> };
    const upstreamCalls = requests.length;
    const upstream429s = requests.filter((request) => request.status === 429).length;
    const failures = burst.filter((lookup) => lookup.status !== 200);
    const burstTimes = burst.map((lookup) => lookup.ms).sort((a, b) => a - b);

    // Segment down: the first lookups open the breaker; the next ones must not wait on Segment.
    await fetch(`${simulator.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ errorRates: { '503': 1 } }) });
    const opening = await timedPost(profileUrl, { identifier: `phone:${crowdIdentifiers(2_000).phone}` });
    const downTimes: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const down = await timedPost(profileUrl, { identifier: `phone:${crowdIdentifiers(2_001 + index).phone}` });
      if (down.status !== 503) throw new Error(`a lookup with Segment down answered ${down.status}`);
      downTimes.push(down.ms);
    }
    downTimes.sort((a, b) => a - b);

    const figures = {
      upstreamLatencyMs: round(latencyMs),
      coldLookups: coldTimes.length,
      coldLookupMedianMs: round(coldMs),
      coldLookupMaxMs: round(coldTimes[coldTimes.length - 1]),
      coldOverUpstream: round(coldMs / latencyMs, 3),
      coldWithLinkedAccounts: withAccounts.length,
      coldWithLinkedAccountsMedianMs: withAccounts.length
        ? round(
            percentile(
              withAccounts.sort((a, b) => a - b),
              50,
            ),
          )
        : null,
      deepLookupMs: round(deep.ms),
      deepOverUpstream: round(deep.ms / latencyMs, 2),
      deepUpstreamCalls: deepCalls,
      warmLookupMs: round(warmMs, 2),
      burstLookups: BURST_LOOKUPS,
      burstCustomers: BURST_CUSTOMERS,
      burstUpstreamCalls: upstreamCalls,
      burstUpstream429s: upstream429s,
      burstFailed: failures.length,
      burstFailedStatuses: [...new Set(failures.map((lookup) => lookup.status))],
      burstP50Ms: round(percentile(burstTimes, 50)),
      burstP99Ms: round(percentile(burstTimes, 99)),
      burstTotalS: round(burstMs / 1000, 2),
      segmentDownFirstLookupMs: round(opening.ms),
      segmentDownBreakerOpenMedianMs: round(percentile(downTimes, 50), 2),
      segmentDownBreakerOpenMaxMs: round(downTimes[downTimes.length - 1], 2),
    };
    for (const [name, value] of Object.entries(figures)) say(`${name.padEnd(31)} ${JSON.stringify(value)}`);
    const within =
      figures.coldOverUpstream <= TARGETS.coldRatio &&
      figures.deepOverUpstream <= TARGETS.deepRatio &&
      figures.segmentDownBreakerOpenMedianMs < TARGETS.downMs &&
      figures.warmLookupMs < TARGETS.warmMs &&
      figures.burstFailed <= TARGETS.burstFailures;
    say(
      `targets: cold/upstream ≤ ${TARGETS.coldRatio}, deep/upstream ≤ ${TARGETS.deepRatio}, warm < ${TARGETS.warmMs} ms, ` +
        `burst failures ${TARGETS.burstFailures}, Segment down < ${TARGETS.downMs} ms: ` +
        (within ? 'met' : 'NOT met'),
    );
    return within;
  } finally {
    await functions.close();
    await simulator.close();
  }
}

const hardStop = setTimeout(() => {
  say(`profile-lookup bench did not finish in ${HARD_STOP_MS / 1000} s`);
  process.exit(1);
}, HARD_STOP_MS);
hardStop.unref();

// The Functions run in this process; their one-line logs would drown the figures.
console.log = () => undefined;
console.error = () => undefined;

main()
  .then((within) => {
    process.exitCode = within ? 0 : 1;
  })
  .catch((error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
