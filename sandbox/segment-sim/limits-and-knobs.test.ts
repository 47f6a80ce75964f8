import { chooseFault, faultsFromEnv, NO_FAULTS } from './faults';
import { SlidingWindowLimiter, TokenBucketLimiter } from './rate-limiter';
import { startSegmentSimulator } from './server';

describe('rate limiters', () => {
  it('lets a sliding window take its rate in any second, and no more', () => {
    const limiter = new SlidingWindowLimiter(3);
    expect([0, 10, 20, 30].map((at) => limiter.tryAcquire(at))).toEqual([true, true, true, false]);
    expect(limiter.tryAcquire(999)).toBe(false);
    expect(limiter.tryAcquire(1000)).toBe(true);
  });

  it('lets a token bucket take a burst, then refill at the rate', () => {
    const limiter = new TokenBucketLimiter(10, 0);
    const burst = Array.from({ length: 11 }, () => limiter.tryAcquire(0));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(limiter.tryAcquire(50)).toBe(false);
    expect(limiter.tryAcquire(100)).toBe(true);
  });
});

describe('fault settings', () => {
  it('reads the SEGMENT_SIM_* variables', () => {
    expect(
      faultsFromEnv({
        SEGMENT_SIM_LATENCY_MS: '120',
        SEGMENT_SIM_JITTER_MS: '30',
        SEGMENT_SIM_ERROR_RATES: '429:0.1, 503:0.05, 418:1',
        SEGMENT_SIM_DROP_RATE: '0.01',
        SEGMENT_SIM_SLOW_BODY_MS: '800',
        SEGMENT_SIM_MALFORMED_RATE: '0.02',
        SEGMENT_SIM_TRUNCATED_RATE: '0.03',
        SEGMENT_SIM_RETRY_AFTER_SECONDS: '2',
        SEGMENT_SIM_FAULT_PATH: '/events',
      }),
    ).toEqual({
      latencyMs: 120,
      jitterMs: 30,
      errorRates: { '429': 0.1, '503': 0.05 },
      dropRate: 0.01,
      slowBodyMs: 800,
      malformedJsonRate: 0.02,
      truncatedPageRate: 0.03,
      retryAfterSeconds: 2,
      pathFilter: '/events',
    });
    expect(faultsFromEnv({})).toEqual({ errorRates: {} });
  });

  it('takes the queue first, then the rates in order', () => {
    const settings = { ...NO_FAULTS, next: [502 as const], errorRates: { '500': 0.5 }, dropRate: 0.1 };
    expect(chooseFault(settings, '/v1/track', () => 0)).toBe(502);
    expect(settings.next).toEqual([]);
    expect(chooseFault(settings, '/v1/track', () => 0.05)).toBe('drop');
    expect(chooseFault(settings, '/v1/track', () => 0.3)).toBe(500);
    expect(chooseFault(settings, '/v1/track', () => 0.9)).toBeUndefined();
  });
});

describe('the forced-answer queue from the environment', () => {
  it('reads SEGMENT_SIM_NEXT, ignoring what it does not know', () => {
    expect(faultsFromEnv({ SEGMENT_SIM_NEXT: '503, drop,teapot,429,slow' }).next).toEqual([503, 'drop', 429, 'slow']);
  });
});

describe('start-up options', () => {
  it.each([[-1], [1.5], [2_000_000], [Number.NaN]])('refuses %s customers', async (customers) => {
    await expect(startSegmentSimulator({ port: 0, customers })).rejects.toThrow(/customers/);
  });
});
