import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  handleType,
  SamplingBreaker,
  type CircuitBreakerPolicy,
} from 'cockatiel';

import { ApiError } from '../http/api-error';

/** What a Profile API call failed with when Segment itself is the trouble: no answer, a 5xx, a broken body. */
export class SegmentOutage extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'SegmentOutage';
  }
}

/** How long lookups fail at once after the breaker opens, before one call probes Segment again. */
export const BREAKER_COOL_DOWN_MS = 5_000;

/**
 * A circuit breaker for one space (cockatiel's): when most Profile API calls of the last 10 s failed
 * for Segment's own reasons (and there were a few a second to judge by), calls fail at once for
 * 5 s, then one call probes and a success closes it. 404s, 4xx and 429s are answers, not outages:
 * they never open it, and neither do occasional 5xx (a 30% error rate stays closed).
 */
export function createSegmentBreaker(coolDownMs = BREAKER_COOL_DOWN_MS): CircuitBreakerPolicy {
  return circuitBreaker(handleType(SegmentOutage), {
    halfOpenAfter: coolDownMs,
    breaker: new SamplingBreaker({ threshold: 0.8, duration: 10_000, minimumRps: 1 }),
  });
}

/** The answer while the breaker is open: the same named error as an outage, at once. */
export function degradedError(): ApiError {
  return new ApiError(
    503,
    'segment_unavailable',
    'Segment has not been answering, so lookups fail at once for a few seconds before it is tried again.',
    { error: { degraded: true } },
  );
}

export const isBrokenCircuit = (error: unknown) => error instanceof BrokenCircuitError;

/** The breaker's state as the Unify view reports it. */
export interface SegmentHealth {
  degraded: boolean;
  /** When the breaker last opened (ISO), while it is not closed. */
  since: string | null;
}

/** Follows one breaker's state changes, for the Unify view. */
export function watchHealth(breaker: CircuitBreakerPolicy): () => SegmentHealth {
  let since: string | null = null;
  breaker.onStateChange((state) => {
    if (state === CircuitState.Open && !since) since = new Date().toISOString();
    if (state === CircuitState.Closed) since = null;
  });
  return () => ({ degraded: breaker.state !== CircuitState.Closed, since });
}
