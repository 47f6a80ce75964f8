import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ITask } from '@twilio/flex-ui';

import { BackendError, FunctionsClient, ProfileLookupRequest } from '../backend/FunctionsClient';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import { fakeFunctionsClient } from '../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../shared/test-support/renderWithProviders';
import { CustomerTabContent } from './CustomerTab';
import { createProfileLoader } from './profileLoader';
import { buildProfile, timelineItem } from './test-support/profileFixtures';

const HOUR = 3_600_000;

/** A task as Flex hands it to the tab; `setAttributes` replaces the attributes, as TaskRouter does. */
function buildTask(overrides: Partial<ITask> = {}): ITask {
  return {
    taskSid: 'WT1',
    taskStatus: 'assigned',
    taskChannelUniqueName: 'voice',
    attributes: { from: '+14155550100', direction: 'inbound' },
    setAttributes: jest.fn(async () => undefined),
    ...overrides,
  } as unknown as ITask;
}

/** A Functions client whose answers the test scripts, recording what it was asked. */
function scriptedFunctions(...answers: Array<() => Promise<unknown>>) {
  const requests: ProfileLookupRequest[] = [];
  const pageRequests: unknown[] = [];
  const pages: Array<() => Promise<unknown>> = [];
  const client = fakeFunctionsClient({
    lookupProfile: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('No scripted answer left.');
      return (await answer()) as never;
    },
    nextProfileEvents: async (request) => {
      pageRequests.push(request);
      const answer = pages.shift();
      if (!answer) throw new Error('No scripted page left.');
      return (await answer()) as never;
    },
  });
  return { client, requests, pageRequests, pages };
}

const notFound = () => Promise.reject(new BackendError('profile_not_found', 'No Segment profile matches.', 404));

function renderTab(functions: FunctionsClient, task = buildTask()) {
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const loader = createProfileLoader(store, functions);
  const view = renderWithProviders(<CustomerTabContent task={task} loader={loader} />, store);
  const rerender = (next: ITask) => view.rerender(<CustomerTabContent task={next} loader={loader} />);
  return { store, loader, rerender };
}

/** The sections below the header render a frame after it: wait for the last of them. */
const belowTheHeader = () => screen.findByRole('region', { name: 'History' });

/** The value shown beside a label in one of the tab's description lists. */
const valueOf = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('CustomerTab: a found customer', () => {
  it('shows the header skeleton while loading, never a "No name recorded" flash', async () => {
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client);
    expect(screen.getByRole('status')).toHaveTextContent('Looking up the customer…');
    expect(screen.queryByText('No name recorded')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
  });

  it('heads the tab with name, company, customer since and the identifier that matched, in words', async () => {
    const profile = buildProfile({
      metadata: { createdAt: '2024-03-05T10:00:00Z' },
      linkedAccounts: [{ id: 'grp_rossi', traits: { name: 'Rossi Design Studio', plan: 'Premium', employees: 18 } }],
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);

    const header = within(await screen.findByRole('region', { name: 'Ana García' }));
    await belowTheHeader();
    expect(header.getByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(header.getByText('Rossi Design Studio · Customer since Mar 5, 2024')).toBeInTheDocument();
    expect(header.getByText('Matched by phone +1 415 555 0100')).toBeInTheDocument();
    // The account shows once in the header and once with its key traits, never as a bare trait row.
    expect(screen.getByRole('heading', { name: 'Company account' })).toBeInTheDocument();
    expect(screen.getByText('Plan: Premium · Employees: 18')).toBeInTheDocument();
  });

  it('falls back to "No name recorded" when Segment holds no name', async () => {
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile({ displayName: null }) }));
    renderTab(client);
    expect(await screen.findByRole('heading', { name: 'No name recorded' })).toBeInTheDocument();
  });

  it('reads predictions as bands, the right way round for risk, and money with its currency', async () => {
    const profile = buildProfile({
      traits: {
        custom: { name: 'Ana García', plan: 'Premium', email: 'ana.garcia@example.com' },
        computed: { lifetime_value: 4210.5, frequent_inbound_channel: 'whatsapp', total_inbounds: 7 },
        audiences: { high_value_customers: true, churned_users: false },
        predictive: { likelihood_to_churn: 0.12, likelihood_to_purchase: 0.87 },
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);
    await screen.findByRole('heading', { name: 'Ana García' });
    await belowTheHeader();

    expect(valueOf('Likelihood to churn')).toHaveTextContent('Low – bottom 25%');
    expect(valueOf('Likelihood to purchase')).toHaveTextContent('Top 25% – higher than average');
    expect(valueOf('Lifetime value')).toHaveTextContent('$4,210.50');
    expect(valueOf('Frequent inbound channel')).toHaveTextContent('WhatsApp');
    expect(screen.getByText('High value customers')).toBeInTheDocument();
    expect(screen.queryByText('Churned users')).not.toBeInTheDocument();
  });

  it('uses the display names and field types an admin set, in the details and the highlights', async () => {
    const profile = buildProfile({
      traits: {
        custom: { name: 'Ana García', signup: '2024-03-01', portal: 'not a link', vip: true },
        computed: { lifetime_value: 4210.5, orders_value: 99 },
        audiences: {},
        predictive: { support_score: 0.9 },
      },
      presentation: {
        highlightedTraits: ['orders_value'],
        traitDisplay: {
          lifetime_value: { label: 'Lifetime spend', type: 'currency', currency: 'EUR' },
          orders_value: { label: 'Order total', type: 'currency', currency: 'GBP' },
          // Risk-like: a high score is bad news.
          support_score: { label: 'Escalation risk', type: 'reversedPercentile' },
          signup: { type: 'text' },
          // Not a link: shown as it is, not as a broken link.
          portal: { type: 'link' },
          vip: { label: 'VIP' },
        },
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);
    await screen.findByRole('heading', { name: 'Ana García' });
    await belowTheHeader();

    expect(valueOf('Lifetime spend')).toHaveTextContent('€4,210.50');
    expect(valueOf('Escalation risk')).toHaveTextContent('High – top 25%');
    expect(valueOf('Signup')).toHaveTextContent('2024-03-01');
    expect(valueOf('Portal')).toHaveTextContent('not a link');
    expect(screen.queryByRole('link', { name: /not a link/ })).not.toBeInTheDocument();
    expect(valueOf('VIP')).toHaveTextContent('Yes');
    expect(screen.queryByText('Lifetime value')).not.toBeInTheDocument();

    const highlights = within(screen.getByRole('region', { name: 'Highlights' }));
    expect(highlights.getByText('Order total: £99.00')).toBeInTheDocument();
    expect(highlights.getByText('Lifetime value €4,210.50')).toBeInTheDocument();
  });

  it('shows email and phone once, as identifiers with display names and a readable phone', async () => {
    const profile = buildProfile({
      identifiers: [
        { type: 'user_id', value: 'usr_ana_garcia' },
        { type: 'email', value: 'ana.garcia@example.com' },
        { type: 'phone', value: '+14155550100', display: '+1 415 555 0100' },
      ],
    });
    profile.traits.custom.phone = '+14155550100';
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);
    await screen.findByRole('heading', { name: 'Ana García' });
    await belowTheHeader();

    expect(screen.getAllByText('ana.garcia@example.com')).toHaveLength(1);
    expect(valueOf('Phone')).toHaveTextContent('+1 415 555 0100');
    expect(valueOf('User ID')).toHaveTextContent('usr_ana_garcia');
  });

  it('summarises value, risk, plan and the last interaction, each naming its source on focus', async () => {
    const now = Date.now();
    const profile = buildProfile({
      traits: {
        custom: { name: 'Ana García', plan: 'Premium' },
        computed: { lifetime_value: 4210.5 },
        audiences: {},
        predictive: { likelihood_to_churn: 0.12 },
      },
      timeline: {
        items: [
          timelineItem('e1', 'Flex - Engagement Completed', new Date(now - 3 * 24 * HOUR).toISOString(), {
            channelType: 'whatsapp',
            queue: 'Support',
            direction: 'Inbound',
          }),
        ],
        next: null,
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);

    const highlights = within(await screen.findByRole('region', { name: 'Highlights' }));
    expect(highlights.getByText('Lifetime value $4,210.50')).toBeInTheDocument();
    expect(highlights.getByText('Churn risk: Low – bottom 25%')).toBeInTheDocument();
    expect(highlights.getByText('On the Premium plan')).toBeInTheDocument();
    const lastContact = highlights.getByText('Last contact 3 days ago: Inbound WhatsApp · Support queue');

    await userEvent.tab();
    act(() => lastContact.focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent('From the event “Wrap-up” on');
  });

  it('adds the traits an admin highlighted after its own lines, in their order, each once and only when present', async () => {
    const profile = buildProfile({
      traits: {
        custom: { name: 'Ana García', plan: 'Premium', city: 'San Francisco' },
        computed: { total_inbounds: 7, frequent_inbound_channel: 'whatsapp', lifetime_orders: 12 },
        audiences: {},
        predictive: { likelihood_to_churn: 0.85, likelihood_to_purchase: 0.9 },
      },
      presentation: {
        highlightedTraits: ['lifetime_orders', 'likelihood_to_churn', 'no_such_trait', 'total_inbounds', 'city'],
        traitDisplay: {},
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);

    const region = await screen.findByRole('region', { name: 'Highlights' });
    const lines = within(region)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('data-highlight'));
    // Churn and total inbounds are said by the tab's own lines already; no_such_trait is not on the profile.
    expect(lines).toEqual(['churn', 'purchase', 'plan', 'inbounds', 'trait-lifetime_orders', 'trait-city']);
    expect(within(region).getByText('Churn risk: High – top 25%')).toBeInTheDocument();
    expect(within(region).getByText('7 inbound contacts, mostly WhatsApp')).toBeInTheDocument();
    expect(within(region).getByText('City: San Francisco')).toBeInTheDocument();
    const configured = within(region).getByText('Lifetime orders: 12');
    act(() => configured.focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent('From the trait “Lifetime orders” (lifetime_orders)');
  });

  it('highlights only its own lines when the answer carries no presentation', async () => {
    const profile = buildProfile({
      traits: { custom: { name: 'Ana García' }, computed: { lifetime_orders: 12 }, audiences: {}, predictive: {} },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);

    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(screen.queryByText('Lifetime orders: 12')).not.toBeInTheDocument();
  });
});

describe('CustomerTab: history', () => {
  it('groups events by day, newest first, tells Flex interactions from other sources, and filters by kind', async () => {
    const now = Date.now();
    const profile = buildProfile({
      timeline: {
        items: [
          timelineItem('o1', 'Order Completed', new Date(now - 10 * 60_000).toISOString(), {
            revenue: 120,
            currency: 'EUR',
          }),
          timelineItem('f1', 'Flex - Engagement Initiated', new Date(now - 30 * 60_000).toISOString(), {
            channelType: 'voice',
            direction: 'Inbound',
            queue: 'Billing',
            duration: 245,
          }),
        ],
        next: null,
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);

    const history = within(await screen.findByRole('region', { name: 'History' }));
    const items = history.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Order Completed · from Segment');
    expect(items[0]).toHaveTextContent('€120.00');
    expect(items[1]).toHaveTextContent('Conversation');
    expect(items[1]).toHaveTextContent('Inbound Voice · Billing queue · 4m 5s');
    expect(items[1]).not.toHaveTextContent('from Segment');

    await userEvent.selectOptions(history.getByLabelText('Show'), 'Contact center interactions');
    expect(history.getAllByRole('listitem')).toHaveLength(1);
    expect(history.getByRole('listitem')).toHaveTextContent('Conversation');
  });

  it('says the window is 14 days when there is no history', async () => {
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client);
    expect(await screen.findByText(/No activity in the last 14 days/)).toBeInTheDocument();
  });

  it('loads 20 more through the cursor on "View more", and hides it at the end', async () => {
    const now = Date.now();
    const at = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const profile = buildProfile({
      timeline: { items: [timelineItem('e1', 'Product Viewed', at(1))], next: 'cursor-1' },
    });
    const { client, pages, pageRequests } = scriptedFunctions(async () => ({ profile }));
    pages.push(async () => ({ timeline: { items: [timelineItem('e2', 'Product Viewed', at(5))], next: null } }));
    renderTab(client);

    await userEvent.click(await screen.findByRole('button', { name: 'View more' }));
    const history = within(screen.getByRole('region', { name: 'History' }));
    await waitFor(() => expect(history.getAllByRole('listitem')).toHaveLength(2));
    expect(pageRequests).toEqual([{ segmentId: profile.segmentId, next: 'cursor-1' }]);
    expect(screen.queryByRole('button', { name: 'View more' })).not.toBeInTheDocument();
  });
});

describe('CustomerTab: not found and search', () => {
  it('says what was looked up, and prefills the search with the task contact', async () => {
    const { client } = scriptedFunctions(notFound);
    renderTab(client);
    expect(await screen.findByText('No customer matched phone +14155550100')).toBeInTheDocument();
    expect(screen.getByLabelText('Search by')).toHaveValue('phone');
    expect(screen.getByLabelText('Find a customer')).toHaveValue('+14155550100');
  });

  it('searches a bare word as a user id, and shows the customer it finds', async () => {
    const { client, requests } = scriptedFunctions(notFound, async () => ({
      profile: buildProfile({ displayName: 'Marcus Johnson' }),
    }));
    renderTab(client, buildTask({ attributes: { from: 'Marcus', channelType: 'web' } } as Partial<ITask>));

    await userEvent.type(await screen.findByLabelText('Find a customer'), 'usr_marcus_johnson');
    expect(screen.getByLabelText('Search by')).toHaveValue('user_id');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('heading', { name: 'Marcus Johnson' })).toBeInTheDocument();
    expect(requests[1]).toEqual({ identifier: 'user_id:usr_marcus_johnson' });
  });

  it('answers a typing mistake beside the field, without calling the backend', async () => {
    const { client, requests } = scriptedFunctions(notFound);
    renderTab(client);
    const field = await screen.findByLabelText('Find a customer');
    await userEvent.selectOptions(screen.getByLabelText('Search by'), 'email');
    await userEvent.clear(field);
    await userEvent.type(field, 'ana.garcia@{enter}');

    expect(screen.getByText(/This is not an email address/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(1);
  });

  it('says which search found nobody', async () => {
    const { client } = scriptedFunctions(notFound, notFound);
    renderTab(client);
    const field = await screen.findByLabelText('Find a customer');
    await userEvent.clear(field);
    await userEvent.type(field, 'someone@example.com{enter}');
    expect(await screen.findByText('No customer matched email someone@example.com')).toBeInTheDocument();
  });
});

describe('CustomerTab: link, unlink, refresh and failures', () => {
  it('links the found customer to the task through its attributes, keeping the other attributes', async () => {
    const task = buildTask();
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    const { rerender } = renderTab(client, task);

    await userEvent.click(await screen.findByRole('button', { name: 'Link to task' }));
    expect(task.setAttributes).toHaveBeenCalledWith({
      from: '+14155550100',
      direction: 'inbound',
      unified_profiles: {
        link: expect.objectContaining({
          segment_id: 'use_2Ana0Garcia0Demo000000000',
          identifier: 'phone:+14155550100',
          linked_by: 'agent',
        }),
      },
    });

    const linkedTask = buildTask({ attributes: (task.setAttributes as jest.Mock).mock.calls[0][0] });
    rerender(linkedTask);
    expect(await screen.findByText('Linked to this task')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Link to task' })).not.toBeInTheDocument();
  });

  it('puts the agent in the search field after "Search another customer"', async () => {
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client);
    await userEvent.click(await screen.findByRole('button', { name: 'Search another customer' }));
    expect(await screen.findByLabelText('Find a customer')).toHaveFocus();
  });

  it('shows a profile whose history holds an event with no readable time', async () => {
    const profile = buildProfile({
      timeline: {
        items: [timelineItem('e1', 'Flex - Engagement Completed', '', { channelType: 'voice' })],
        next: null,
      },
    });
    const { client } = scriptedFunctions(async () => ({ profile }));
    renderTab(client);
    const history = within(await belowTheHeader());
    expect(history.getByRole('listitem')).toHaveTextContent('Wrap-up');
    expect(screen.queryByText('This panel hit a problem')).not.toBeInTheDocument();
  });

  it('offers no link on a task the agent does not hold yet', async () => {
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client, buildTask({ taskStatus: 'reserved' }));
    await screen.findByRole('heading', { name: 'Ana García' });
    expect(screen.queryByRole('button', { name: 'Link to task' })).not.toBeInTheDocument();
  });

  it('unlinks only after confirmation, then falls back to search', async () => {
    const linkedAttributes = {
      from: '+14155550100',
      unified_profiles: {
        link: {
          segment_id: 'use_2Ana0Garcia0Demo000000000',
          identifier: 'phone:+14155550100',
          linked_at: 'x',
          linked_by: 'agent',
        },
      },
    };
    const task = buildTask({ attributes: linkedAttributes });
    const { client } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client, task);

    await userEvent.click(await screen.findByRole('button', { name: 'Unlink from task' }));
    const confirmation = await screen.findByRole('group', { name: 'Unlink this customer?' });
    expect(confirmation).toHaveFocus();
    const dialog = within(confirmation);
    expect(dialog.getByText(/Not talking to Ana García\?/)).toBeInTheDocument();
    expect(task.setAttributes).not.toHaveBeenCalled();

    await userEvent.click(dialog.getByRole('button', { name: 'Unlink' }));
    expect(task.setAttributes).toHaveBeenCalledWith({ from: '+14155550100' });
    expect(await screen.findByText('Find the customer')).toBeInTheDocument();
  });

  it('keeps the last profile with "refresh failed" and the reason when a refresh fails', async () => {
    const { client, requests } = scriptedFunctions(
      async () => ({ profile: buildProfile() }),
      () => Promise.reject(new BackendError('segment_unavailable', 'Segment did not answer.', 503)),
    );
    renderTab(client);

    await userEvent.click(await screen.findByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(/Updated .* – refresh failed: Segment is not answering right now/),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(screen.getByText(/some recent activity may be missing/)).toBeInTheDocument();
    expect(requests[1]).toMatchObject({ refresh: true });
  });

  it("explains a failure in the agent's words and retries on request", async () => {
    const { client, requests } = scriptedFunctions(
      async () => Promise.reject(new BackendError('segment_unavailable', 'upstream 503 after 3 tries', 503)),
      async () => ({ profile: buildProfile() }),
    );
    renderTab(client);

    expect(await screen.findByText('Segment is not answering right now. Try again in a minute.')).toBeInTheDocument();
    expect(screen.queryByText(/upstream 503/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(requests).toHaveLength(2);
  });

  it('does not look the customer up twice when the reservation already started it', async () => {
    const task = buildTask();
    const { client, requests } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
    const loader = createProfileLoader(store, client);
    const prefetch = loader.loadForTask(task.taskSid, task.attributes);
    renderWithProviders(<CustomerTabContent task={task} loader={loader} />, store);
    await prefetch;

    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });
});
