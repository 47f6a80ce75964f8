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
  /** Every Segment request it answered (its /__sim/requests). */
  requests: Array<{ method: string; path: string; status: number }>;
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

  describe('a profile linked to the task', () => {
    const ANA = 'use_2Ana0Garcia0Demo000000000';
    const link = (fields: Record<string, unknown>) => ({
      unified_profiles: { link: { linked_at: '2026-11-20T10:00:00Z', linked_by: 'agent', ...fields } },
    });
    // Other customers' identifiers on the task (Kenji's phone, Sofia's user id and email): none may reach Segment.
    const others = {
      from: '+447700900123',
      user_id: 'usr_sofia_rossi',
      customers: { email: 'sofia.rossi@example.it' },
    };
    const resourcesOf = (requests: RunningSimulator['requests']) =>
      requests.map((request) => new URL(request.path, 'http://sim').pathname.split('/').pop()).sort();

    /** The user-profile calls, and the calls for its linked accounts' traits (Ana is in Rossi Design Studio). */
    const split = (requests: RunningSimulator['requests']) => ({
      user: requests.filter((request) => request.path.includes('/collections/users/')),
      accounts: requests.filter((request) => !request.path.includes('/collections/users/')),
    });

    it('makes exactly the details calls of that one profile, by its use_ id, and none for anyone else', async () => {
      simulator.requests.length = 0;
      const { profile } = await service().lookup({
        taskAttributes: { ...others, ...link({ segment_id: ANA, identifier: 'phone:+14155550100' }) },
      });
      expect(profile.segmentId).toBe(ANA);
      expect(profile.displayName).toBe('Ana García');
      expect(profile.matchedIdentifier).toEqual({ type: 'phone', value: '+14155550100' });
      expect(profile.link).toMatchObject({ segment_id: ANA, linked_by: 'agent' });
      const { user, accounts } = split([...simulator.requests]);
      // A new service has not learnt trait classes: traits, its two class= pages, and the four details.
      expect(resourcesOf(user)).toEqual(['events', 'external_ids', 'links', 'metadata', 'traits', 'traits', 'traits']);
      for (const request of user) {
        expect(request.path).toContain(`/collections/users/profiles/${ANA}/`);
        expect(request.status).toBe(200);
      }
      // Then one traits call per account the profile is linked to, as for any lookup of it.
      expect(profile.linkedAccounts.map((account) => account.id)).toEqual(['grp_rossi_design_studio']);
      expect(accounts.map((request) => request.path)).toEqual([
        expect.stringContaining('/collections/accounts/profiles/group_id:grp_rossi_design_studio/traits?'),
      ]);
      const paths = simulator.requests.map((request) => request.path).join('\n');
      expect(paths).not.toMatch(/447700900123|sofia|phone:|email:|user_id:/);
    });

    it('without a segment id, makes the same calls by the linked identifier only', async () => {
      simulator.requests.length = 0;
      const { profile } = await service().lookup({
        taskAttributes: { ...others, ...link({ identifier: 'phone:(415) 555-0100' }) },
      });
      expect(profile.segmentId).toBe(ANA);
      expect(profile.link).toEqual({
        identifier: 'phone:+14155550100',
        linked_at: '2026-11-20T10:00:00Z',
        linked_by: 'agent',
      });
      const { user, accounts } = split([...simulator.requests]);
      expect(user).toHaveLength(7);
      for (const request of user) expect(request.path).toContain('/profiles/phone:%2B14155550100/');
      expect(accounts).toHaveLength(1);
    });

    it('answers profile_not_found for a linked profile that is gone, after one call per route at most', async () => {
      simulator.requests.length = 0;
      const lookup = service().lookup({
        taskAttributes: { ...others, ...link({ segment_id: 'use_2Gone0Away0000', identifier: 'phone:+14155550100' }) },
      });
      await expect(lookup).rejects.toMatchObject({ status: 404, code: 'profile_not_found' });
      expect(simulator.requests.length).toBeLessThanOrEqual(7);
      for (const request of simulator.requests) {
        expect(request.path).toContain('/profiles/use_2Gone0Away0000/');
        expect(request.status).toBe(404);
      }
    });
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
