import type { SegmentRegion } from './unify-contract';

/**
 * Segment's two regions, each with its own Profile API and Tracking API host (segment.md: an EU
 * space answers only on the EU hosts). The one table the settings, the region and the check use.
 */
export const SEGMENT_HOSTS: Record<SegmentRegion, { profileApiUrl: string; trackingApiUrl: string }> = {
  us: { profileApiUrl: 'https://profiles.segment.com', trackingApiUrl: 'https://api.segment.io' },
  eu: { profileApiUrl: 'https://profiles.euw1.segment.com', trackingApiUrl: 'https://events.eu1.segmentapis.com' },
};
