/** The Customer tab an agent sees beside each demo task: who, highlights, history, freshness, failures. */
import {
  acceptTask,
  customerTab,
  openCustomerTab,
  SANDBOX_URL,
  searchCustomer,
  selectTask,
  setSimFaults,
  SEGMENT_SIM_URL,
  taskRow,
  TaskLabel,
  sandboxPagePerTest,
} from './support';

const session = sandboxPagePerTest();

const DEMO_CUSTOMERS: { task: TaskLabel; name: string; matchedBy: string; account?: string }[] = [
  { task: 'Inbound call', name: 'Ana García', matchedBy: 'phone +1 415 555 0100', account: 'Rossi Design Studio' },
  { task: 'WhatsApp', name: 'Kenji Tanaka', matchedBy: 'phone +44 7700 900123' },
  { task: 'Web chat', name: 'Priya Patel', matchedBy: 'email priya.patel@example.com' },
  {
    task: 'Email',
    name: 'Marcus Johnson',
    matchedBy: 'email marcus.johnson@example.org',
    account: 'Johnson Logistics',
  },
  { task: 'Outbound call', name: 'Sofia Rossi', matchedBy: 'phone +39 347 123 4567', account: 'Rossi Design Studio' },
];

describe('Customer tab', () => {
  it.each(DEMO_CUSTOMERS)(
    'shows $name for the $task task, matched by $matchedBy, with highlights, history and any company account',
    async ({ task, name, matchedBy, account }) => {
      const { page } = session;
      await page.goto(SANDBOX_URL);
      const tab = await openCustomerTab(page, task);

      await tab.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
      await tab.getByText(`Matched by ${matchedBy}`, { exact: true }).waitFor();

      const highlights = tab.getByRole('region', { name: 'Highlights', exact: true });
      await highlights.getByRole('listitem').first().waitFor();
      const history = tab.getByRole('region', { name: 'History', exact: true });
      await history.getByRole('listitem').first().waitFor();

      const accounts = tab.getByRole('region', { name: 'Company account', exact: true });
      if (account) {
        await accounts.getByText(account, { exact: true }).waitFor();
      } else {
        expect(await accounts.count()).toBe(0);
      }
    },
  );

  it('keeps the customer shown when a refresh fails, says so, and warns that history may be missing', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const tab = await openCustomerTab(page, 'Inbound call');
    const name = tab.getByRole('heading', { name: 'Ana García', exact: true, level: 2 });
    await name.waitFor();

    await setSimFaults({ errorRates: { '503': 1 } });
    await tab.getByRole('button', { name: 'Refresh', exact: true }).click();
    const stale = tab.getByText(/Updated .* – refresh failed: Segment is not answering right now/);
    await stale.waitFor();
    expect(await name.isVisible()).toBe(true);
    const history = tab.getByRole('region', { name: 'History', exact: true });
    await history.getByText('Segment is not answering right now: some recent activity may be missing.').waitFor();
    expect(await history.getByRole('listitem').count()).toBeGreaterThan(0);

    // Segment answers again: the next refresh clears both notes.
    expect((await fetch(`${SEGMENT_SIM_URL}/__sim/faults`, { method: 'DELETE' })).ok).toBe(true);
    await tab.getByRole('button', { name: 'Refresh', exact: true }).click();
    await stale.waitFor({ state: 'detached' });
    expect(await history.getByText('Segment is not answering right now').count()).toBe(0);
    expect(await name.isVisible()).toBe(true);
  });

  it('loads older history 20 events at a time with "View more" (the 5,000-event profile)', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    await acceptTask(page, 'Unknown caller');
    const tab = await openCustomerTab(page, 'Unknown caller');
    await searchCustomer(tab, 'usr_edge_5000_events', 'User ID');
    await tab.getByRole('heading', { name: 'Busy Bee', exact: true, level: 2 }).waitFor();

    const history = tab.getByRole('region', { name: 'History', exact: true });
    const events = history.getByRole('listitem');
    for (const expected of [20, 40, 60]) {
      if (expected > 20) await history.getByRole('button', { name: 'View more', exact: true }).click();
      await events.nth(expected - 1).waitFor();
      expect(await events.count()).toBe(expected);
    }
  });

  it('turns a profile that breaks rendering into a small card, and the rest of the desktop keeps working', async () => {
    const { page } = session;
    const brokenProfile = {
      profile: {
        segmentId: 'use_x',
        displayName: 'X',
        matchedIdentifier: { type: 'phone', value: '+1' },
        identifiers: null,
        traits: null,
        metadata: null,
        linkedAccounts: null,
        timeline: null,
      },
    };
    let brokenAnswers = 0;
    // Only the WhatsApp task's lookup gets the broken answer; the other tasks reach the Functions.
    await page.route('**/profile', async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && (request.postData() ?? '').includes('whatsapp:+447700900123')) {
        brokenAnswers += 1;
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify(brokenProfile),
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(SANDBOX_URL);
    await openCustomerTab(page, 'WhatsApp');
    // The boundary's card stands in for the whole tab content.
    const panel = page.getByRole('tabpanel', { name: 'Customer' });
    await panel.getByText('This panel hit a problem', { exact: true }).waitFor();
    expect(await customerTab(page).count()).toBe(0);
    expect(brokenAnswers).toBeGreaterThan(0);

    // The task list, the host's Info tab and the other tasks are untouched.
    expect(await page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'Accept' }).count()).toBe(6);
    await page.getByRole('tab', { name: 'Info' }).click();
    await page.getByRole('tabpanel', { name: 'Info' }).getByText('"from": "whatsapp:+447700900123"').waitFor();
    await acceptTask(page, 'Email');
    const email = await openCustomerTab(page, 'Email');
    await email.getByRole('heading', { name: 'Marcus Johnson', exact: true, level: 2 }).waitFor();
    await taskRow(page, 'WhatsApp').getByRole('button', { name: 'Accept' }).click();
    await taskRow(page, 'WhatsApp').getByText('accepted', { exact: true }).waitFor();
  });

  it('opens a voice task on the Customer tab when it is selected or accepted, and leaves a chat task on Info', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const customer = page.getByRole('tab', { name: 'Customer' });
    const info = page.getByRole('tab', { name: 'Info' });

    for (const voice of ['Inbound call', 'Outbound call'] as const) {
      await selectTask(page, voice);
      await page.getByRole('tab', { name: 'Customer', selected: true }).waitFor();
      expect(await customer.getAttribute('aria-selected')).toBe('true');
      await customerTab(page).getByRole('heading', { level: 2 }).waitFor();
    }

    // Accepting changes the task's status, which sends Flex's canvas back to its first tab: the call starts on Customer.
    await selectTask(page, 'Inbound call');
    await taskRow(page, 'Inbound call').getByRole('button', { name: 'Accept' }).click();
    await taskRow(page, 'Inbound call').getByText('accepted', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    expect(await customer.getAttribute('aria-selected')).toBe('true');

    await selectTask(page, 'WhatsApp');
    await page.getByRole('tabpanel', { name: 'Info' }).getByText('"from": "whatsapp:+447700900123"').waitFor();
    // The plugin's listener runs after SelectTask: give it the time it would need to switch tabs.
    await page.waitForTimeout(500);
    expect(await info.getAttribute('aria-selected')).toBe('true');
    expect(await customer.getAttribute('aria-selected')).toBe('false');
  });
});
