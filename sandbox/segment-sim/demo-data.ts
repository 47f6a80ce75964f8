import { DEMO_CUSTOMERS, DemoCustomer } from '../demo/customers';
import { EDGE_CASES } from './edge-cases';
import { generateEvents } from './events';
import { countOutbounds } from './flex-traits';
import type { ExternalId, Profile } from './model';
import { SOURCES } from './model';
import { DEFAULT_SEED, withSeed } from './prng';
import { DAY_MS, externalId, trait } from './records';

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

function demoProfile(
  customer: DemoCustomer,
  index: number,
  now: number,
  seed: number,
  totalOutbounds: boolean,
): Profile {
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
  const events = generateEvents(withSeed(seed, 1_000_000 + index), now, 24, identity);
  const outbounds = countOutbounds(events);
  if (totalOutbounds) traits.total_outbounds = trait(outbounds, 'computed_trait', createdAt);
  return {
    segmentId: customer.segmentId,
    collection: 'users',
    externalIds: identity,
    traits,
    events,
    links: DEMO_ACCOUNTS.filter((account) => account.members.includes(customer.key)).map(
      (account) => account.segmentId,
    ),
    inboundChannels: demoInboundChannels(customer),
    outbounds,
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
    outbounds: 0,
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
      outbounds: 0,
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
export function fixedProfiles(now: number, seed = DEFAULT_SEED, totalOutbounds = false): Profile[] {
  return [
    ...DEMO_CUSTOMERS.map((customer, index) => demoProfile(customer, index, now, seed, totalOutbounds)),
    ...DEMO_ACCOUNTS.map((account, index) => demoAccount(account, index, now)),
    ...edgeCaseProfiles(now, seed),
  ];
}
