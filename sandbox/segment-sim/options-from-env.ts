import { faultsFromEnv } from './faults';
import type { SimulatorOptions } from './server';

const numberOrUndefined = (value: string | undefined) => (value ? Number(value) : undefined);

/** The simulator's settings from SEGMENT_* and SEGMENT_SIM_* variables: one reading for the CLI and `npm start`. */
export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): SimulatorOptions {
  return {
    port: Number(env.SEGMENT_SIM_PORT ?? 3002),
    spaceId: env.SEGMENT_SPACE_ID || undefined,
    profileToken: env.SEGMENT_PROFILE_API_TOKEN || undefined,
    writeKey: env.SEGMENT_WRITE_KEY || undefined,
    customers: numberOrUndefined(env.SEGMENT_SIM_CUSTOMERS),
    seed: numberOrUndefined(env.SEGMENT_SIM_SEED),
    rateLimitPerSecond: numberOrUndefined(env.SEGMENT_SIM_RATE_LIMIT),
    trackingRateLimitPerSecond: numberOrUndefined(env.SEGMENT_SIM_TRACKING_RATE_LIMIT),
    rateLimitStrategy: env.SEGMENT_SIM_RATE_LIMIT_STRATEGY === 'token-bucket' ? 'token-bucket' : undefined,
    faults: faultsFromEnv(env),
    unknownSpace: env.SEGMENT_SIM_UNKNOWN_SPACE === 'not_found' ? 'not_found' : undefined,
    missingIdentity: env.SEGMENT_SIM_MISSING_IDENTITY === 'bad_request' ? 'bad_request' : undefined,
    totalOutbounds: env.SEGMENT_SIM_TOTAL_OUTBOUNDS === 'true' || undefined,
  };
}
