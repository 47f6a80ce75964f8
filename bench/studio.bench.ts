/**
 * `npm run bench studio`: /studio-profile as a Studio flow calls it (signed form POSTs), served
 * in-process by twilio-run against the Segment simulator with 200 ms of injected latency, and the
 * Customer tab's cold /profile for a task with and without the attributes the flow carried.
 * Loopback only; stops by itself.
 *
 * - cold: the first lookup of each caller, median, divided by the upstream latency (target ≤ 1.1)
 * - warm: the same caller again (this instance's cache; target < 20 ms)
 * - degraded: Segment 5 s slow, the flow's answer (target < 3 s, found:false, degraded:true)
 * - panel: /profile for a task whose From, email and user id name the caller, cold, with and
 *   without `unified_profiles.link`: time, rounds (time over latency), calls, identifiers probed
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import { startFunctions } from '../sandbox/functions/start-functions';
import { startSegmentSimulator } from '../sandbox/segment-sim/server';
import { DEMO_CUSTOMERS } from '../sandbox/demo/customers';
import { crowdIdentifiers } from '../sandbox/segment-sim/seed';

const LATENCY_MS = 200;
const SLOW_MS = 5_000;
const SEGMENT = { SEGMENT_SPACE_ID: 'spa_sandbox', SEGMENT_PROFILE_API_TOKEN: 'sandbox-profile-token' };
const AUTH_TOKEN = 'sandbox-auth-token';
const PANEL_TASKS = 10;
const TARGETS = { coldRatio: 1.1, warmMs: 20, degradedMs: 3_000, probesWithLink: 0 };
const HARD_STOP_MS = 180_000;

// The twilio library is a dependency of serverless/ (through twilio-run), not of the root.
const { getExpectedTwilioSignature } = createRequire(path.join(__dirname, '..', 'serverless', 'package.json'))(
  'twilio',
) as { getExpectedTwilioSignature(token: string, url: string, params: Record<string, string>): string };

const say = (line: string) => void process.stdout.write(`${line}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

interface Timed<T> {
  ms: number;
  status: number;
  body: T;
}

interface StudioAnswer {
  found: boolean;
  degraded: boolean;
  taskAttributes: Record<string, unknown>;
}

async function timed<T>(request: () => Promise<Response>): Promise<Timed<T>> {
  const started = performance.now();
  const response = await request();
  const body = (await response.json()) as T;
  return { ms: performance.now() - started, status: response.status, body };
}

/** A Run Function widget's POST: form fields, signed with the auth token over the URL and the fields. */
function studioPost(url: string, fields: Record<string, string>) {
  const signature = getExpectedTwilioSignature(AUTH_TOKEN, url, fields);
  return timed<StudioAnswer>(() =>
    fetch(url, { method: 'POST', headers: { 'X-Twilio-Signature': signature }, body: new URLSearchParams(fields) }),
  );
}

function panelLookup(url: string, taskAttributes: Record<string, unknown>) {
  return timed<{ profile?: unknown }>(() =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Token: 'sandbox-agent', taskAttributes }),
    }),
  );
}

/** One direct Profile API call, as the Functions make it: the latency a lookup cannot beat. */
async function upstreamLatency(segmentUrl: string, phone: string): Promise<number> {
  const auth = Buffer.from(`${SEGMENT.SEGMENT_PROFILE_API_TOKEN}:`).toString('base64');
  const url = `${segmentUrl}/v1/spaces/${SEGMENT.SEGMENT_SPACE_ID}/collections/users/profiles/phone:${encodeURIComponent(phone)}/traits?limit=200`;
  const times: number[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Basic ${auth}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the simulator answered ${response.status} to a direct traits call`);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main(): Promise<boolean> {
  const simulator = await startSegmentSimulator({ port: 0, faults: { latencyMs: LATENCY_MS } });
  const functions = await startFunctions({
    port: 0,
    variant: 'sandbox',
    env: { ...SEGMENT, SEGMENT_PROFILE_API_URL: simulator.url, UNIFIED_PROFILES_SANDBOX_AUTH: 'true' },
  });
  const studioUrl = `${functions.url}/studio-profile`;
  const profileUrl = `${functions.url}/profile`;
  const recorded = async () => {
    const { requests } = (await (await fetch(`${simulator.url}/__sim/requests`)).json()) as {
      requests: Array<{ path: string }>;
    };
    return requests.map((request) => decodeURIComponent(request.path));
  };
  const forgetRequests = () => fetch(`${simulator.url}/__sim/requests`, { method: 'DELETE' });
  try {
    const callers = [
      ...DEMO_CUSTOMERS.filter((customer) => customer.phone).map((customer) => customer.phone!),
      ...Array.from({ length: 15 }, (_, index) => crowdIdentifiers(500 + index).phone),
    ];
    const latencyMs = await upstreamLatency(simulator.url, callers[0]);
    // Loads both Functions' modules without touching Segment (a 400 and a 401), so "cold" measures the lookup.
    await studioPost(studioUrl, {});
    await panelLookup(profileUrl, {});

    await forgetRequests();
    const cold: number[] = [];
    for (const From of callers) {
      const answer = await studioPost(studioUrl, { From });
      if (answer.status !== 200 || !answer.body.found)
        throw new Error(`a cold /studio-profile answered ${answer.status}`);
      cold.push(answer.ms);
    }
    const coldCalls = (await recorded()).length;
    const warm: number[] = [];
    for (let repeat = 0; repeat < 20; repeat += 1) warm.push((await studioPost(studioUrl, { From: callers[0] })).ms);

    simulator.setFaults({ latencyMs: SLOW_MS });
    const slow = await studioPost(studioUrl, { From: crowdIdentifiers(550).phone });
    simulator.setFaults({ latencyMs: LATENCY_MS });

    // The panel, cold: each task a caller no lookup has seen, its From, email and user id in the attributes.
    const panel = async (withLink: boolean) => {
      const runs: Array<{ ms: number; calls: number; probed: number }> = [];
      for (let index = 0; index < PANEL_TASKS; index += 1) {
        const caller = crowdIdentifiers((withLink ? 600 : 700) + index);
        const task: Record<string, unknown> = {
          type: 'inbound',
          from: caller.phone,
          customers: { email: caller.email, ...(caller.userId ? { external_id: caller.userId } : {}) },
        };
        if (withLink) Object.assign(task, (await studioPost(studioUrl, { From: caller.phone })).body.taskAttributes);
        await forgetRequests();
        const lookup = await panelLookup(profileUrl, task);
        if (lookup.status !== 200) throw new Error(`a cold /profile answered ${lookup.status}`);
        await new Promise((resolve) => setTimeout(resolve, LATENCY_MS * 1.5)); // probes still under way land
        const paths = (await recorded()).filter((call) => call.includes('/collections/users/'));
        const ids = new Set(paths.map((call) => /\/profiles\/([^/]+)\//.exec(call)?.[1]));
        runs.push({ ms: lookup.ms, calls: paths.length, probed: ids.size - 1 });
      }
      return runs;
    };
    const withLink = await panel(true);
    const withoutLink = await panel(false);
    const summary = (runs: Awaited<ReturnType<typeof panel>>) => ({
      medianMs: round(median(runs.map((run) => run.ms))),
      rounds: round(median(runs.map((run) => run.ms)) / latencyMs, 2),
      userCalls: median(runs.map((run) => run.calls)),
      otherIdentifiersProbed: Math.max(...runs.map((run) => run.probed)),
    });

    const figures = {
      upstreamLatencyMs: round(latencyMs),
      studioColdLookups: cold.length,
      studioColdMedianMs: round(median(cold)),
      studioColdMaxMs: round(Math.max(...cold)),
      studioColdOverUpstream: round(median(cold) / latencyMs, 3),
      studioColdCallsPerLookup: round(coldCalls / cold.length, 2),
      studioWarmMedianMs: round(median(warm), 2),
      studioSegment5sSlowMs: round(slow.ms),
      studioSegment5sSlowAnswer: { found: slow.body.found, degraded: slow.body.degraded },
      panelColdWithCarriedLink: summary(withLink),
      panelColdWithoutLink: summary(withoutLink),
    };
    for (const [name, value] of Object.entries(figures)) say(`${name.padEnd(28)} ${JSON.stringify(value)}`);
    const within =
      figures.studioColdOverUpstream <= TARGETS.coldRatio &&
      figures.studioWarmMedianMs < TARGETS.warmMs &&
      slow.ms < TARGETS.degradedMs &&
      slow.body.degraded &&
      figures.panelColdWithCarriedLink.otherIdentifiersProbed <= TARGETS.probesWithLink;
    say(
      `targets: cold/upstream ≤ ${TARGETS.coldRatio}, warm < ${TARGETS.warmMs} ms, degraded < ${TARGETS.degradedMs} ms, ` +
        `no other identifier probed with the link: ${within ? 'met' : 'NOT met'}`,
    );
    return within;
  } finally {
    await functions.close();
    await simulator.close();
  }
}

const hardStop = setTimeout(() => {
  say(`studio bench did not finish in ${HARD_STOP_MS / 1000} s`);
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
