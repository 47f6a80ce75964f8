import { simulatorOptionsFromEnv } from './options-from-env';
import { startSegmentSimulator } from './server';
import { simulatorForTest } from './test-client';

/** Segment documents no answer for an unknown space: the simulator plays either reading, 401 by default. */
describe('Segment simulator: an unknown space', () => {
  const probe = 'users/profiles/anonymous_id:nobody/metadata';

  it('answers the right token with an unknown space as a wrong token (401) by default', async () => {
    const sim = await simulatorForTest({ customers: 0 });
    try {
      const { status, body } = await sim.profileGet(probe, 'sandbox-profile-token', 'spa_other');
      expect(status).toBe(401);
      expect(body.error.code).toBe('authentication_error');
    } finally {
      await sim.simulator.close();
    }
  });

  it('with unknownSpace not_found: 404 about the space for the right token, still 401 for a wrong one', async () => {
    const sim = await simulatorForTest({ customers: 0, unknownSpace: 'not_found' });
    try {
      const space = await sim.profileGet(probe, 'sandbox-profile-token', 'spa_other');
      expect(space.status).toBe(404);
      expect(space.body).toEqual({ error: { code: 'not_found', message: 'Space was not found.' } });
      expect(space.headers.get('request-id')).toBeTruthy();
      const profile = await sim.profileGet(probe);
      expect(profile.status).toBe(404);
      expect(profile.body.error.message).toBe('Profile was not found.');
      expect((await sim.profileGet(probe, 'not-the-token', 'spa_other')).status).toBe(401);
      expect((await sim.profileGet(probe, 'not-the-token')).status).toBe(401);
    } finally {
      await sim.simulator.close();
    }
  });

  it('reads SEGMENT_SIM_UNKNOWN_SPACE, and refuses an unknown setting', async () => {
    expect(simulatorOptionsFromEnv({ SEGMENT_SIM_UNKNOWN_SPACE: 'not_found' }).unknownSpace).toBe('not_found');
    expect(simulatorOptionsFromEnv({}).unknownSpace).toBeUndefined();
    await expect(startSegmentSimulator({ port: 0, unknownSpace: 'teapot' as unknown as 'not_found' })).rejects.toThrow(
      /unknownSpace/,
    );
  });
});
