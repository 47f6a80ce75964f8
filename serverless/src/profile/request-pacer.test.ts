import { RequestPacer } from './request-pacer';
import { UpstreamBudget } from './upstream-budget';

describe('RequestPacer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets a lookup-sized group leave at once and queues a burst beyond the limit per window', async () => {
    const pacer = new RequestPacer(3, 1000);
    const waits = Promise.all(Array.from({ length: 7 }, () => pacer.take()));
    await jest.advanceTimersByTimeAsync(5000);
    expect(await waits).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('never lets more than the limit start within one window (100 per 1.1 s by default)', async () => {
    const pacer = new RequestPacer();
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 350 }, () => pacer.take().then(() => starts.push(Date.now()))));
    await jest.advanceTimersByTimeAsync(10_000);
    await all;
    for (let i = 100; i < starts.length; i += 1) expect(starts[i] - starts[i - 100]).toBeGreaterThanOrEqual(1000);
    expect(starts[349] - starts[0]).toBeLessThanOrEqual(3 * 1100 + 10);
  });

  it('leaves more room after a 429 and drifts back as requests go through', () => {
    const pacer = new RequestPacer(100, 1000);
    pacer.tooFast();
    pacer.tooFast();
    expect(pacer.currentWindowMs()).toBe(1200);
    for (let i = 0; i < 100; i += 1) pacer.accepted();
    expect(pacer.currentWindowMs()).toBe(1000);
    for (let i = 0; i < 30; i += 1) pacer.tooFast();
    expect(pacer.currentWindowMs()).toBe(2000);
  });

  it('frees slots as time passes', async () => {
    const pacer = new RequestPacer(2, 1000);
    await pacer.take();
    await pacer.take();
    expect(pacer.backlogMs()).toBe(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(pacer.backlogMs()).toBe(0);
    expect(await pacer.take()).toBe(0);
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
