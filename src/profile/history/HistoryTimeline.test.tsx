import { within } from '@testing-library/react';

import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { TimelineItem } from '../../../serverless/src/profile/types';
import { buildProfile, timelineItem } from '../test-support/profileFixtures';
import { belowTheHeader, renderCustomerTab } from '../test-support/renderCustomerTab';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

const LAYOUT: CustomerTabLayout = {
  historyEvents: [
    {
      event: 'Order Completed',
      label: 'Purchase',
      dateProperty: 'completed_at',
      primaryProperty: 'total',
      secondaryProperty: 'order_id',
    },
  ],
};

async function historyOf(items: TimelineItem[], customerTab: CustomerTabLayout = LAYOUT) {
  renderCustomerTab([
    buildProfile({
      timeline: { items, next: null },
      presentation: { highlightedTraits: [], traitDisplay: {}, customerTab },
    }),
  ]);
  return within(await belowTheHeader());
}

describe('HistoryTimeline: the events an admin chose', () => {
  it("shows Flex's interactions and the listed events only, named, summed up and dated as set", async () => {
    const history = await historyOf([
      timelineItem('o1', 'Order Completed', ago(5), {
        total: 120,
        currency: 'EUR',
        order_id: 'A-1042',
        // Completed three days before Segment received it: dated, and sorted, by when it was completed.
        completed_at: ago(3 * 24 * 60),
      }),
      timelineItem('p1', 'Product Viewed', ago(10), { name: 'Blue shoes' }),
      { id: 'pg1', type: 'page', name: 'Pricing', timestamp: ago(15), properties: {} },
      timelineItem('f1', 'Flex - Engagement Completed', ago(20), { channelType: 'voice', direction: 'inbound' }),
    ]);

    const items = history.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Wrap-up');
    expect(items[1]).toHaveTextContent('Purchase · from Segment');
    expect(items[1]).toHaveTextContent('€120.00 · A-1042');
    expect(history.queryByText(/Product Viewed|Blue shoes|Viewed a page/)).not.toBeInTheDocument();
    // Under its own day, three days back, not with today's events.
    expect(history.getAllByRole('heading', { level: 4 })).toHaveLength(2);
  });

  it('dates an event by a date-only property on that day, with no time of day made up', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * MINUTE);
    const day = [threeDaysAgo.getFullYear(), threeDaysAgo.getMonth() + 1, threeDaysAgo.getDate()];
    const history = await historyOf([
      timelineItem('o1', 'Order Completed', ago(5), {
        total: 120,
        currency: 'EUR',
        completed_at: day.map((part) => String(part).padStart(2, '0')).join('-'),
      }),
    ]);
    const heading = new Date(day[0], day[1] - 1, day[2]).toLocaleDateString('en-US', { dateStyle: 'medium' });
    expect(history.getByRole('heading', { level: 4 })).toHaveTextContent(heading);
    expect(history.getByRole('listitem')).toHaveTextContent('Purchase · from Segment€120.00');
    expect(history.getByRole('listitem')).not.toHaveTextContent(/\d:\d\d/);
  });

  it("says the admin's settings hide the other events when none of the chosen ones is loaded", async () => {
    const history = await historyOf([timelineItem('p1', 'Product Viewed', ago(10))]);
    expect(
      history.getByText(
        'None of the events an admin chose to show is in the activity loaded so far; the other events are hidden by the Unify settings.',
      ),
    ).toBeInTheDocument();
    expect(history.queryByText(/No activity in the last 14 days/)).not.toBeInTheDocument();
    expect(history.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('shows every event when the admin listed none', async () => {
    const history = await historyOf([timelineItem('p1', 'Product Viewed', ago(10))], {});
    expect(history.getByRole('listitem')).toHaveTextContent('Product Viewed');
  });
});
