import type { ExternalId, Profile, TraitRecord } from './model';
import { SOURCES } from './model';
import { generateEvents } from './events';
import { countInboundChannels, countOutbounds, flexComputedTraits } from './flex-traits';
import { between, createRandom, DEFAULT_SEED, pick, withSeed } from './prng';
import { capitalise, DAY_MS, externalId, trait } from './records';

/** The generated crowd: every member derived from its index (and the seed), never stored up front. */
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

/** `totalOutbounds` adds the optional Total outbounds computed trait (off unless the simulator is asked for it). */
export function generateCrowdProfile(index: number, now: number, seed = DEFAULT_SEED, totalOutbounds = false): Profile {
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
  const outbounds = countOutbounds(events);
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
    ...flexComputedTraits(inboundChannels, updatedAt, totalOutbounds ? outbounds : undefined),
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
    outbounds,
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
    outbounds: 0,
    createdAt,
    updatedAt: createdAt,
  };
}
