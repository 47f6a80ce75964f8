import { SEGMENT_HOSTS } from '../config/segment-hosts';
import { withSettingDefaults } from '../profile/settings';
import {
  connectionCheckSettings,
  defaultTrackingApiUrl,
  isSafeSegmentUrl,
  otherRegionProfileApiUrl,
  regionOf,
} from './check-settings';

const US = SEGMENT_HOSTS.us.profileApiUrl;
const EU = SEGMENT_HOSTS.eu.profileApiUrl;

describe('check settings', () => {
  it('knows Segment’s two regions by host, and each one’s other', () => {
    expect(regionOf(`${US}/`)).toBe('us');
    expect(regionOf(EU)).toBe('eu');
    expect(regionOf('https://events.eu1.segmentapis.com')).toBe('eu');
    expect(regionOf('http://127.0.0.1:3002')).toBeNull();
    expect(otherRegionProfileApiUrl(US)).toBe(EU);
    expect(otherRegionProfileApiUrl(EU)).toBe(US);
    expect(otherRegionProfileApiUrl('http://127.0.0.1:3002')).toBeNull();
  });

  it('takes another region’s host from SEGMENT_OTHER_REGION_PROFILE_API_URL only when a token may travel there', () => {
    expect(otherRegionProfileApiUrl('http://127.0.0.1:3002', 'http://127.0.0.1:3003/')).toBe('http://127.0.0.1:3003');
    expect(otherRegionProfileApiUrl(US, 'http://eu.example.com')).toBeNull();
    expect(isSafeSegmentUrl('https://user:pass@profiles.segment.com')).toBe(false);
    expect(isSafeSegmentUrl('http://localhost:3002')).toBe(true);
  });

  it('sends an EU space’s events to the EU Tracking API unless told otherwise', () => {
    expect(defaultTrackingApiUrl(US)).toBe('https://api.segment.io');
    expect(defaultTrackingApiUrl(EU)).toBe('https://events.eu1.segmentapis.com');
    const segment = withSettingDefaults({ profileApiUrl: EU, spaceId: 'spa_1', profileApiToken: 't' });
    expect(connectionCheckSettings(segment, {}, {})).toEqual({
      profileApiUrl: EU,
      spaceId: 'spa_1',
      profileApiToken: 't',
      otherRegionProfileApiUrl: US,
      trackingApiUrl: 'https://events.eu1.segmentapis.com',
      writeKey: null,
    });
  });

  it('reads the write key and Tracking API from a source first, then the environment', () => {
    const segment = withSettingDefaults({ spaceId: 'spa_1', profileApiToken: 't' });
    const context = { SEGMENT_WRITE_KEY: 'env-key', SEGMENT_TRACKING_API_URL: 'http://127.0.0.1:3002/' };
    expect(connectionCheckSettings(segment, {}, context)).toMatchObject({
      writeKey: 'env-key',
      trackingApiUrl: 'http://127.0.0.1:3002',
    });
    expect(
      connectionCheckSettings(segment, { writeKey: 'saved-key', trackingApiUrl: 'https://api.segment.io' }, context),
    ).toMatchObject({ writeKey: 'saved-key', trackingApiUrl: 'https://api.segment.io' });
  });
});
