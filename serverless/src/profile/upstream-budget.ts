/**
 * Time one lookup may spend waiting on Segment: the union of the intervals in which at least
 * one of its calls was in flight or backing off. Parallel calls do not add up, and time spent
 * queued behind the pacer (a queue that moves) is not counted.
 */
export class UpstreamBudget {
  private active = 0;
  private activeSince = 0;
  private spent = 0;
  /** HTTP requests this lookup sent to Segment, retries included. */
  requests = 0;
  private readonly controller = new AbortController();
  /** Aborted once the lookup has failed: its other calls stop instead of retrying for nothing. */
  readonly signal = this.controller.signal;

  abandon(): void {
    this.controller.abort();
  }

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` as time charged to the budget. */
  async charge<T>(work: () => Promise<T>): Promise<T> {
    if (this.active++ === 0) this.activeSince = this.now();
    try {
      return await work();
    } finally {
      if (--this.active === 0) this.spent += this.now() - this.activeSince;
    }
  }

  spentMs(): number {
    return this.spent + (this.active > 0 ? this.now() - this.activeSince : 0);
  }

  remainingMs(): number {
    return Math.max(0, this.totalMs - this.spentMs());
  }
}
