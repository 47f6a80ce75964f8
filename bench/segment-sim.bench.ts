/**
 * The Segment simulator: start-up time and memory for 1,000 and 100,000 customers (each in a fresh
 * process, so one measurement does not inherit the other's heap), and the requests per second the
 * traits route sustains on loopback with the rate limit lifted. Bounded: it stops by itself.
 */
import { spawnSync } from 'node:child_process';

import { startSegmentSimulator } from '../sandbox/segment-sim/server';

const AUTH = `Basic ${Buffer.from('sandbox-profile-token:').toString('base64')}`;
const THROUGHPUT_SECONDS = 5;
const CONCURRENCY = 16;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const traitsUrl = (base: string, userId: string, query = '') =>
  `${base}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:${userId}/traits${query}`;

async function timedGet(url: string): Promise<[number, number]> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Authorization: AUTH } });
  await response.arrayBuffer();
  return [performance.now() - started, response.status];
}

/** Child mode: one start-up, measured from a fresh process. */
async function measureStartup(customers: number) {
  const baseline = process.memoryUsage();
  const started = performance.now();
  const simulator = await startSegmentSimulator({ port: 0, customers });
  const startupMs = performance.now() - started;
  const afterStart = process.memoryUsage();
  // The first lookup of a generated customer pays for deriving it; the second is served from the cache.
  const last = `usr_sim_${customers - 1}`;
  const [firstMs, status] = await timedGet(traitsUrl(simulator.url, last));
  const [cachedMs] = await timedGet(traitsUrl(simulator.url, last));
  console.log(
    `${customers.toLocaleString('en')} customers: start-up ${startupMs.toFixed(0)} ms; ` +
      `heap ${mb(afterStart.heapUsed)} (+${mb(afterStart.heapUsed - baseline.heapUsed)}), RSS ${mb(afterStart.rss)}; ` +
      `last customer's first lookup ${firstMs.toFixed(1)} ms (${status}), then ${cachedMs.toFixed(1)} ms`,
  );
  // Fill the cache of derived customers (5,000) to see the ceiling a long session reaches.
  const touched = Math.min(customers, 5000);
  const fillStarted = performance.now();
  for (let batch = 0; batch < touched; batch += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, touched - batch) }, (_, offset) =>
        timedGet(
          `${simulator.url}/v1/spaces/spa_sandbox/collections/users/profiles/anonymous_id:anon-sim-${batch + offset}/traits`,
        ),
      ),
    );
  }
  const full = process.memoryUsage();
  console.log(
    `  after ${touched.toLocaleString('en')} distinct customers looked up (${(performance.now() - fillStarted).toFixed(0)} ms): ` +
      `heap ${mb(full.heapUsed)}, RSS ${mb(full.rss)}`,
  );
  await simulator.close();
}

/** Closed-loop clients on loopback for a fixed time, in the simulator's own process (both share the CPU). */
async function measureThroughput() {
  const simulator = await startSegmentSimulator({
    port: 0,
    customers: 1000,
    rateLimitPerSecond: Number.MAX_SAFE_INTEGER,
  });
  const deadline = Date.now() + THROUGHPUT_SECONDS * 1000;
  const latencies: number[] = [];
  const client = async (id: number) => {
    for (let index = id; Date.now() < deadline; index += CONCURRENCY) {
      // Every seventh crowd member has no user_id; skip those so every request is a 200.
      const member = index % 900;
      const [ms, status] = await timedGet(
        traitsUrl(simulator.url, `usr_sim_${member % 7 === 3 ? member + 1 : member}`, '?limit=50'),
      );
      if (status !== 200) throw new Error(`traits answered ${status}`);
      latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => client(id)));
  latencies.sort((a, b) => a - b);
  const p = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
  console.log(
    `traits route (limit=50): ${(latencies.length / THROUGHPUT_SECONDS).toFixed(0)} requests/s over ${THROUGHPUT_SECONDS} s, ` +
      `${CONCURRENCY} concurrent clients in the same process; p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms`,
  );
  await simulator.close();
}

async function main() {
  const mode = process.argv[2];
  if (mode === 'startup') return measureStartup(Number(process.argv[3]));
  for (const customers of [1_000, 100_000]) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, 'startup', String(customers)], {
      stdio: 'inherit',
      timeout: 60_000,
    });
    if (child.status !== 0) throw new Error(`the ${customers}-customer start-up failed`);
  }
  await measureThroughput();
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
