/**
 * Spaces request starts evenly at a space's rate limit (Segment: 100 requests/second per space),
 * so a burst waits in line here instead of drawing 429s. Per process: each warm Function
 * instance paces itself.
 */
export class RequestPacer {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.intervalMs = 1000 / requestsPerSecond;
  }

  /** Resolves when the caller may send its request; returns how long it waited. */
  async take(): Promise<number> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    const wait = slot - now;
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    return wait;
  }

  /** How long a request taken now would wait. */
  backlogMs(): number {
    return Math.max(0, this.nextSlot - this.now());
  }
}
