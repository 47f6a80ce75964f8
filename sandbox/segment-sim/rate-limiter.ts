/** Segment's 100 requests per second per space, as a sliding one-second window. */
export class SlidingWindowLimiter {
  private readonly starts: number[] = [];

  constructor(private readonly perSecond: number) {}

  /** True when the request may go ahead; false when it is one too many this second. */
  tryAcquire(now = Date.now()): boolean {
    while (this.starts.length > 0 && this.starts[0] <= now - 1000) this.starts.shift();
    if (this.starts.length >= this.perSecond) return false;
    this.starts.push(now);
    return true;
  }
}
