import { screen, within } from '@testing-library/react';

import { buildProfile } from '../test-support/profileFixtures';
import { belowTheHeader, renderCustomerTab } from '../test-support/renderCustomerTab';

describe('TraitDetails: the trait groups an admin set', () => {
  it("shows the admin's groups first, titled as written, then the default groups for the rest", async () => {
    const profile = buildProfile({
      traits: {
        custom: { name: 'Ana García', plan: 'Premium', city: 'San Francisco', billing_cycle: 'monthly', pet: 'cat' },
        computed: { total_inbounds: 7 },
        audiences: {},
        predictive: { likelihood_to_churn: 0.85 },
      },
      presentation: {
        highlightedTraits: [],
        traitDisplay: {},
        customerTab: {
          traitGroups: [
            { title: 'Billing & plan', traits: ['plan', 'billing_cycle'] },
            { title: 'Risk', traits: ['likelihood_to_churn'] },
          ],
        },
      },
    });
    renderCustomerTab([profile]);
    await belowTheHeader();

    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings.slice(0, 6)).toEqual([
      'Highlights',
      'Billing & plan',
      'Risk',
      'Location and preferences',
      'Activity (computed by Segment)',
      'Other traits',
    ]);
    expect(screen.queryByRole('heading', { name: 'Account' })).not.toBeInTheDocument();
    const billing = within(screen.getByRole('region', { name: 'Billing & plan' }));
    expect(billing.getAllByRole('term').map((term) => term.textContent)).toEqual(['Plan', 'Billing cycle']);
    expect(within(screen.getByRole('region', { name: 'Risk' })).getByText('High – top 25%')).toBeInTheDocument();
  });
});
