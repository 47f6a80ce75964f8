/**
 * `npm run bench scale-out`: Twilio Functions scale out, and each instance paces Segment on its own.
 * Four Functions processes (separate OS processes, so each has its own pacer and cache, as real
 * instances do) share one Segment simulator enforcing its default 100 requests/s. 2,000 /profile
 * lookups of 600 crowd customers, in a shuffled order, go round-robin to the four at a total
 * concurrency of 100. Loopback only; stops by itself.
 *
 * Targets: no lookup fails; upstream 429s under 2% of upstream calls; 99% of the lookups answered
 * (p99 completion, from the burst's start) within 1.3× the ideal makespan: upstream calls / 100 per
 * second, the least time the space's limit allows for the calls the burst made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

import { startFunctions } from '../sandbox/functions/start-functions';
import { crowdIdentifiers } from '../sandbox/segment-sim/seed';
import { startSegmentSimulator } from '../sandbox/segment-sim/server';

/** SCALE_OUT_INSTANCES tries another count; the targets are set for four. */
const INSTANCES = Number(process.env.SCALE_OUT_INSTANCES ?? 4);
const LOOKUPS = 2_000;
const CUSTOMERS = 600;
const CONCURRENCY = 100;
/** The simulator's default, Segment's documented limit per space. */
const LIMIT_PER_SECOND = 100;
/** Round trip added to every Segment answer, as the profile-lookup bench does. */
const LATENCY_MS = Number(process.env.SCALE_OUT_LATENCY_MS ?? 200);
const SEGMENT = { SEGMENT_SPACE_ID: 'spa_sandbox', SEGMENT_PROFILE_API_TOKEN: 'sandbox-profile-token' };
const TARGETS = { failed: 0, share429: 0.02, overIdeal: 1.3 };
const HARD_STOP_MS = 300_000;
/** The simulator records this many requests (MAX_RECORDED_REQUESTS in sandbox/segment-sim/server.ts). */
const SIM_RECORDED_MAX = 10_000;
/** serverless/src/profile/service.ts keeps its per-space pacers under Symbol.for(this + a version). */
const REGISTRY_KEY_PREFIX = 'unified-profiles.profile-services';

const say = (line: string) => void process.stdout.write(`${line}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** What one instance saw, from its own log lines and pacer. */
interface InstanceStats {
  lookups: number;
  fromCache: number;
  fromSegment: number;
  shared: number;
  upstreamCalls: number;
  upstream429s: number;
  /** Its pacer's rate (starts/s), sampled every second from the burst's start (0 before its first lookup). */
  rates: number[];
}

// ---------------------------------------------------------------------------------------------
// Child mode: one Functions instance in its own process.

/** The pacers of this process, as getProfileService keeps them: one per space, on globalThis. */
function pacerRates(): number[] {
  type Pacer = { currentRate(): number };
  type Registry = { spaces?: Map<string, { pacer: Pacer }>; pacers?: Map<string, Pacer> };
  const global = globalThis as unknown as Record<symbol, Registry | undefined>;
  const key = Object.getOwnPropertySymbols(globalThis).find((symbol) =>
    symbol.description?.startsWith(REGISTRY_KEY_PREFIX),
  );
  const registry = key ? global[key] : undefined;
  const pacers = [
    ...[...(registry?.spaces?.values() ?? [])].map((guards) => guards.pacer),
    ...(registry?.pacers?.values() ?? []),
  ];
  return pacers.map((pacer) => pacer.currentRate());
}

async function runInstance(simulatorUrl: string): Promise<void> {
  const stats: InstanceStats = {
    lookups: 0,
    fromCache: 0,
    fromSegment: 0,
    shared: 0,
    upstreamCalls: 0,
    upstream429s: 0,
    rates: [],
  };
  let sampler: ReturnType<typeof setInterval> | undefined;
  // The Functions' one-line JSON logs are this bench's counters.
  console.log = (line: unknown) => {
    if (typeof line !== 'string' || !line.startsWith('{')) return;
    let entry: { msg?: string; outcome?: string; source?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    if (entry.msg === 'segment_profile_api') {
      stats.upstreamCalls += 1;
      if (entry.outcome === 'rate_limited') stats.upstream429s += 1;
    } else if (entry.msg === 'profile_lookup') {
      stats.lookups += 1;
      if (entry.source === 'cache') stats.fromCache += 1;
      else if (entry.source === 'segment') stats.fromSegment += 1;
      else if (entry.source === 'shared') stats.shared += 1;
    }
  };
  console.error = () => undefined;
  const functions = await startFunctions({
    port: 0,
    variant: 'sandbox',
    env: { ...SEGMENT, SEGMENT_PROFILE_API_URL: simulatorUrl, UNIFIED_PROFILES_SANDBOX_AUTH: 'true' },
  });
  say(JSON.stringify({ url: functions.url }));
  for await (const command of createInterface({ input: process.stdin })) {
    if (command === 'start') {
      stats.rates = [];
      sampler = setInterval(() => stats.rates.push(round(pacerRates()[0] ?? 0)), 1000);
    } else if (command === 'stats') {
      say(JSON.stringify(stats));
    }
  }
  clearInterval(sampler);
  await functions.close();
}

// ---------------------------------------------------------------------------------------------
// Parent mode.

interface Instance {
  url: string;
  child: ChildProcess;
  /** The next line the child writes. */
  nextLine(): Promise<string>;
}

async function spawnInstance(simulatorUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'instance', simulatorUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) throw new Error('a Functions instance exited early');
    return next.value as string;
  };
  const { url } = JSON.parse(await nextLine()) as { url: string };
  return { url, child, nextLine };
}

async function post(url: string, request: Record<string, unknown>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/profile`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Token: 'sandbox-agent', ...request }),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** The same order on every run: each customer 3 or 4 times, shuffled (mulberry32). */
function lookupOrder(): string[] {
  let seed = 20_260_610;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const order = Array.from(
    { length: LOOKUPS },
    (_, index) => `email:${crowdIdentifiers((index % CUSTOMERS) + 1).email}`,
  );
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

async function main(): Promise<boolean> {
  const simulator = await startSegmentSimulator({ port: 0, faults: { latencyMs: LATENCY_MS } });
  const instances: Instance[] = [];
  try {
    instances.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => spawnInstance(simulator.url)))));
    // Loads each Function's module without touching Segment, so the burst measures lookups, not require().
    await Promise.all(instances.map((instance) => post(instance.url, {})));
    await fetch(`${simulator.url}/__sim/requests`, { method: 'DELETE' });
    for (const instance of instances) instance.child.stdin!.write('start\n');

    const order = lookupOrder();
    const times: number[] = [];
    /** When each lookup was answered, counted from the burst's start. */
    const completions: number[] = [];
    const failedStatuses: number[] = [];
    let next = 0;
    const started = performance.now();
    const startedAt = Date.now();
    const worker = async () => {
      for (let index = next++; index < order.length; index = next++) {
        const lookup = await post(instances[index % INSTANCES].url, { identifier: order[index] });
        times.push(lookup.ms);
        completions.push(performance.now() - started);
        if (lookup.status !== 200) failedStatuses.push(lookup.status);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const makespanMs = performance.now() - started;

    const perInstance = await Promise.all(
      instances.map(async (instance) => {
        instance.child.stdin!.write('stats\n');
        return JSON.parse(await instance.nextLine()) as InstanceStats;
      }),
    );
    const { requests } = (await (await fetch(`${simulator.url}/__sim/requests`)).json()) as {
      requests: Array<{ status: number; at: string }>;
    };
    const loggedCalls = perInstance.reduce((sum, stats) => sum + stats.upstreamCalls, 0);
    const logged429s = perInstance.reduce((sum, stats) => sum + stats.upstream429s, 0);
    // The simulator's record is Segment's side of it; the instances' logs count the same calls from ours.
    const recordComplete = requests.length < SIM_RECORDED_MAX;
    const upstreamCalls = recordComplete ? requests.length : loggedCalls;
    const upstream429s = recordComplete ? requests.filter((request) => request.status === 429).length : logged429s;
    const idealMs = (upstreamCalls / LIMIT_PER_SECOND) * 1000;
    times.sort((a, b) => a - b);
    completions.sort((a, b) => a - b);
    const p99Completion = percentile(completions, 99);
    const fromSegment = perInstance.reduce((sum, stats) => sum + stats.fromSegment, 0);
    const fromCache = perInstance.reduce((sum, stats) => sum + stats.fromCache, 0);
    const seconds = Math.min(...perInstance.map((stats) => stats.rates.length));
    const summedRates = Array.from({ length: seconds }, (_, second) =>
      Math.round(perInstance.reduce((sum, stats) => sum + stats.rates[second], 0)),
    );

    // When the 429s came: the first seconds (every instance starting at its initial rate) or later.
    const perSecond429s: number[] = [];
    for (const request of requests) {
      if (request.status !== 429) continue;
      const second = Math.max(0, Math.floor((Date.parse(request.at) - startedAt) / 1000));
      perSecond429s[second] = (perSecond429s[second] ?? 0) + 1;
    }
    const figures = {
      instances: INSTANCES,
      upstreamLatencyMs: LATENCY_MS,
      lookups: LOOKUPS,
      customers: CUSTOMERS,
      concurrency: CONCURRENCY,
      upstreamCalls,
      upstreamCallsLoggedByInstances: loggedCalls,
      upstream429s,
      upstream429sLoggedByInstances: logged429s,
      upstream429Share: round(upstream429s / upstreamCalls, 4),
      failed: failedStatuses.length,
      failedStatuses: [...new Set(failedStatuses)],
      lookupsFromSegment: fromSegment,
      lookupsFromCache: fromCache,
      lookupsShared: perInstance.reduce((sum, stats) => sum + stats.shared, 0),
      cacheHitRate: round(fromCache / LOOKUPS, 3),
      upstreamCallsPerSegmentLookup: round(loggedCalls / Math.max(1, fromSegment), 2),
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      idealMakespanS: round(idealMs / 1000, 2),
      p99CompletionS: round(p99Completion / 1000, 2),
      makespanS: round(makespanMs / 1000, 2),
      p99CompletionOverIdeal: round(p99Completion / idealMs, 3),
      makespanOverIdeal: round(makespanMs / idealMs, 3),
      achievedUpstreamPerSecond: round(upstreamCalls / (makespanMs / 1000)),
      perInstanceLookupsFromSegment: perInstance.map((stats) => stats.fromSegment),
      perInstance429s: perInstance.map((stats) => stats.upstream429s),
      finalPacerRates: perInstance.map((stats) => stats.rates[stats.rates.length - 1]),
      summedPacerRatesPerSecond: summedRates,
      upstream429sPerSecond: Array.from(perSecond429s, (count) => count ?? 0),
    };
    for (const [name, value] of Object.entries(figures)) say(`${name.padEnd(33)} ${JSON.stringify(value)}`);
    const within =
      figures.failed <= TARGETS.failed &&
      figures.upstream429Share < TARGETS.share429 &&
      figures.p99CompletionOverIdeal <= TARGETS.overIdeal;
    say(
      `targets: failed ${TARGETS.failed}, 429s < ${TARGETS.share429 * 100}% of upstream calls, ` +
        `99% of lookups answered within ${TARGETS.overIdeal}× the ideal makespan: ${within ? 'met' : 'NOT met'}`,
    );
    return within;
  } finally {
    for (const instance of instances) instance.child.stdin!.end();
    await Promise.all(
      instances.map(
        (instance) =>
          new Promise<void>((resolve) => {
            if (instance.child.exitCode !== null) return resolve();
            const kill = setTimeout(() => instance.child.kill(), 5_000);
            instance.child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
          }),
      ),
    );
    await simulator.close();
  }
}

if (process.argv[2] === 'instance') {
  runInstance(process.argv[3]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  const hardStop = setTimeout(() => {
    say(`scale-out bench did not finish in ${HARD_STOP_MS / 1000} s`);
    process.exit(1);
  }, HARD_STOP_MS);
  hardStop.unref();
  main()
    .then((within) => {
      process.exitCode = within ? 0 : 1;
    })
    .catch((error: unknown) => {
      say(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    });
}
