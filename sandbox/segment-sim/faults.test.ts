import { DEMO_CUSTOMERS } from '../demo/customers';
import { simulatorForTest } from './test-client';

const ana = DEMO_CUSTOMERS.find((customer) => customer.key === 'ana')!;
const TRAITS = `user_id:${ana.userId}/traits`;

describe('Segment simulator: faults on demand', () => {
  let sim: Awaited<ReturnType<typeof simulatorForTest>>;
  beforeAll(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterEach(() => sim.simulator.resetFaults());
  afterAll(() => sim.simulator.close());

  it.each([429, 500, 502, 503, 504] as const)('forces a %s with an error body', async (status) => {
    sim.simulator.setFaults({ next: [status] });
    const forced = await sim.users(TRAITS);
    expect(forced.status).toBe(status);
    expect(forced.body.error.code).toEqual(expect.any(String));
    expect((await sim.users(TRAITS)).status).toBe(200);
  });

  it('sends Retry-After on injected 429s when asked', async () => {
    sim.simulator.setFaults({ next: [429], retryAfterSeconds: 2 });
    expect((await sim.users(TRAITS)).headers.get('retry-after')).toBe('2');
  });

  it('drops the connection', async () => {
    sim.simulator.setFaults({ next: ['drop'] });
    await expect(sim.users(TRAITS)).rejects.toThrow();
  });

  it('answers malformed JSON', async () => {
    sim.simulator.setFaults({ next: ['malformed'] });
    const { status, body, text } = await sim.users(TRAITS);
    expect(status).toBe(200);
    expect(body).toBeUndefined();
    expect(text.length).toBeGreaterThan(0);
  });

  it('cuts a page off mid-body', async () => {
    sim.simulator.setFaults({ next: ['truncated'] });
    await expect(sim.users(TRAITS)).rejects.toThrow();
  });

  it('adds latency and slow bodies', async () => {
    sim.simulator.setFaults({ latencyMs: 120 });
    let started = Date.now();
    await sim.users(TRAITS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    sim.simulator.setFaults({ latencyMs: 0, slowBodyMs: 150 });
    started = Date.now();
    const { body } = await sim.users(TRAITS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect(body.traits.name).toBe('Ana García');
  });

  it('applies rates, and only to the paths asked for', async () => {
    sim.simulator.setFaults({ errorRates: { '503': 1 }, pathFilter: '/events' });
    expect((await sim.users(`user_id:${ana.userId}/events`)).status).toBe(503);
    expect((await sim.users(TRAITS)).status).toBe(200);
  });

  it('is driven over HTTP too, and records the requests it saw', async () => {
    await fetch(`${sim.simulator.url}/__sim/requests`, { method: 'DELETE' });
    await fetch(`${sim.simulator.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ next: [502] }) });
    expect((await sim.users(TRAITS)).status).toBe(502);
    const { requests } = await (await fetch(`${sim.simulator.url}/__sim/requests`)).json();
    expect(requests).toEqual([
      expect.objectContaining({ method: 'GET', status: 502, path: expect.stringContaining('/traits') }),
    ]);
    await fetch(`${sim.simulator.url}/__sim/faults`, { method: 'DELETE' });
    expect((await sim.users(TRAITS)).status).toBe(200);
  });
});
