/** The Segment simulator: start-up time and memory for 1,000 and 100,000 customers, and requests per second. */
import { startSegmentSimulator } from '../sandbox/segment-sim/server';

const AUTH = `Basic ${Buffer.from('sandbox-profile-token:').toString('base64')}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function startup(customers: number) {
  global.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const simulator = await startSegmentSimulator({ port: 0, customers });
  const elapsed = performance.now() - started;
  // The first lookup of a generated customer, and one near the end of the crowd.
  const first = performance.now();
  const response = await fetch(
    `${simulator.url}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:usr_sim_${customers - 1}/traits`,
    {
      headers: { Authorization: AUTH },
    },
  );
  const firstLookup = performance.now() - first;
  const after = process.memoryUsage();
  console.log(
    `${customers.toLocaleString('en')} customers: start-up ${elapsed.toFixed(0)} ms, first lookup ${firstLookup.toFixed(1)} ms (${response.status}), ` +
      `heap +${mb(after.heapUsed - before.heapUsed)}, RSS ${mb(after.rss)}`,
  );
  await simulator.close();
}

/** Closed-loop clients on loopback for a fixed time; the rate limit is lifted for the measurement. */
async function throughput(seconds: number, concurrency: number) {
  const simulator = await startSegmentSimulator({
    port: 0,
    customers: 1000,
    rateLimitPerSecond: Number.MAX_SAFE_INTEGER,
  });
  const deadline = Date.now() + seconds * 1000;
  let completed = 0;
  const client = async (id: number) => {
    for (let index = id; Date.now() < deadline; index += concurrency) {
      const response = await fetch(
        `${simulator.url}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:usr_sim_${index % 900}/traits?limit=50`,
        { headers: { Authorization: AUTH } },
      );
      await response.arrayBuffer();
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => client(id)));
  console.log(
    `traits route: ${(completed / seconds).toFixed(0)} requests/s (${concurrency} concurrent clients, same process)`,
  );
  await simulator.close();
}

async function main() {
  await startup(1_000);
  await startup(100_000);
  await throughput(5, 16);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
