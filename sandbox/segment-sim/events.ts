import type { ExternalId, SegmentEvent } from './model';
import { SOURCES } from './model';
import { between, createRandom, pick } from './prng';
import { capitalise, EVENT_LOOKBACK_MS } from './records';

const CHANNELS = ['voice', 'sms', 'whatsapp', 'web', 'email'];
const PAGES = ['/', '/pricing', '/account', '/orders', '/help/returns', '/products/headphones', '/products/speaker'];
const PRODUCTS = ['Headphones', 'Speaker', 'Charger', 'Cable', 'Watch'];

/** Events of the last 14 days, newest first: page views, orders, support and Flex engagements. */
export function generateEvents(seed: number, now: number, count: number, identity: ExternalId[]): SegmentEvent[] {
  const random = createRandom(seed);
  const externalIds = identity.map(({ collection, type, id }) => ({ collection, type, id, encoding: 'none' as const }));
  const events: SegmentEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const timestamp = new Date(now - Math.floor(random() * (EVENT_LOOKBACK_MS - 60_000)) - 60_000).toISOString();
    const base = {
      timestamp,
      message_id: `msg_${seed.toString(36)}_${index}`,
      context: {},
      external_ids: externalIds,
      related: {},
    };
    const roll = random();
    if (roll < 0.45) {
      const path = pick(random, PAGES);
      events.push({
        ...base,
        type: 'page',
        source_id: SOURCES.web,
        properties: { path, title: path === '/' ? 'Home' : capitalise(path.split('/').pop() as string) },
      });
    } else if (roll < 0.6) {
      events.push({
        ...base,
        type: 'track',
        event: 'Product Viewed',
        source_id: SOURCES.web,
        properties: { product: pick(random, PRODUCTS) },
      });
    } else if (roll < 0.72) {
      events.push({
        ...base,
        type: 'track',
        event: 'Order Completed',
        source_id: SOURCES.web,
        properties: { order_id: `ord_${seed}_${index}`, revenue: between(random, 15, 450), currency: 'USD' },
      });
    } else if (roll < 0.8) {
      events.push({
        ...base,
        type: 'track',
        event: 'Support Ticket Opened',
        source_id: SOURCES.crm,
        properties: { subject: pick(random, ['Late delivery', 'Refund', 'Login problem', 'Upgrade']) },
      });
    } else if (roll < 0.95) {
      const initiated = random() < 0.5;
      events.push({
        ...base,
        type: 'track',
        event: initiated ? 'Flex - Engagement Initiated' : 'Flex - Engagement Completed',
        source_id: SOURCES.flex,
        properties: {
          direction: random() < 0.8 ? 'Inbound' : 'Outbound',
          channelType: pick(random, CHANNELS),
          queue: pick(random, ['Support', 'Sales', 'Billing']),
          lastKnownAgentWorkerSid: `WK${String(between(random, 1, 40)).padStart(32, '0')}`,
          ...(initiated ? {} : { duration: between(random, 30, 1800) }),
        },
      });
    } else {
      events.push({ ...base, type: 'identify', source_id: SOURCES.web, properties: {} });
    }
  }
  return events.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}
