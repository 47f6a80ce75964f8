/**
 * The customers the sandbox's demo tasks point at. The Segment simulator seeds them
 * into its data set (beside the generated crowd) so every demo task finds someone;
 * tests of the Functions and of the browser rely on these exact values.
 */
export interface DemoCustomer {
  key: string;
  segmentId: string;
  userId?: string;
  email?: string;
  phone?: string;
  anonymousId?: string;
  traits: Record<string, unknown>;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    key: 'ana',
    segmentId: 'use_2Ana0Garcia0Demo000000000',
    userId: 'usr_ana_garcia',
    email: 'ana.garcia@example.com',
    phone: '+14155550100',
    traits: {
      name: 'Ana García',
      first_name: 'Ana',
      last_name: 'García',
      email: 'ana.garcia@example.com',
      phone: '+14155550100',
      plan: 'Premium',
      city: 'San Francisco',
      lifetime_value: 4210.5,
      total_inbounds: 7,
      frequent_inbound_channel: 'voice',
    },
  },
  {
    key: 'kenji',
    segmentId: 'use_2Kenji0Tanaka0Demo0000000',
    userId: 'usr_kenji_tanaka',
    email: 'kenji.tanaka@example.jp',
    phone: '+447700900123',
    traits: {
      name: 'Kenji Tanaka',
      first_name: 'Kenji',
      last_name: 'Tanaka',
      email: 'kenji.tanaka@example.jp',
      phone: '+447700900123',
      plan: 'Basic',
      city: 'London',
      total_inbounds: 2,
      frequent_inbound_channel: 'whatsapp',
    },
  },
  {
    key: 'priya',
    segmentId: 'use_2Priya0Patel0Demo00000000',
    email: 'priya.patel@example.com',
    anonymousId: 'anon-7f3c2a9e-priya',
    traits: {
      name: 'Priya Patel',
      first_name: 'Priya',
      email: 'priya.patel@example.com',
      plan: 'Trial',
      city: 'Austin',
    },
  },
  {
    key: 'marcus',
    segmentId: 'use_2Marcus0Johnson0Demo00000',
    userId: 'usr_marcus_johnson',
    email: 'marcus.johnson@example.org',
    traits: {
      name: 'Marcus Johnson',
      first_name: 'Marcus',
      last_name: 'Johnson',
      email: 'marcus.johnson@example.org',
      plan: 'Enterprise',
      company: 'Johnson Logistics',
    },
  },
  {
    key: 'sofia',
    segmentId: 'use_2Sofia0Rossi0Demo00000000',
    userId: 'usr_sofia_rossi',
    email: 'sofia.rossi@example.it',
    phone: '+393471234567',
    traits: {
      name: 'Sofia Rossi',
      first_name: 'Sofia',
      last_name: 'Rossi',
      email: 'sofia.rossi@example.it',
      phone: '+393471234567',
      plan: 'Premium',
      city: 'Milano',
    },
  },
];

/** A caller the simulator knows nothing about: the "unknown caller" demo task. */
export const UNKNOWN_CALLER_PHONE = '+15005550006';
