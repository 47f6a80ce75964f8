import { DEMO_CUSTOMERS, DemoCustomer } from '../demo/customers';
import { EDGE_CASES } from './edge-cases';
import type { Collection, ExternalId, Profile, SegmentEvent, TraitClass, TraitRecord } from './model';
import { SOURCES } from './model';
import { between, createRandom, DEFAULT_SEED, pick, withSeed } from './prng';

const FIRST_NAMES = [
  'olivia',
  'liam',
  'emma',
  'noah',
  'amara',
  'mateo',
  'chloe',
  'arjun',
  'lucia',
  'yusuf',
  'hana',
  'diego',
  'freya',
  'kwame',
  'ines',
  'tomasz',
];
const LAST_NAMES = [
  'smith',
  'garcia',
  'nguyen',
  'okafor',
  'muller',
  'rossi',
  'kowalski',
  'silva',
  'khan',
  'dubois',
  'jensen',
  'moreau',
  'haddad',
  'sato',
  'obi',
  'novak',
];
const CITIES = ['Austin', 'Berlin', 'Chicago', 'Dublin', 'Lisbon', 'Madrid', 'Nairobi', 'Seattle', 'Sydney', 'Toronto'];
const PLANS = ['Free', 'Basic', 'Premium', 'Enterprise'];
const CHANNELS = ['voice', 'sms', 'whatsapp', 'web', 'email'];
const PAGES = ['/', '/pricing', '/account', '/orders', '/help/returns', '/products/headphones', '/products/speaker'];
const PRODUCTS = ['Headphones', 'Speaker', 'Charger', 'Cable', 'Watch'];
const DAY_MS = 86_400_000;
/** The Profile API keeps 14 days of events. */
export const EVENT_LOOKBACK_MS = 14 * DAY_MS;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function trait(value: unknown, traitClass: TraitClass, at: string, source = SOURCES.web): TraitRecord {
  return { value, class: traitClass, source_id: traitClass === 'custom' ? source : SOURCES.computed, updated_at: at };
}

function externalId(type: string, id: string, collection: Collection, at: string, messageId: string): ExternalId {
  return {
    id,
    type,
    source_id: SOURCES.web,
    collection,
    created_at: at,
    encoding: 'none',
    first_message_id: messageId,
  };
}

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

/** The crowd's identifiers are derived from the index, so a lookup needs no index built at start-up. */
export const crowdIdentifiers = (index: number, seed = DEFAULT_SEED) => {
  const random = createRandom(withSeed(seed, index * 7919 + 17));
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  return {
    first,
    last,
    segmentId: `use_sim${index.toString(36).padStart(20, '0')}`,
    userId: index % 7 === 3 ? undefined : `usr_sim_${index}`,
    email: `${first}.${last}.${index}@example.net`,
    phone: `+1650${2_000_000 + index}`,
    anonymousId: `anon-sim-${index}`,
  };
};

/** The crowd member an identifier names, if its shape says so (the caller still checks it matches). */
export function crowdIndexOf(type: string, value: string): number | undefined {
  const patterns: Record<string, RegExp> = {
    user_id: /^usr_sim_(\d+)$/,
    email: /\.(\d+)@example\.net$/,
    anonymous_id: /^anon-sim-(\d+)$/,
    segment_id: /^use_sim([0-9a-z]{20})$/,
  };
  if (type === 'phone') {
    const match = /^\+1650(\d{7})$/.exec(value);
    return match ? Number(match[1]) - 2_000_000 : undefined;
  }
  const match = patterns[type]?.exec(value);
  if (!match) return undefined;
  return type === 'segment_id' ? parseInt(match[1], 36) : Number(match[1]);
}

export function accountIdOf(userIndex: number): string {
  return `use_acc${Math.floor(userIndex / 10)
    .toString(36)
    .padStart(20, '0')}`;
}

export function generateCrowdProfile(index: number, now: number, seed = DEFAULT_SEED): Profile {
  const ids = crowdIdentifiers(index, seed);
  const random = createRandom(withSeed(seed, index * 104729 + 3));
  const createdAt = new Date(now - between(random, 20, 900) * DAY_MS).toISOString();
  const updatedAt = new Date(now - between(random, 0, 13) * DAY_MS).toISOString();
  const identity = [
    ids.userId && externalId('user_id', ids.userId, 'users', createdAt, `msg_id_${index}_1`),
    externalId('email', ids.email, 'users', createdAt, `msg_id_${index}_2`),
    externalId('phone', ids.phone, 'users', createdAt, `msg_id_${index}_3`),
    externalId('anonymous_id', ids.anonymousId, 'users', createdAt, `msg_id_${index}_4`),
  ].filter((id): id is ExternalId => Boolean(id));
  const events = generateEvents(withSeed(seed, index * 31 + 11), now, between(random, 8, 40), identity);
  const ltv = Math.round(random() * 500000) / 100;
  const inboundChannels = countInboundChannels(events);
  const traits: Record<string, TraitRecord> = {
    name: trait(`${capitalise(ids.first)} ${capitalise(ids.last)}`, 'custom', createdAt),
    first_name: trait(capitalise(ids.first), 'custom', createdAt),
    last_name: trait(capitalise(ids.last), 'custom', createdAt),
    email: trait(ids.email, 'custom', createdAt),
    phone: trait(ids.phone, 'custom', createdAt),
    plan: trait(pick(random, PLANS), 'custom', updatedAt, SOURCES.crm),
    city: trait(pick(random, CITIES), 'custom', createdAt),
    created_at: trait(createdAt, 'custom', createdAt),
    lifetime_value: trait(ltv, 'computed_trait', updatedAt),
    total_orders: trait(events.filter((e) => e.event === 'Order Completed').length, 'computed_trait', updatedAt),
    ...flexComputedTraits(inboundChannels, updatedAt),
    likelihood_to_churn: trait(Math.round(random() * 100) / 100, 'computed_trait', updatedAt),
    likelihood_to_purchase: trait(Math.round(random() * 100) / 100, 'computed_trait', updatedAt),
    predicted_ltv: trait(Math.round(ltv * (1 + random())), 'computed_trait', updatedAt),
    high_value_customers: trait(ltv > 2500, 'audience', updatedAt),
    cart_abandoners: trait(random() < 0.2, 'audience', updatedAt),
  };
  return {
    segmentId: ids.segmentId,
    collection: 'users',
    externalIds: identity,
    traits,
    events,
    links: index % 10 === 0 ? [accountIdOf(index)] : [],
    inboundChannels,
    createdAt,
    updatedAt,
  };
}

export function generateCrowdAccount(accountIndex: number, now: number, seed = DEFAULT_SEED): Profile {
  const random = createRandom(withSeed(seed, accountIndex * 15485863 + 5));
  const createdAt = new Date(now - between(random, 200, 2000) * DAY_MS).toISOString();
  const groupId = `grp_sim_${accountIndex}`;
  const company = `${capitalise(pick(random, LAST_NAMES))} ${pick(random, ['Logistics', 'Foods', 'Studio', 'Labs', 'Retail'])}`;
  return {
    segmentId: `use_acc${accountIndex.toString(36).padStart(20, '0')}`,
    collection: 'accounts',
    externalIds: [externalId('group_id', groupId, 'accounts', createdAt, `msg_grp_${accountIndex}`)],
    traits: {
      name: trait(company, 'custom', createdAt, SOURCES.crm),
      plan: trait(pick(random, PLANS), 'custom', createdAt, SOURCES.crm),
      employees: trait(between(random, 5, 5000), 'custom', createdAt, SOURCES.crm),
    },
    events: [],
    links: [`use_sim${(accountIndex * 10).toString(36).padStart(20, '0')}`],
    inboundChannels: {},
    createdAt,
    updatedAt: createdAt,
  };
}

/** `Flex - Engagement Initiated` with direction Inbound: what both recommended Flex computed traits count. */
export const isInboundEngagement = (event: SegmentEvent) =>
  event.event === 'Flex - Engagement Initiated' && event.properties.direction === 'Inbound';

export function countInboundChannels(events: SegmentEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events.filter(isInboundEngagement)) {
    const channel = String(event.properties.channelType ?? '');
    if (channel) counts[channel] = (counts[channel] ?? 0) + 1;
  }
  return counts;
}

/** Total inbounds (event counter) and Frequent inbound channel (most frequent, minimum frequency 2). */
export function flexComputedTraits(inboundChannels: Record<string, number>, at: string): Record<string, TraitRecord> {
  const total = Object.values(inboundChannels).reduce((sum, count) => sum + count, 0);
  const [frequent] = Object.entries(inboundChannels)
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1]);
  return {
    total_inbounds: trait(total, 'computed_trait', at),
    ...(frequent ? { frequent_inbound_channel: trait(frequent[0], 'computed_trait', at) } : {}),
  };
}

/** The demo's Total inbounds, all on its Frequent inbound channel, as the history behind those traits. */
function demoInboundChannels(customer: DemoCustomer): Record<string, number> {
  const total = Number(customer.traits.total_inbounds ?? 0);
  const channel = String(customer.traits.frequent_inbound_channel ?? 'voice');
  return total > 0 ? { [channel]: total } : {};
}

const COMPUTED_DEMO_TRAITS = new Set(['total_inbounds', 'frequent_inbound_channel', 'lifetime_value']);

/** Accounts (B2B customers) that some demo callers belong to: `group_id` in the accounts collection. */
export const DEMO_ACCOUNTS = [
  {
    segmentId: 'use_2Johnson0Logistics0Acct00',
    groupId: 'grp_johnson_logistics',
    name: 'Johnson Logistics',
    plan: 'Enterprise',
    employees: 240,
    members: ['marcus'],
  },
  {
    segmentId: 'use_2Rossi0Design0Studio0Acct',
    groupId: 'grp_rossi_design_studio',
    name: 'Rossi Design Studio',
    plan: 'Premium',
    employees: 18,
    members: ['sofia', 'ana'],
  },
];

function demoProfile(customer: DemoCustomer, index: number, now: number, seed: number): Profile {
  const createdAt = new Date(now - (400 + index * 30) * DAY_MS).toISOString();
  const identity = [
    customer.userId && externalId('user_id', customer.userId, 'users', createdAt, `msg_demo_${customer.key}_1`),
    customer.email && externalId('email', customer.email, 'users', createdAt, `msg_demo_${customer.key}_2`),
    customer.phone && externalId('phone', customer.phone, 'users', createdAt, `msg_demo_${customer.key}_3`),
    customer.anonymousId &&
      externalId('anonymous_id', customer.anonymousId, 'users', createdAt, `msg_demo_${customer.key}_4`),
  ].filter((id): id is ExternalId => Boolean(id));
  const traits = Object.fromEntries(
    Object.entries(customer.traits).map(([key, value]) => [
      key,
      trait(value, COMPUTED_DEMO_TRAITS.has(key) ? 'computed_trait' : 'custom', createdAt),
    ]),
  );
  const premium = customer.traits.plan === 'Premium' || customer.traits.plan === 'Enterprise';
  const lifetimeValue = Number(customer.traits.lifetime_value ?? (premium ? 2400 : 180));
  // Predictions are percentiles (0..1) except lifetime value, which Segment gives in USD.
  Object.assign(traits, {
    likelihood_to_churn: trait(premium ? 0.12 : 0.64, 'computed_trait', createdAt),
    likelihood_to_purchase: trait(premium ? 0.87 : 0.35, 'computed_trait', createdAt),
    predicted_ltv: trait(Math.round(lifetimeValue * 1.35), 'computed_trait', createdAt),
    high_value_customers: trait(premium, 'audience', createdAt),
    newsletter_subscribers: trait(index % 2 === 0, 'audience', createdAt),
  });
  return {
    segmentId: customer.segmentId,
    collection: 'users',
    externalIds: identity,
    traits,
    events: generateEvents(withSeed(seed, 1_000_000 + index), now, 24, identity),
    links: DEMO_ACCOUNTS.filter((account) => account.members.includes(customer.key)).map(
      (account) => account.segmentId,
    ),
    inboundChannels: demoInboundChannels(customer),
    createdAt,
    updatedAt: new Date(now - DAY_MS).toISOString(),
  };
}

function demoAccount(account: (typeof DEMO_ACCOUNTS)[number], index: number, now: number): Profile {
  const createdAt = new Date(now - (900 + index * 50) * DAY_MS).toISOString();
  return {
    segmentId: account.segmentId,
    collection: 'accounts',
    externalIds: [externalId('group_id', account.groupId, 'accounts', createdAt, `msg_demo_account_${index}`)],
    traits: {
      name: trait(account.name, 'custom', createdAt, SOURCES.crm),
      plan: trait(account.plan, 'custom', createdAt, SOURCES.crm),
      employees: trait(account.employees, 'custom', createdAt, SOURCES.crm),
    },
    events: [],
    links: account.members.map((key) => DEMO_CUSTOMERS.find((customer) => customer.key === key)!.segmentId),
    inboundChannels: {},
    createdAt,
    updatedAt: createdAt,
  };
}

function edgeCaseProfiles(now: number, seed: number): Profile[] {
  const createdAt = new Date(now - 100 * DAY_MS).toISOString();
  const base = (segmentId: string, userId: string, email?: string): Profile => {
    const ids = [externalId('user_id', userId, 'users', createdAt, `msg_${userId}`)];
    if (email) ids.push(externalId('email', email, 'users', createdAt, `msg_${userId}_email`));
    return {
      segmentId,
      collection: 'users',
      externalIds: ids,
      traits: {},
      events: [],
      links: [],
      inboundChannels: {},
      createdAt,
      updatedAt: createdAt,
    };
  };
  const manyTraits = base(EDGE_CASES.manyTraits.segmentId, EDGE_CASES.manyTraits.userId);
  for (let index = 0; index < 300; index += 1) {
    manyTraits.traits[`attribute_${String(index).padStart(3, '0')}`] = trait(`value ${index}`, 'custom', createdAt);
  }
  manyTraits.traits.name = trait('Trait Collector', 'custom', createdAt);
  const manyEvents = base(EDGE_CASES.manyEvents.segmentId, EDGE_CASES.manyEvents.userId);
  manyEvents.traits.name = trait('Busy Bee', 'custom', createdAt);
  manyEvents.events = generateEvents(withSeed(seed, 424242), now, 5000, manyEvents.externalIds);
  const nonLatin = base(EDGE_CASES.nonLatin.segmentId, EDGE_CASES.nonLatin.userId, EDGE_CASES.nonLatin.email);
  Object.assign(nonLatin.traits, {
    name: trait('田中 美咲', 'custom', createdAt),
    name_latin: trait('Misaki Tanaka', 'custom', createdAt),
    city: trait('東京', 'custom', createdAt),
    greeting: trait('مرحبا', 'custom', createdAt),
  });
  const noTraits = base(EDGE_CASES.noTraits.segmentId, EDGE_CASES.noTraits.userId);
  return [manyTraits, manyEvents, nonLatin, noTraits];
}

/** The hand-made part of the data set: demo customers, their account and the edge cases. */
export function fixedProfiles(now: number, seed = DEFAULT_SEED): Profile[] {
  return [
    ...DEMO_CUSTOMERS.map((customer, index) => demoProfile(customer, index, now, seed)),
    ...DEMO_ACCOUNTS.map((account, index) => demoAccount(account, index, now)),
    ...edgeCaseProfiles(now, seed),
  ];
}
