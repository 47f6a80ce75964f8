/** How the per-space limit is counted: Segment documents the rate (100/s), not the algorithm. */
export type RateLimitStrategy = 'sliding-window' | 'token-bucket';

export interface RateLimiter {
  /** True when the request may go ahead; false when it is one too many. */
  tryAcquire(now?: number): boolean;
}

/** At most `perSecond` requests in any one-second window. */
export class SlidingWindowLimiter implements RateLimiter {
  private readonly starts: number[] = [];

  constructor(private readonly perSecond: number) {}

  tryAcquire(now = Date.now()): boolean {
    while (this.starts.length > 0 && this.starts[0] <= now - 1000) this.starts.shift();
    if (this.starts.length >= this.perSecond) return false;
    this.starts.push(now);
    return true;
  }
}

/** A bucket of `perSecond` tokens refilled continuously: allows a full burst, then the steady rate. */
export class TokenBucketLimiter implements RateLimiter {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = perSecond;
    this.refilledAt = now;
  }

  tryAcquire(now = Date.now()): boolean {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function createRateLimiter(perSecond: number, strategy: RateLimitStrategy = 'sliding-window'): RateLimiter {
  return strategy === 'token-bucket' ? new TokenBucketLimiter(perSecond) : new SlidingWindowLimiter(perSecond);
}
