import { SEGMENT_HOSTS } from '../config/segment-hosts';
import type { SegmentSettingsInput } from '../config/settings-source';
import type { SegmentRegion } from '../config/unify-contract';
import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import type { SegmentSettings } from '../profile/settings';

/** What a connection check needs: the Profile API settings /profile uses, plus the Flex events source. */
export interface ConnectionCheckSettings {
  profileApiUrl: string;
  spaceId: string;
  profileApiToken: string;
  /**
   * Where the same token and space are tried after a 401, to tell a wrong region from a wrong token:
   * the other of Segment's two hosts, or SEGMENT_OTHER_REGION_PROFILE_API_URL (a second simulator).
   * Null when the Profile API URL is neither Segment host and no other is given: not tried.
   */
  otherRegionProfileApiUrl: string | null;
  /** The Tracking API the Flex events source's write key is used with. */
  trackingApiUrl: string;
  /** The Flex events source's write key; null when none is set. */
  writeKey: string | null;
}

/**
 * Settings a source may carry beside SegmentSettingsInput. The environment source does not read them
 * (yet); a source that does (the Unify config store) is read first, the environment after.
 */
export interface TrackingSettingsInput {
  writeKey?: string;
  trackingApiUrl?: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A secret travels to this URL: https, or plain http only to a simulator on this machine's loopback. */
export function isSafeSegmentUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/.test(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** Which of Segment's regions a Profile API or Tracking API URL belongs to; null for any other server. */
export function regionOf(url: string): SegmentRegion | null {
  const plain = withoutTrailingSlash(url);
  for (const region of ['us', 'eu'] as const) {
    const hosts = SEGMENT_HOSTS[region];
    if (plain === hosts.profileApiUrl || plain === hosts.trackingApiUrl) return region;
  }
  return null;
}

/** The other region's Profile API: Segment's other host, or the override (for a simulator). */
export function otherRegionProfileApiUrl(profileApiUrl: string, override?: string): string | null {
  if (override) return isSafeSegmentUrl(override) ? withoutTrailingSlash(override) : null;
  const region = regionOf(profileApiUrl);
  if (!region) return null;
  return SEGMENT_HOSTS[region === 'us' ? 'eu' : 'us'].profileApiUrl;
}

/** The Tracking API of the Profile API's region: an EU space's events go to the EU endpoint. */
export function defaultTrackingApiUrl(profileApiUrl: string): string {
  return SEGMENT_HOSTS[regionOf(profileApiUrl) ?? 'us'].trackingApiUrl;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The Flex events source's write key: from a source that carries it, else SEGMENT_WRITE_KEY; null when unset. */
export function writeKeyOf(input: TrackingSettingsInput, context: FunctionContext): string | null {
  return text(input.writeKey) ?? contextValue(context, 'SEGMENT_WRITE_KEY') ?? null;
}

/**
 * The check's settings, from the Profile API settings in effect and what the sources and the
 * environment say about the Flex events source (SEGMENT_WRITE_KEY, SEGMENT_TRACKING_API_URL).
 */
export function connectionCheckSettings(
  segment: SegmentSettings,
  input: SegmentSettingsInput & TrackingSettingsInput,
  context: FunctionContext,
): ConnectionCheckSettings {
  const trackingApiUrl =
    text(input.trackingApiUrl) ??
    contextValue(context, 'SEGMENT_TRACKING_API_URL') ??
    defaultTrackingApiUrl(segment.profileApiUrl);
  return {
    profileApiUrl: withoutTrailingSlash(segment.profileApiUrl),
    spaceId: segment.spaceId,
    profileApiToken: segment.profileApiToken,
    otherRegionProfileApiUrl: otherRegionProfileApiUrl(
      segment.profileApiUrl,
      contextValue(context, 'SEGMENT_OTHER_REGION_PROFILE_API_URL'),
    ),
    trackingApiUrl: withoutTrailingSlash(trackingApiUrl),
    writeKey: writeKeyOf(input, context),
  };
}
