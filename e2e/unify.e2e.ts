/** The Unify entry: connect, save and check Segment from inside Flex; supervisors read, agents never see it. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import { openCustomerTab, SANDBOX_URL, sandboxPagePerTest } from './support';

const session = sandboxPagePerTest();
const SIMULATOR_TOKEN = 'sandbox-profile-token';

async function openUnify(page: Page, query = '?role=admin') {
  await page.goto(`${SANDBOX_URL}/${query}`);
  await page.getByRole('button', { name: 'Unify' }).click();
  await page.getByRole('heading', { name: 'Segment Unify' }).waitFor();
  await page.getByRole('region', { name: 'Overview' }).waitFor();
}

async function saveConnection(page: Page, fields: { space?: string; token?: string }) {
  if (fields.space !== undefined) await page.getByLabel('Unify space ID').fill(fields.space);
  if (fields.token !== undefined) await page.getByLabel('Profile API token').fill(fields.token);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await page.getByText(/Saved\. Every lookup uses it within/).waitFor();
}

async function testConnection(page: Page) {
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByRole('list', { name: 'Check results' }).waitFor();
}

describe('Unify view', () => {
  it('lets an admin connect by typing the space and token, and says Ready only once a check passed', async () => {
    const { page } = session;
    await openUnify(page);
    const overview = page.getByRole('region', { name: 'Overview' });
    expect(await overview.getByText('Ready: agents see customer profiles.').count()).toBe(0);

    await saveConnection(page, { space: 'spa_sandbox', token: SIMULATOR_TOKEN });
    // Saved, but not yet measured: no "Ready" until the check against Segment passes.
    expect(await overview.getByText('Ready: agents see customer profiles.').count()).toBe(0);
    await testConnection(page);
    await overview.getByText('Ready: agents see customer profiles.').waitFor();
    await overview.getByText(/Checked .* by sandbox-admin\./).waitFor();
    // The check is recorded: another visit (another supervisor) sees the same measurement.
    await openUnify(page);
    await overview.getByText('Ready: agents see customer profiles.').waitFor();
    // The token is write-only: only its last four characters come back.
    expect(await page.getByLabel('Profile API token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(SIMULATOR_TOKEN);
  });

  it('names a broken token, and an agent’s next lookup reads the new settings with no restart', async () => {
    const { page } = session;
    await openUnify(page);
    await saveConnection(page, { space: 'spa_sandbox', token: 'not-the-right-token' });
    await testConnection(page);
    const overview = page.getByRole('region', { name: 'Overview' });
    await overview.getByText('Failing: agents cannot see customer profiles.').waitFor();
    await page.locator('[data-check-step="profile_api"]').getByText('Failed').waitFor();

    await page.goto(SANDBOX_URL);
    const tab = await openCustomerTab(page, 'Inbound call');
    await tab.getByText(/Segment refused the connection settings/).waitFor();

    await openUnify(page);
    await saveConnection(page, { token: SIMULATOR_TOKEN });
    await testConnection(page);
    await overview.getByText('Ready: agents see customer profiles.').waitFor();
    await page.goto(SANDBOX_URL);
    const again = await openCustomerTab(page, 'Inbound call');
    await again.getByRole('heading', { name: 'Ana García', level: 2 }).waitFor();
  });

  it('shows a supervisor the settings read-only, and gives an agent no Unify entry', async () => {
    const { page } = session;
    await openUnify(page, '?role=supervisor');
    await page.getByText('Only administrators can change the connection.').waitFor();
    expect(await page.getByRole('button', { name: 'Save connection' }).count()).toBe(0);
    expect(await page.getByText('spa_sandbox').count()).toBeGreaterThan(0);

    await page.goto(`${SANDBOX_URL}/?role=agent`);
    await page.getByRole('button', { name: 'Agent Desktop' }).waitFor();
    expect(await page.getByRole('button', { name: 'Unify' }).count()).toBe(0);
  });

  it('guides a new workspace: Segment opens in a new tab, the steps an admin ticks are kept, a supervisor reads them', async () => {
    const { page, context } = session;
    await openUnify(page);
    await saveConnection(page, { space: 'spa_sandbox', token: SIMULATOR_TOKEN });
    await testConnection(page);
    await openUnify(page);
    const setup = page.getByRole('region', { name: 'Create a Segment workspace for Flex' });

    // Offline here: Segment's app answers from a stand-in, so the new tab has something to load.
    await context.route('https://app.segment.com/**', (route) => route.fulfill({ body: 'Segment' }));
    const link = setup.getByRole('link', { name: 'Create Unify space in Segment (opens in a new tab)' });
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    expect(tab.url()).toBe('https://app.segment.com/');
    await tab.close();

    // Ready: the steps start collapsed; the keyboard opens them and ticks a step.
    const details = setup.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await setup.locator('summary').focus();
    await page.keyboard.press('Enter');
    await setup.getByText('This choice cannot be changed later', { exact: false }).waitFor();
    await setup.getByText(/Predictive traits take up to 48 hours to be ready/).waitFor();
    await setup.getByRole('checkbox', { name: 'Step 1 done' }).focus();
    await page.keyboard.press('Space');
    await setup.getByText(/Ticked off by sandbox-admin/).waitFor();
    await setup.getByText(/1 of 4 done/).waitFor();

    await openUnify(page, '?role=supervisor');
    await setup.locator('summary').click();
    const step1 = setup.locator('[data-setup-step="data_source"]');
    await step1.getByText('Done', { exact: true }).waitFor();
    await step1.getByText(/Ticked off by sandbox-admin/).waitFor();
    expect(await setup.getByRole('checkbox').count()).toBe(0);
  });

  it('lets an admin lay the Customer tab out and preview it before saving; an agent’s next lookup follows it', async () => {
    const { page } = session;
    await openUnify(page);
    await saveConnection(page, { space: 'spa_sandbox', token: SIMULATOR_TOKEN });
    const agentView = page.getByRole('region', { name: 'What agents see' });
    // The preview reads a real customer of the space, first as the tab is laid out now…
    await agentView.getByLabel('Customer to preview').fill('email:ana.garcia@example.com');
    await agentView.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview of the Customer tab for Ana García' });
    await preview
      .getByText(/^Viewed a page ·/)
      .first()
      .waitFor();
    expect(await preview.getByRole('heading', { name: 'Billing' }).count()).toBe(0);
    expect(await preview.getByRole('button', { name: 'Refresh' }).count()).toBe(0); // no agent actions here

    // …then through the settings being edited, before they are saved.
    await agentView.getByLabel('Line under the name').fill('plan');
    await agentView.getByRole('button', { name: 'Add group' }).click();
    const group = agentView.getByRole('group', { name: /^Group 1/ });
    await group.getByLabel('Title').fill('Billing');
    await group.getByLabel('Traits').fill('lifetime_value, city');
    await agentView.getByRole('button', { name: 'Add event' }).click();
    const event = agentView.getByRole('group', { name: /^Event 1/ });
    await event.getByLabel('Event name').fill('Support Ticket Opened');
    await event.getByLabel('Display name').fill('Support request');
    await event.getByLabel('First property').fill('subject');
    await preview.getByRole('heading', { name: 'Billing' }).waitFor();
    await preview
      .getByText(/^Support request · from Segment/)
      .first()
      .waitFor();
    expect(await preview.getByText(/^Viewed a page ·/).count()).toBe(0);

    await agentView.getByRole('button', { name: 'Save what agents see' }).click();
    await agentView.getByText(/Saved\. Every lookup uses it within/).waitFor();
    await page
      .getByRole('region', { name: 'Changes' })
      .getByText(/changed Customer tab layout/)
      .waitFor();

    await page.goto(`${SANDBOX_URL}/?role=agent`);
    const tab = await openCustomerTab(page, 'Inbound call');
    await tab.getByRole('heading', { name: 'Ana García', level: 2 }).waitFor();
    await tab.getByRole('heading', { name: 'Billing' }).waitFor();
    await tab
      .getByText(/^Support request · from Segment/)
      .first()
      .waitFor();
    expect(await tab.getByText(/^Viewed a page ·/).count()).toBe(0);
  });

  it.each(['', '&theme=dark'])(
    'is usable by assistive technology%s, with no main landmark of its own',
    async (theme) => {
      const { page } = session;
      await openUnify(page, `?role=admin${theme}`);
      await testConnection(page);
      // The setup steps (collapsed once a check passed) are checked open too.
      const setup = page.getByRole('region', { name: 'Create a Segment workspace for Flex' });
      if ((await setup.locator('details').getAttribute('open')) === null) await setup.locator('summary').click();
      await setup.getByRole('heading', { name: 'Step 4: Enable sources and test connections' }).waitFor();
      expect(await page.locator('main main, [aria-labelledby="unified-profiles-unify-title"] main').count()).toBe(0);
      const results = await new AxeBuilder({ page })
        .include('[aria-labelledby="unified-profiles-unify-title"]')
        .analyze();
      const serious = results.violations.filter((violation) =>
        ['serious', 'critical'].includes(violation.impact ?? ''),
      );
      expect(
        serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`),
      ).toEqual([]);
    },
  );
});
