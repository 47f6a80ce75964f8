import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_CASES } from '../../test/fixtures/channel-attributes';
import { ApiError } from '../http/api-error';
import { RequestPacer } from './request-pacer';
import { createProfileService } from './service';
import { silentLookupLogger, silentUpstreamLogger } from './upstream-log';

/**
 * The same channel cases against the sandbox's Segment simulator, when it is there: proves the
 * core reads the shapes the simulator serves (and so, as far as it mirrors Segment, Segment's).
 */
const SIMULATOR = join(__dirname, '../../../sandbox/segment-sim/server.ts');
const describeWithSimulator = existsSync(SIMULATOR) ? describe : describe.skip;

interface RunningSimulator {
  url?: string;
  port?: number;
  close(): Promise<void> | void;
}

describeWithSimulator('lookup against the Segment simulator', () => {
  let simulator: RunningSimulator;
  let url: string;
  // One pacer for every service here, as getProfileService shares one per space: the simulator enforces 100/s.
  const pacer = new RequestPacer();

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSegmentSimulator } = require(SIMULATOR) as {
      startSegmentSimulator(options: { port: number }): Promise<RunningSimulator>;
    };
    simulator = await startSegmentSimulator({ port: 0 });
    url = simulator.url ?? `http://127.0.0.1:${simulator.port}`;
  });
  afterAll(() => simulator?.close());

  const service = () =>
    createProfileService(
      {
        profileApiUrl: url,
        spaceId: 'spa_sandbox',
        profileApiToken: 'sandbox-profile-token',
        defaultCountry: 'US',
        identifierPriority: [],
      },
      { logger: silentUpstreamLogger, lookupLogger: silentLookupLogger, pacer },
    );

  it.each(CHANNEL_CASES.map((item) => [item.name, item] as const))('%s', async (_, item) => {
    const lookup = service().lookup({ taskAttributes: item.taskAttributes });
    if (item.expected === null) {
      await expect(lookup).rejects.toMatchObject({ status: 404, code: 'profile_not_found' });
      return;
    }
    const { profile } = await lookup;
    expect(profile.segmentId).toBe(item.expected.segmentId);
    expect(profile.matchedIdentifier).toEqual(item.expected.matchedIdentifier);
    expect(profile.displayName).toBeTruthy();
  });

  it('pages the timeline through nextEvents when there is more', async () => {
    const profiles = service();
    const { profile } = await profiles.lookup({ identifier: 'email:ana.garcia@example.com' });
    if (!profile.timeline.next) return; // the simulator's data set may fit one page
    const page = await profiles.nextEvents({ segmentId: profile.segmentId, next: profile.timeline.next });
    expect(Array.isArray(page.timeline.items)).toBe(true);
  });

  it('answers segment_auth_failed for a wrong token', async () => {
    const wrong = createProfileService(
      {
        profileApiUrl: url,
        spaceId: 'spa_sandbox',
        profileApiToken: 'wrong',
        defaultCountry: 'US',
        identifierPriority: [],
      },
      { logger: silentUpstreamLogger, lookupLogger: silentLookupLogger },
    );
    const error = await wrong.lookup({ identifier: 'user_id:usr_ana_garcia' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'segment_auth_failed' });
  });
});
