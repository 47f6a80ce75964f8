/**
 * Paces request starts under a space's rate limit (Segment: 100 requests/second per space) and
 * adapts to the 429s it draws: additive increase, multiplicative decrease (AIMD), as TCP shares a
 * link. Per process: each warm Function instance paces itself, with no coordinator; instances
 * sharing a space each back off when the space answers 429, so together they converge on its
 * limit (docs/architecture.md, "Scaling model").
 *
 * - Requests leave evenly spaced at the current rate; a lookup's parallel calls (`burst`) may leave
 *   at once after a lull. A one-second window then holds at most `burst + rate` starts, which the
 *   defaults keep under the limit, with room for arrivals bunching on the way: a lone instance
 *   draws no 429.
 * - Slow start: the rate starts low and, until the first 429, grows by half of itself per second
 *   of accepted requests (20 → 80/s in about 3 s). Instances starting together then overshoot
 *   the space by a little, not by their number times the limit.
 * - A 429 halves the rate, at most once per window (one overshoot draws a 429 for every request
 *   already on its way) and only if Segment accepted something since the last cut, never below
 *   `floor`. Retry-After, when given, holds every start until it
 *   has passed. The halving empties Segment's window quickly and tells instances apart; the rate
 *   then regrows at the slow-start pace to `regainShare` (70%) of what it was, since the space
 *   took nearly that much a moment ago.
 * - From there each accepted request adds a little: `increasePerSecond` per second, up to
 *   `ceiling`, until the next 429.
 * - The rate rises only while it binds (a request waited for its turn within the last window): an
 *   idle instance's rate does not creep up untested.
 */
export interface RequestPacerOptions {
  /** Starts per second at first; default 20% of the limit. */
  initialRate?: number;
  /** Until the first 429, the share of itself the rate gains per second of accepted requests; default 0.5. */
  slowStartGrowth?: number;
  /** Starts per second gained per second of accepted requests after a 429; default 1.5% of the limit. */
  increasePerSecond?: number;
  /** After a cut, the rate regrows at the slow-start pace up to this share of what it was; default 0.7. */
  regainShare?: number;
  /** The most starts per second ever paced; default 80% of the limit. */
  ceiling?: number;
  /** The fewest starts per second after 429s; default 1% of the limit. */
  floor?: number;
  /** Starts that may leave together after a lull; default 8% of the limit (a lookup's parallel calls). */
  burst?: number;
  /** A longer Retry-After is read as this: a Function never runs longer anyway. */
  maxPauseMs?: number;
  now?: () => number;
}

interface Waiter {
  asked: number;
  resolve: (waitedMs: number) => void;
}

export class RequestPacer {
  readonly ceiling: number;
  readonly floor: number;
  readonly burst: number;
  private readonly slowStartGrowth: number;
  private readonly increasePerSecond: number;
  private readonly regainShare: number;
  private readonly maxPauseMs: number;
  private readonly now: () => number;
  private rate: number;
  /** Slow start until the first 429 that counts. */
  private slowStart = true;
  /** After a cut, the rate regrows fast up to this, then additively. */
  private regainTo = 0;
  /** When the next start is due had none been left unused (GCRA's theoretical arrival time). */
  private dueAt = -Infinity;
  private heldUntil = -Infinity;
  private lastCutAt = -Infinity;
  private acceptedSinceCut = false;
  /** When a request last had to wait for its turn: the rate is worth raising only while it binds. */
  private lastHeldBackAt = -Infinity;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param limit requests the space allows per window (Segment: 100)
   * @param windowMs the limit's window (Segment: one second), and the least time between two cuts
   */
  constructor(
    readonly limit = 100,
    readonly windowMs = 1_000,
    options: RequestPacerOptions = {},
  ) {
    const perSecond = (limit * 1000) / windowMs;
    this.ceiling = options.ceiling ?? perSecond * 0.8;
    this.floor = Math.min(this.ceiling, options.floor ?? perSecond * 0.01);
    this.burst = Math.max(1, Math.floor(options.burst ?? perSecond * 0.08));
    this.slowStartGrowth = options.slowStartGrowth ?? 0.5;
    this.increasePerSecond = options.increasePerSecond ?? perSecond * 0.015;
    this.regainShare = options.regainShare ?? 0.7;
    this.maxPauseMs = options.maxPauseMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.rate = this.clamp(options.initialRate ?? perSecond * 0.2);
  }

  /** Starts per second it paces at now. */
  currentRate(): number {
    return this.rate;
  }

  /** Segment accepted a request: raise the rate, if it is what holds requests back. */
  accepted(): void {
    this.acceptedSinceCut = true;
    if (this.now() - this.lastHeldBackAt > this.windowMs) return; // the rate held nothing back of late
    // Per request, so that a second's worth at `rate` adds rate × growth (fast) or increasePerSecond.
    const additive = this.increasePerSecond / this.rate;
    const fast = Math.max(additive, this.slowStartGrowth);
    if (this.slowStart) this.rate = this.clamp(this.rate + fast);
    else if (this.rate < this.regainTo) this.rate = this.clamp(Math.min(this.regainTo, this.rate + fast));
    else this.rate = this.clamp(this.rate + additive);
  }

  /**
   * Segment answered 429: halve the rate, unless it was halved less than a window ago (one overshoot
   * answers 429 to every request already on its way, and the window Segment counts remembers it that
   * long) or Segment has accepted nothing since. Retry-After, in ms, holds every start until it has passed.
   */
  tooFast(retryAfterMs?: number): void {
    const now = this.now();
    if (retryAfterMs !== undefined && retryAfterMs > 0)
      this.heldUntil = Math.max(this.heldUntil, now + Math.min(retryAfterMs, this.maxPauseMs));
    if (now - this.lastCutAt < this.windowMs) return;
    // Refused everything since the last cut: the 429s are not about this rate (the space is taken, or
    // Segment refuses all), and a slower queue would only keep lookups waiting past their budget.
    if (!this.acceptedSinceCut && this.lastCutAt > -Infinity) return;
    this.acceptedSinceCut = false;
    this.slowStart = false;
    this.lastCutAt = now;
    const before = this.rate;
    this.regainTo = before * this.regainShare;
    this.rate = this.clamp(this.rate / 2);
    // What the last starts owe at the old rate they owe at the new one: the cut applies to the very next start.
    if (this.dueAt > now) this.dueAt = now + (this.dueAt - now) * (before / this.rate);
  }

  /** Resolves when the caller may send its request, in the order asked; returns how long it waited in ms. */
  take(): Promise<number> {
    return new Promise((resolve) => {
      this.queue.push({ asked: this.now(), resolve });
      this.release();
    });
  }

  /** How long a request taken now would wait. */
  backlogMs(): number {
    const now = this.now();
    return Math.max(0, this.earliestStart(now) + (this.queue.length * 1000) / this.rate - now);
  }

  /** Starts every waiter that is due, then sets a timer for the next one. */
  private release(): void {
    if (this.timer !== undefined) return; // the timer releases them, at the rate of when it fires
    while (this.queue.length > 0) {
      const now = this.now();
      const startAt = this.earliestStart(now);
      if (startAt > now) {
        this.lastHeldBackAt = now;
        this.timer = setTimeout(
          () => {
            this.timer = undefined;
            this.release();
          },
          Math.ceil(startAt - now),
        );
        return;
      }
      // Measured from the real start: an event loop that woke late does not owe the time it lost.
      this.dueAt = Math.max(this.dueAt, now) + 1000 / this.rate;
      const waiter = this.queue.shift() as Waiter;
      waiter.resolve(now - waiter.asked);
    }
  }

  /** GCRA: a start may leave up to `burst - 1` intervals ahead of schedule, and never while held. */
  private earliestStart(now: number): number {
    const ahead = ((this.burst - 1) * 1000) / this.rate;
    return Math.max(now, this.dueAt - ahead, this.heldUntil);
  }

  private clamp(rate: number): number {
    return Math.min(this.ceiling, Math.max(this.floor, rate));
  }
}
