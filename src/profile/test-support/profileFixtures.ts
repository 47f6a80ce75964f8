import type { CustomerProfile, TimelineItem } from '../../../serverless/src/profile/types';

/** A profile as /profile answers it, for tests of the slice and the tab. */
export function buildProfile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    segmentId: 'use_2Ana0Garcia0Demo000000000',
    displayName: 'Ana García',
    matchedIdentifier: { type: 'phone', value: '+14155550100' },
    identifiers: [
      { type: 'user_id', value: 'usr_ana_garcia' },
      { type: 'email', value: 'ana.garcia@example.com' },
      { type: 'phone', value: '+14155550100', display: '+1 415 555 0100' },
    ],
    traits: {
      custom: { name: 'Ana García', plan: 'Premium', city: 'San Francisco', email: 'ana.garcia@example.com' },
      computed: { total_inbounds: 7 },
      audiences: { high_value_customers: true, churned_users: false },
      predictive: { likelihood_to_churn: 0.85 },
    },
    metadata: null,
    linkedAccounts: [],
    timeline: { items: [], next: null },
    ...overrides,
  };
}

/** One history event as /profile answers it. */
export function timelineItem(
  id: string,
  name: string,
  timestamp: string,
  properties: TimelineItem['properties'] = {},
): TimelineItem {
  return { id, type: 'track', name, timestamp, properties };
}
