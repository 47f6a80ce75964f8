import type { SegmentEvent, TraitRecord } from './model';
import { trait } from './records';

/** `Flex - Engagement Initiated` with direction Inbound: what both recommended Flex computed traits count. */
export const isInboundEngagement = (event: SegmentEvent) =>
  event.event === 'Flex - Engagement Initiated' && event.properties.direction === 'Inbound';

/** `Flex - Engagement Initiated` with direction Outbound: what the optional Total outbounds counts. */
export const isOutboundEngagement = (event: SegmentEvent) =>
  event.event === 'Flex - Engagement Initiated' && event.properties.direction === 'Outbound';

export const countOutbounds = (events: SegmentEvent[]) => events.filter(isOutboundEngagement).length;

export function countInboundChannels(events: SegmentEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events.filter(isInboundEngagement)) {
    const channel = String(event.properties.channelType ?? '');
    if (channel) counts[channel] = (counts[channel] ?? 0) + 1;
  }
  return counts;
}

/**
 * Total inbounds (event counter) and Frequent inbound channel (most frequent, minimum frequency 2), the two
 * Segment recommends; with `outbounds`, also the optional Total outbounds (event counter).
 */
export function flexComputedTraits(
  inboundChannels: Record<string, number>,
  at: string,
  outbounds?: number,
): Record<string, TraitRecord> {
  const total = Object.values(inboundChannels).reduce((sum, count) => sum + count, 0);
  const [frequent] = Object.entries(inboundChannels)
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1]);
  return {
    total_inbounds: trait(total, 'computed_trait', at),
    ...(frequent ? { frequent_inbound_channel: trait(frequent[0], 'computed_trait', at) } : {}),
    ...(outbounds === undefined ? {} : { total_outbounds: trait(outbounds, 'computed_trait', at) }),
  };
}
