import { SEGMENT_HOSTS } from '../config/segment-hosts';
import type { SegmentRegion } from '../config/unify-contract';

const SEGMENT_URLS = new Set(Object.values(SEGMENT_HOSTS).flatMap((urls) => [urls.profileApiUrl, urls.trackingApiUrl]));

function isSegmentUrl(url: string): boolean {
  return SEGMENT_URLS.has(url.replace(/\/+$/, ''));
}

/**
 * The URL a saved region sends calls to. An environment URL that is one of Segment's own hosts is
 * a region default, which the saved region overrides; any other server there (the sandbox's
 * simulator, a proxy) is deliberate, so it stays (undefined here) and the region only labels it.
 */
export function regionUrl(
  region: SegmentRegion,
  api: 'profileApiUrl' | 'trackingApiUrl',
  environmentUrl: string | undefined,
): string | undefined {
  if (environmentUrl && !isSegmentUrl(environmentUrl)) return undefined;
  return SEGMENT_HOSTS[region][api];
}
