import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { buildProfile } from '../test-support/profileFixtures';
import { groupTraits, TraitGroup } from './groupTraits';

const TRAITS: CustomerProfile['traits'] = {
  custom: {
    name: 'Ana García',
    email: 'ana.garcia@example.com',
    plan: 'Premium',
    status: 'active',
    city: 'San Francisco',
    account_number: 'AC-1042',
    billing_cycle: 'monthly',
    favourite_colour: 'teal',
  },
  computed: { total_inbounds: 7, lifetime_orders: 12 },
  audiences: {},
  predictive: { likelihood_to_churn: 0.85, likelihood_to_purchase: 0.3 },
};

const withLayout = (customerTab: CustomerTabLayout) =>
  buildProfile({ traits: TRAITS, presentation: { highlightedTraits: [], traitDisplay: {}, customerTab } });

/** Each group as `title: trait, trait`, to read the whole layout at a glance. */
const outline = (groups: TraitGroup[]) =>
  groups.map(
    ({ title, rows }) => `${'text' in title ? title.text : title.key}: ${rows.map((row) => row.key).join(', ')}`,
  );

describe('groupTraits', () => {
  it('keeps the default groups when the answer carries no layout', () => {
    expect(outline(groupTraits(buildProfile({ traits: TRAITS })))).toEqual([
      'UnifiedProfilesGroupAccount: plan, status',
      'UnifiedProfilesGroupContact: city',
      'UnifiedProfilesGroupComputed: lifetime_orders, total_inbounds',
      'UnifiedProfilesGroupPredictions: likelihood_to_churn, likelihood_to_purchase',
      'UnifiedProfilesGroupOther: account_number, billing_cycle, favourite_colour',
    ]);
  });

  it("puts the admin's groups first, in their order and titles, and the rest in the default groups", () => {
    const groups = groupTraits(
      withLayout({
        traitGroups: [
          { title: 'Billing', traits: ['billing_cycle', 'no_such_trait', 'plan', 'account_number'] },
          { title: 'Empty here', traits: ['no_such_trait_either'] },
          { title: 'Service', traits: ['total_inbounds', 'likelihood_to_churn'] },
        ],
      }),
    );
    expect(outline(groups)).toEqual([
      'Billing: billing_cycle, plan, account_number',
      'Service: total_inbounds, likelihood_to_churn',
      'UnifiedProfilesGroupAccount: status',
      'UnifiedProfilesGroupContact: city',
      'UnifiedProfilesGroupComputed: lifetime_orders',
      'UnifiedProfilesGroupPredictions: likelihood_to_purchase',
      'UnifiedProfilesGroupOther: favourite_colour',
    ]);
    expect(groups.map((group) => group.id)).toEqual([
      'admin-0',
      'admin-2',
      'account',
      'contact',
      'computed',
      'predictions',
      'other',
    ]);
  });

  it("keeps a prediction's typing in an admin's group", () => {
    const [service] = groupTraits(withLayout({ traitGroups: [{ title: 'Service', traits: ['likelihood_to_churn'] }] }));
    expect(service.rows).toEqual([{ key: 'likelihood_to_churn', value: 0.85, type: 'reversedPercentile' }]);
  });

  it('never shows again what the header or the identifiers show, nor an inherited name', () => {
    const groups = groupTraits(
      withLayout({
        header: { secondaryTrait: 'billing_cycle' },
        traitGroups: [{ title: 'Everything', traits: ['name', 'email', 'billing_cycle', 'constructor', 'city'] }],
      }),
    );
    expect(outline(groups)[0]).toBe('Everything: city');
    expect(groups.flatMap((group) => group.rows.map((row) => row.key))).not.toContain('billing_cycle');
  });
});
