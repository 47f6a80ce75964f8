import { ApiError } from '../http/api-error';
import { readSegmentSettings, readSettingsInput } from './segment-settings';
import { environmentSettings, type SettingsSource } from './settings-source';

const configured = { SEGMENT_SPACE_ID: 'spa_1', SEGMENT_PROFILE_API_TOKEN: 'secret-token' };

async function refusal(context: Record<string, string>): Promise<ApiError> {
  try {
    await readSegmentSettings(context);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected not_configured');
}

describe('readSegmentSettings', () => {
  it('refuses plain http to anything but loopback: the Basic token would travel in clear', async () => {
    const error = await refusal({ ...configured, SEGMENT_PROFILE_API_URL: 'http://profiles.segment.com' });
    expect(error).toMatchObject({ status: 503, code: 'not_configured' });
    expect(error.message).toContain('https');
    const local = await readSegmentSettings({ ...configured, SEGMENT_PROFILE_API_URL: 'http://127.0.0.1:3002' });
    expect(local.profileApiUrl).toBe('http://127.0.0.1:3002');
  });

  it('reads the environment with the documented defaults', async () => {
    const settings = await readSegmentSettings(configured);
    expect(settings).toMatchObject({
      profileApiUrl: 'https://profiles.segment.com',
      spaceId: 'spa_1',
      profileApiToken: 'secret-token',
      defaultCountry: 'US',
    });
    expect(settings.identifierPriority.slice(0, 3)).toEqual(['user_id', 'email', 'phone']);
  });

  it('takes the optional region URL, country and identifier priority', async () => {
    const settings = await readSegmentSettings({
      ...configured,
      SEGMENT_PROFILE_API_URL: 'https://profiles.euw1.segment.com/',
      SEGMENT_DEFAULT_COUNTRY: 'gb',
      SEGMENT_IDENTIFIER_PRIORITY: ' email , phone ',
    });
    expect(settings.profileApiUrl).toBe('https://profiles.euw1.segment.com');
    expect(settings.defaultCountry).toBe('GB');
    expect(settings.identifierPriority).toEqual(['email', 'phone']);
  });

  it.each([
    [{ SEGMENT_PROFILE_API_TOKEN: 'secret-token' }, /SEGMENT_SPACE_ID/],
    [{ SEGMENT_SPACE_ID: 'spa_1' }, /SEGMENT_PROFILE_API_TOKEN/],
    [{ SEGMENT_SPACE_ID: '  ', SEGMENT_PROFILE_API_TOKEN: '' }, /SEGMENT_SPACE_ID and SEGMENT_PROFILE_API_TOKEN/],
    [{ ...configured, SEGMENT_PROFILE_API_URL: 'ftp://bad-host.example' }, /SEGMENT_PROFILE_API_URL/],
    [{ ...configured, SEGMENT_DEFAULT_COUNTRY: 'USA' }, /SEGMENT_DEFAULT_COUNTRY/],
  ])('answers 503 not_configured naming the setting, never its value (%#)', async (context, named) => {
    const error = await refusal(context);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(503);
    expect(error.code).toBe('not_configured');
    expect(error.message).toMatch(named);
    expect(error.message).not.toMatch(/secret-token|spa_1|USA|bad-host/);
  });

  it('lets a later source (the Unify config store) override the environment', async () => {
    const saved: SettingsSource = { name: 'saved', read: async () => ({ spaceId: 'spa_saved', profileApiToken: '' }) };
    const settings = await readSegmentSettings(configured, [environmentSettings, saved]);
    expect(settings.spaceId).toBe('spa_saved');
    expect(settings.profileApiToken).toBe('secret-token'); // an empty saved value does not erase the default
  });

  it('reads the excluded engagement channels from the environment; a saved list, even empty, replaces them', async () => {
    const context = { ...configured, UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS: ' Email, web ,' };
    const environment = await readSettingsInput(context, [environmentSettings]);
    expect(environment.engagementExcludedChannels).toEqual(['email', 'web']);
    expect((await readSettingsInput(configured, [environmentSettings])).engagementExcludedChannels).toBeUndefined();
    const saved = (list: string[] | undefined): SettingsSource => ({
      name: 'saved',
      read: async () => ({ engagementExcludedChannels: list }),
    });
    const merged = (list: string[] | undefined) => readSettingsInput(context, [environmentSettings, saved(list)]);
    expect((await merged(['sms'])).engagementExcludedChannels).toEqual(['sms']);
    expect((await merged([])).engagementExcludedChannels).toEqual([]);
    expect((await merged(undefined)).engagementExcludedChannels).toEqual(['email', 'web']);
  });
});
