import { startSegmentSimulator, type RunningSimulator } from '../../../sandbox/segment-sim/server';
import { RequestPacer } from './request-pacer';
import { createSegmentBreaker, watchHealth } from './segment-breaker';
import { createProfileService } from './service';
import { silentLookupLogger, silentUpstreamLogger } from './upstream-log';

/** Segment down: after the first failed lookups, the next ones fail at once, until one probe finds it back. */
jest.setTimeout(30_000);

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSegmentSimulator({ port: 0 });
});
afterAll(() => simulator.close());

const faults = (body: object) => fetch(`${simulator.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
const upstreamCount = async () =>
  ((await (await fetch(`${simulator.url}/__sim/requests`)).json()) as { requests: unknown[] }).requests.length;

function serviceWith(breaker = createSegmentBreaker(800)) {
  const service = createProfileService(
    {
      profileApiUrl: simulator.url,
      spaceId: 'spa_sandbox',
      profileApiToken: 'sandbox-profile-token',
      defaultCountry: 'US',
      identifierPriority: [],
    },
    {
      logger: silentUpstreamLogger,
      lookupLogger: silentLookupLogger,
      breaker,
      pacer: new RequestPacer(100),
      budgetMs: 3_000,
    },
  );
  return { service, health: watchHealth(breaker) };
}

it('fails at once while Segment is down, says it is degraded, and closes after one probe succeeds', async () => {
  const { service, health } = serviceWith();
  await faults({ errorRates: { '503': 1 } });
  await expect(service.lookup({ identifier: 'email:ana.garcia@example.com' })).rejects.toMatchObject({
    code: 'segment_unavailable',
  });
  expect(health()).toMatchObject({ degraded: true, since: expect.any(String) });

  const before = await upstreamCount();
  const started = Date.now();
  const failedFast = service.lookup({ identifier: 'email:kenji.tanaka@example.jp' });
  await expect(failedFast).rejects.toMatchObject({
    code: 'segment_unavailable',
    detail: { error: { degraded: true } },
  });
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(await upstreamCount()).toBe(before);

  await fetch(`${simulator.url}/__sim/faults`, { method: 'DELETE' });
  await new Promise((resolve) => setTimeout(resolve, 900)); // the cool-down
  const { profile } = await service.lookup({ identifier: 'email:kenji.tanaka@example.jp' });
  expect(profile.displayName).toBe('Kenji Tanaka');
  expect(health()).toEqual({ degraded: false, since: null });
});

// Deterministic, not a random rate: at 30% 503s, three tries still all fail now and then, which is
// the retries' limit, not the breaker's (CI once saw it).
it('stays closed when some calls fail: two 503s in every lookup are retried and every lookup answers', async () => {
  const { service, health } = serviceWith();
  for (const email of ['ana.garcia@example.com', 'kenji.tanaka@example.jp', 'marcus.johnson@example.org']) {
    await faults({ next: [503, 503] });
    const { profile } = await service.lookup({ identifier: `email:${email}` });
    expect(profile.segmentId).toBeTruthy();
  }
  expect(health().degraded).toBe(false);
  await fetch(`${simulator.url}/__sim/faults`, { method: 'DELETE' });
});
