/**
 * Keeps request starts within a space's rate limit (Segment: 100 requests/second per space) with
 * a sliding window: up to `limit` starts in any `windowMs`. One lookup's parallel calls leave at
 * once; a burst beyond the limit waits its turn here instead of drawing 429s. Per process: each
 * warm Function instance paces itself.
 */
export class RequestPacer {
  /** Start times of the last `limit` requests, ascending (some may lie in the future: queued). */
  private readonly starts: number[] = [];
  private windowMs: number;

  constructor(
    readonly limit = 100,
    // Over a second: Segment counts arrivals, which trail our starts by a varying few ms.
    private readonly baseWindowMs = 1_100,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = baseWindowMs;
  }

  /** Segment answered 429 anyway (its clock saw our starts closer together): leave more room. */
  tooFast(): void {
    this.windowMs = Math.min(this.baseWindowMs * 2, this.windowMs + 100);
  }

  /** A request went through: drift back towards the base window. */
  accepted(): void {
    if (this.windowMs > this.baseWindowMs) this.windowMs = Math.max(this.baseWindowMs, this.windowMs - 5);
  }

  currentWindowMs(): number {
    return this.windowMs;
  }

  /** Resolves when the caller may send its request; returns how long it waited in ms. */
  async take(): Promise<number> {
    const asked = this.now();
    let slot = Math.max(asked, this.starts[this.starts.length - 1] ?? asked);
    if (this.starts.length >= this.limit)
      slot = Math.max(slot, this.starts[this.starts.length - this.limit] + this.windowMs);
    this.starts.push(slot);
    if (this.starts.length > this.limit) this.starts.shift();
    if (slot - asked < 1) return 0;
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(slot - asked)));
    const started = this.now();
    if (started > slot) this.recordLateStart(slot, started);
    return started - asked;
  }

  /** A busy event loop wakes a queued request late: measure later windows from when it really left. */
  private recordLateStart(slot: number, started: number): void {
    const index = this.starts.indexOf(slot);
    if (index === -1) return;
    this.starts[index] = started;
    for (let next = index + 1; next < this.starts.length; next += 1) {
      this.starts[next] = Math.max(this.starts[next], this.starts[next - 1]); // keep them ascending
    }
  }

  /** How long a request taken now would wait. */
  backlogMs(): number {
    if (this.starts.length < this.limit) return Math.max(0, (this.starts[this.starts.length - 1] ?? 0) - this.now());
    return Math.max(0, this.starts[this.starts.length - this.limit] + this.windowMs - this.now());
  }
}
