import { RequestPacer } from './request-pacer';
import { UpstreamBudget } from './upstream-budget';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('RequestPacer', () => {
  describe('rate (AIMD, on an injected clock)', () => {
    // Timers are faked only so that queued requests (the rate rises only while some wait) never leave.
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => {
      jest.clearAllTimers();
      jest.useRealTimers();
    });
    const queueUp = (pacer: RequestPacer, count: number) => {
      for (let i = 0; i < count; i += 1) void pacer.take();
    };

    it('starts low, with a ceiling and a burst that keep a window under the limit', () => {
      const pacer = new RequestPacer(100);
      expect(pacer.currentRate()).toBe(20);
      expect(pacer.ceiling).toBe(80);
      expect(pacer.burst).toBe(8);
      // A window never holds more than 88 of its starts: room under 100 for arrivals bunching on the way.
      expect(pacer.burst + pacer.ceiling).toBe(88);
      expect(pacer.floor).toBe(1);
    });

    it('slow start: grows by half of itself per second of accepted requests until the first 429', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now });
      for (let i = 0; i < 20; i += 1) pacer.accepted();
      expect(pacer.currentRate()).toBe(20); // nothing waits: the rate is not what holds anything back
      queueUp(pacer, 100); // 8 leave, 92 wait
      for (let i = 0; i < 20; i += 1) pacer.accepted(); // a second's worth at 20/s
      expect(pacer.currentRate()).toBe(30);
      for (let i = 0; i < 30; i += 1) pacer.accepted();
      expect(pacer.currentRate()).toBe(45);
      for (let i = 0; i < 1_000; i += 1) pacer.accepted();
      expect(pacer.currentRate()).toBe(80); // the ceiling, in a few seconds
    });

    it('rises only while it binds: not when nothing has waited for its turn within a window', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now });
      queueUp(pacer, 10); // 8 leave, 2 wait
      clock.advance(1000);
      pacer.accepted();
      expect(pacer.currentRate()).toBe(20.5);
      clock.advance(1);
      pacer.accepted();
      expect(pacer.currentRate()).toBe(20.5);
    });

    it('after a 429, regains 70% of the rate it had at the slow-start pace, then rises additively to the ceiling', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now, initialRate: 80 });
      queueUp(pacer, 100);
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(40);
      for (let i = 0; i < 32; i += 1) pacer.accepted(); // 0.5 each: half of itself per second's worth…
      expect(pacer.currentRate()).toBeCloseTo(56, 9); // …up to 70% of 80
      pacer.accepted();
      expect(pacer.currentRate()).toBeCloseTo(56 + 1.5 / 56, 5); // then additively
      // A second's worth of accepted requests at 56/s adds about increasePerSecond (1.5).
      for (let i = 0; i < 55; i += 1) pacer.accepted();
      expect(pacer.currentRate()).toBeCloseTo(57.5, 1);
      for (let i = 0; i < 100_000; i += 1) pacer.accepted();
      expect(pacer.currentRate()).toBe(80);
    });

    it('halves on a 429, once per window however many 429s the overshoot drew', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now, initialRate: 80 });
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(40);
      clock.advance(500);
      pacer.tooFast(); // requests sent before the cut come back 429 too: one signal
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(40);
      pacer.accepted(); // (nothing waits: the rate stays)
      clock.advance(500);
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(20);
    });

    it('cuts no further while Segment accepts nothing: those 429s are not about its rate', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now, initialRate: 80 });
      for (let second = 0; second < 5; second += 1) {
        pacer.tooFast();
        clock.advance(1000);
      }
      expect(pacer.currentRate()).toBe(40); // a slower queue would only keep lookups waiting past their budget
      pacer.accepted();
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(20);
    });

    it('never drops below the floor, and recovers from it additively', () => {
      const clock = manualClock();
      const pacer = new RequestPacer(100, 1000, { now: clock.now, floor: 5 });
      for (let i = 0; i < 10; i += 1) {
        pacer.accepted();
        pacer.tooFast();
        clock.advance(1000);
      }
      expect(pacer.currentRate()).toBe(5);
      queueUp(pacer, 20);
      for (let i = 0; i < 5; i += 1) pacer.accepted(); // a second at 5/s: about 1.5 more
      expect(pacer.currentRate()).toBeGreaterThan(6.3);
      expect(pacer.currentRate()).toBeLessThan(6.5);
    });

    it('scales its defaults with the limit and window it is given', () => {
      const pacer = new RequestPacer(1, 50); // 1 per 50 ms: 20/s
      expect(pacer.currentRate()).toBe(4);
      expect(pacer.ceiling).toBe(16);
      expect(pacer.burst).toBe(1);
    });
  });

  describe('take (fake timers)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    async function startTimes(pacer: RequestPacer, count: number, runMs: number): Promise<number[]> {
      const origin = Date.now();
      const starts: number[] = [];
      const all = Promise.all(Array.from({ length: count }, () => pacer.take().then(() => starts.push(Date.now()))));
      await jest.advanceTimersByTimeAsync(runMs);
      await all;
      return starts.map((at) => at - origin);
    }

    it("lets a lookup's parallel calls leave at once, then spaces the rest at the rate", async () => {
      const pacer = new RequestPacer(100, 1000, { initialRate: 50, burst: 7 });
      const starts = await startTimes(pacer, 10, 1000);
      expect(starts.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(starts.slice(7)).toEqual([20, 40, 60]);
    });

    it('reports how long each caller waited, in the order they asked', async () => {
      const pacer = new RequestPacer(100, 1000, { initialRate: 10, burst: 2 });
      const waits = Promise.all(Array.from({ length: 4 }, () => pacer.take()));
      await jest.advanceTimersByTimeAsync(1000);
      expect(await waits).toEqual([0, 0, 100, 200]);
    });

    it('never lets more than burst + rate start in any one-second window, well under the limit', async () => {
      const pacer = new RequestPacer(100, 1000, { initialRate: 80 });
      const starts = await startTimes(pacer, 400, 10_000);
      const most = Math.max(...starts.map((at) => starts.filter((other) => other >= at && other < at + 1000).length));
      expect(most).toBeLessThanOrEqual(pacer.burst + 80 + 1);
      expect(most).toBeLessThan(100);
      expect(starts[399]).toBeLessThanOrEqual(((400 - pacer.burst) / 80) * 1000 + 50); // and no slower than the rate
    });

    it('slows queued requests at once when a 429 halves the rate', async () => {
      const pacer = new RequestPacer(100, 1000, { initialRate: 40, burst: 1 });
      const origin = Date.now();
      const starts: number[] = [];
      const all = Promise.all(
        Array.from({ length: 4 }, () => pacer.take().then(() => starts.push(Date.now() - origin))),
      );
      await jest.advanceTimersByTimeAsync(30); // two have left, 25 ms apart; the third is due at 50
      pacer.tooFast();
      await jest.advanceTimersByTimeAsync(1000);
      await all;
      // The 20 ms still owed at 40/s are 40 ms at 20/s: the third leaves at 70, then every 50 ms.
      expect(starts).toEqual([0, 25, 70, 120]);
    });

    it('starts nothing before Retry-After has passed, and caps an absurd one', async () => {
      const pacer = new RequestPacer(100, 1000, { maxPauseMs: 5_000 });
      await pacer.take();
      pacer.tooFast(2_000);
      let waited: number | undefined;
      void pacer.take().then((ms) => (waited = ms));
      await jest.advanceTimersByTimeAsync(1_999);
      expect(waited).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(waited).toBe(2_000);
      pacer.tooFast(3_600_000);
      expect(pacer.backlogMs()).toBe(5_000);
    });

    it('holds nothing after a 429 without Retry-After: a retry waits the back-off the client chose', async () => {
      const pacer = new RequestPacer(100, 1000, { initialRate: 80 });
      await pacer.take();
      pacer.tooFast();
      expect(pacer.currentRate()).toBe(40);
      expect(pacer.backlogMs()).toBeLessThanOrEqual(25);
      expect(await pacer.take()).toBe(0); // within the burst
    });

    it('measures from when a late-woken request really left', async () => {
      let now = 0;
      const pacer = new RequestPacer(100, 1000, { initialRate: 10, burst: 1, now: () => now });
      await pacer.take(); // at 0; the next is due at 100
      now = 400; // the event loop was busy: nothing left in between
      expect(await pacer.take()).toBe(0);
      expect(pacer.backlogMs()).toBe(100); // spaced from 400, not owed the 300 ms lost
    });

    it('converges on a shared limit with instances that pace on their own (AIMD)', async () => {
      // Four instances, each with more work than the space allows, against a 100/s sliding window
      // like Segment's; round trips of 10-30 ms (seeded). Each 429 halves only the instance that drew it.
      const window: number[] = [];
      const admit = (at: number) => {
        while (window.length > 0 && window[0] <= at - 1000) window.shift();
        if (window.length >= 100) return false;
        window.push(at);
        return true;
      };
      let seed = 7;
      const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646; // Lehmer
      const halfTrip = () => new Promise((resolve) => setTimeout(resolve, 5 + random() * 10));
      const pacers = Array.from({ length: 4 }, () => new RequestPacer(100));
      const outcomes: Array<{ at: number; instance: number; ok: boolean }> = [];
      const origin = Date.now();
      const worker = async (instance: number) => {
        const pacer = pacers[instance];
        while (Date.now() < origin + 40_000) {
          await pacer.take();
          await halfTrip();
          const ok = admit(Date.now());
          await halfTrip();
          outcomes.push({ at: Date.now() - origin, instance, ok });
          if (ok) pacer.accepted();
          else pacer.tooFast();
        }
      };
      const all = Promise.all(pacers.flatMap((_, instance) => Array.from({ length: 8 }, () => worker(instance))));
      await jest.advanceTimersByTimeAsync(41_000);
      await all;

      const share429 = (list: typeof outcomes) => list.filter((outcome) => !outcome.ok).length / list.length;
      expect(share429(outcomes)).toBeLessThan(0.02); // slow start: no storm when all four start at once
      const steady = outcomes.filter((outcome) => outcome.at >= 10_000 && outcome.at < 40_000);
      const accepted = steady.filter((outcome) => outcome.ok);
      expect(accepted.length / 30).toBeGreaterThan(85); // per second: near the space's limit…
      expect(accepted.length / 30).toBeLessThanOrEqual(100); // …and never over it
      expect(share429(steady)).toBeLessThan(0.01);
      for (let instance = 0; instance < 4; instance += 1) {
        // Each gets a fair part, none starves.
        const own = accepted.filter((outcome) => outcome.instance === instance).length;
        expect(own / accepted.length).toBeGreaterThan(0.15);
      }
      const total = pacers.reduce((sum, pacer) => sum + pacer.currentRate(), 0);
      expect(total).toBeGreaterThan(50);
      expect(total).toBeLessThan(130);
    });
  });
});

describe('UpstreamBudget', () => {
  it('counts overlapping calls once and idle time not at all', async () => {
    let now = 0;
    const budget = new UpstreamBudget(1000, () => now);
    let finishA!: () => void;
    let finishB!: () => void;
    const a = budget.charge(() => new Promise<void>((resolve) => (finishA = resolve)));
    now = 100;
    const b = budget.charge(() => new Promise<void>((resolve) => (finishB = resolve)));
    now = 300;
    finishA();
    await a;
    now = 400;
    finishB();
    await b;
    expect(budget.spentMs()).toBe(400);
    now = 5000; // queued or idle: not charged
    expect(budget.remainingMs()).toBe(600);
  });
});
