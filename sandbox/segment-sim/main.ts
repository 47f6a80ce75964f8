/** The Segment simulator on its own: `npx tsx sandbox/segment-sim/main.ts` (npm start runs it for you). */
import { faultsFromEnv } from './faults';
import { startSegmentSimulator } from './server';

const env = process.env;

startSegmentSimulator({
  port: Number(env.SEGMENT_SIM_PORT ?? 3002),
  spaceId: env.SEGMENT_SPACE_ID || undefined,
  profileToken: env.SEGMENT_PROFILE_API_TOKEN || undefined,
  writeKey: env.SEGMENT_WRITE_KEY || undefined,
  customers: env.SEGMENT_SIM_CUSTOMERS ? Number(env.SEGMENT_SIM_CUSTOMERS) : undefined,
  seed: env.SEGMENT_SIM_SEED ? Number(env.SEGMENT_SIM_SEED) : undefined,
  rateLimitPerSecond: env.SEGMENT_SIM_RATE_LIMIT ? Number(env.SEGMENT_SIM_RATE_LIMIT) : undefined,
  trackingRateLimitPerSecond: env.SEGMENT_SIM_TRACKING_RATE_LIMIT
    ? Number(env.SEGMENT_SIM_TRACKING_RATE_LIMIT)
    : undefined,
  rateLimitStrategy: env.SEGMENT_SIM_RATE_LIMIT_STRATEGY === 'token-bucket' ? 'token-bucket' : undefined,
  faults: faultsFromEnv(env),
}).then(
  (simulator) => console.log(`Segment simulator on ${simulator.url}`),
  (error: Error) => {
    console.error(`The Segment simulator could not start: ${error.message}`);
    process.exit(1);
  },
);
