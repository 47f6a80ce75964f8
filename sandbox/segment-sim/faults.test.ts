import { request } from 'node:http';

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

  it('sends no Retry-After on a Profile API 429 unless asked, as Segment documents none there', async () => {
    sim.simulator.setFaults({ errorRates: { '429': 1 } });
    const { status, headers, body } = await sim.users(TRAITS);
    expect(status).toBe(429);
    expect(body.error.code).toBe('rate_limit_error');
    expect(headers.get('retry-after')).toBeNull();
  });

  it('cuts a truncated page short of its Content-Length', async () => {
    sim.simulator.setFaults({ next: ['truncated'] });
    const { declared, received } = await new Promise<{ declared: number; received: number }>((resolve) => {
      const path = `/v1/spaces/spa_sandbox/collections/users/profiles/${TRAITS}`;
      const call = request(`${sim.simulator.url}${path}`, {
        headers: { Authorization: sim.basic('sandbox-profile-token') },
      });
      call.on('response', (response) => {
        let received = 0;
        const declared = Number(response.headers['content-length']);
        response.on('data', (chunk: Buffer) => (received += chunk.length));
        response.on('error', () => resolve({ declared, received }));
        response.on('aborted', () => resolve({ declared, received }));
        response.on('end', () => resolve({ declared, received }));
      });
      call.on('error', () => resolve({ declared: -1, received: -1 }));
      call.end();
    });
    expect(declared).toBeGreaterThan(0);
    expect(received).toBeLessThan(declared);
  });

  it('trickles a queued slow body even when no slowBodyMs is set', async () => {
    sim.simulator.setFaults({ next: ['slow'] });
    const started = Date.now();
    const { body } = await sim.users(TRAITS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(body.traits.name).toBe('Ana García');
  });

  it('keeps jitter within latency plus jitter', async () => {
    sim.simulator.setFaults({ latencyMs: 50, jitterMs: 100 });
    for (let index = 0; index < 3; index += 1) {
      const started = Date.now();
      await sim.users(TRAITS);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(400);
    }
  });

  it('scopes the queue by path: other routes pass and leave it untouched', async () => {
    sim.simulator.setFaults({ next: [503], pathFilter: '/events' });
    expect((await sim.users(TRAITS)).status).toBe(200);
    expect((await sim.users(`user_id:${ana.userId}/events`)).status).toBe(503);
    expect((await sim.users(`user_id:${ana.userId}/events`)).status).toBe(200);
  });

  it('applies faults to the Tracking API too', async () => {
    sim.simulator.setFaults({ next: ['malformed', 503] });
    const event = { userId: ana.userId, event: 'Fault Probe' };
    const malformed = await sim.post('/v1/track', event);
    expect(malformed.status).toBe(200);
    expect(malformed.body).toBeUndefined();
    expect((await sim.post('/v1/track', event)).status).toBe(503);
  });

  it('never applies faults to the admin routes, and records a dropped request with status 0', async () => {
    await fetch(`${sim.simulator.url}/__sim/requests`, { method: 'DELETE' });
    sim.simulator.setFaults({ next: ['drop'], errorRates: { '500': 1 }, latencyMs: 0 });
    expect((await fetch(`${sim.simulator.url}/__sim/health`)).status).toBe(200);
    await expect(sim.users(TRAITS)).rejects.toThrow();
    const { requests } = await (await fetch(`${sim.simulator.url}/__sim/requests`)).json();
    expect(requests).toEqual([expect.objectContaining({ status: 0, method: 'GET' })]);
    expect((await fetch(`${sim.simulator.url}/__sim/faults`)).status).toBe(200);
  });

  it('answers 400 to faults that are not JSON, and reads back what was set', async () => {
    const bad = await fetch(`${sim.simulator.url}/__sim/faults`, { method: 'PUT', body: '{latency' });
    expect(bad.status).toBe(400);
    await fetch(`${sim.simulator.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ latencyMs: 5 }) });
    const { faults } = await (await fetch(`${sim.simulator.url}/__sim/faults`)).json();
    expect(faults).toEqual(expect.objectContaining({ latencyMs: 5, next: [] }));
  });
});
