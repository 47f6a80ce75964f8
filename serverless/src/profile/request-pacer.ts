/**
 * Keeps request starts within a space's rate limit (Segment: 100 requests/second per space) with
 * a sliding window: up to `limit` starts in any `windowMs`. One lookup's parallel calls leave at
 * once; a burst beyond the limit waits its turn here instead of drawing 429s. Per process: each
 * warm Function instance paces itself.
 */
export class RequestPacer {
  /** Start times of the last `limit` requests, ascending (some may lie in the future: queued). */
  private readonly starts: number[] = [];

  constructor(
    readonly limit = 100,
    // A little over a second, so arrival jitter cannot put 101 requests in Segment's window.
    readonly windowMs = 1_050,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when the caller may send its request; returns how long it waited in ms. */
  async take(): Promise<number> {
    const now = this.now();
    let slot = Math.max(now, this.starts[this.starts.length - 1] ?? now);
    if (this.starts.length >= this.limit)
      slot = Math.max(slot, this.starts[this.starts.length - this.limit] + this.windowMs);
    this.starts.push(slot);
    if (this.starts.length > this.limit) this.starts.shift();
    const wait = slot - now;
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    return wait;
  }

  /** How long a request taken now would wait. */
  backlogMs(): number {
    if (this.starts.length < this.limit) return Math.max(0, (this.starts[this.starts.length - 1] ?? 0) - this.now());
    return Math.max(0, this.starts[this.starts.length - this.limit] + this.windowMs - this.now());
  }
}
