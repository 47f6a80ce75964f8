import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './chromium';

const SANDBOX_URL = process.env.SANDBOX_URL as string;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  // Tasks persist on the sandbox's server now: every test starts from the demo tasks as seeded.
  expect((await fetch(`${SANDBOX_URL}/sandbox/reset`, { method: 'POST' })).status).toBe(204);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterEach(async () => {
  await page.close();
});

async function openCustomerTab(taskLabel: string) {
  await page.getByRole('button', { name: taskLabel, exact: true }).click();
  await page.getByRole('tab', { name: 'Customer' }).click();
}

describe('Customer tab in the sandbox', () => {
  it.each([
    ['Inbound call', 'Ana García', 'phone'],
    ['WhatsApp', 'Kenji Tanaka', 'phone'],
    ['Web chat', 'Priya Patel', 'email'],
    ['Email', 'Marcus Johnson', 'email'],
    ['Outbound call', 'Sofia Rossi', 'phone'],
  ])('shows the customer of the %s task from Segment', async (taskLabel, customerName, matchedBy) => {
    await page.goto(SANDBOX_URL);
    await openCustomerTab(taskLabel);

    await page.getByRole('heading', { name: customerName }).waitFor();
    await page.getByText(`Matched by ${matchedBy}`).waitFor();
    expect(await page.getByRole('heading', { name: 'Traits' }).isVisible()).toBe(true);
  });

  it('offers a search for an unknown caller and finds the customer typed in', async () => {
    await page.goto(SANDBOX_URL);
    await openCustomerTab('Unknown caller');

    await page.getByText('No customer profile found').waitFor();
    await page.getByLabel('Find a customer').fill('email:Ana.Garcia@Example.com');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ana García' }).waitFor();
    await page.screenshot({ path: 'test-results/unknown-caller-search.png' });
  });

  it('gives an admin the Unify entry in the side nav, and an agent none', async () => {
    await page.goto(`${SANDBOX_URL}/?role=admin`);
    await page.getByRole('button', { name: 'Unify' }).click();
    await page.getByRole('heading', { name: 'Segment Unify' }).waitFor();
    await page.getByText('Ready: agents see customer profiles.').waitFor();
    expect(await page.getByText('spa_sandbox').isVisible()).toBe(true);

    await page.goto(`${SANDBOX_URL}/?role=agent`);
    await page.getByRole('button', { name: 'Agent Desktop' }).waitFor();
    expect(await page.getByRole('button', { name: 'Unify' }).count()).toBe(0);
  });

  it('takes a task through accept, wrap up and complete, and keeps each step across a reload', async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000001"]');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await page.reload();
    await task.getByRole('button', { name: 'Wrap up' }).click();
    await task.getByText('wrapping').waitFor();
    await page.reload();
    await task.getByRole('button', { name: 'Complete' }).click();
    await task.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-task-sid="WT00000000000000000000000000000002"]').waitFor();
    expect(await task.count()).toBe(0);
  });

  it('takes a rejected task away, for good', async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000002"]');
    await task.getByRole('button', { name: 'Reject' }).click();
    await task.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-task-sid="WT00000000000000000000000000000001"]').waitFor();
    expect(await task.count()).toBe(0);
  });

  it("keeps attributes a plugin sets with the task's setAttributes across a reload, with the task reopened", async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000001"]');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await page.getByRole('button', { name: 'Inbound call', exact: true }).click();

    await page.evaluate(async () => {
      const { store } = window.Twilio.Flex.Manager.getInstance();
      const { view, worker } = store.getState().flex;
      const current = worker.tasks.get(view.selectedTaskSid!)!;
      await current.setAttributes({ ...current.attributes, linkedProfile: 'use_sandbox_link' });
    });
    // The canvas re-renders with the new attributes, as Flex's does.
    await page.getByText('use_sandbox_link').waitFor();

    await page.reload();
    await task.getByText('accepted').waitFor();
    await page.getByText('use_sandbox_link').waitFor();
  });

  it('selects the task canvas tab SetComponentState names, and a chosen tab updates that state', async () => {
    await page.goto(SANDBOX_URL);
    await page.getByRole('button', { name: 'Email', exact: true }).click();
    const selectedTab = page.getByRole('tab', { selected: true });
    await expect(selectedTab.textContent()).resolves.toBe('Info');

    await page.evaluate(() =>
      window.Twilio.Flex.Actions.invokeAction('SetComponentState', {
        name: 'AgentTaskCanvasTabs',
        state: { selectedTabName: 'unified-profiles-customer' },
      }),
    );
    await page.getByRole('tab', { name: 'Customer', selected: true }).waitFor();

    await page.getByRole('tab', { name: 'Info' }).click();
    await page.getByRole('tab', { name: 'Info', selected: true }).waitFor();
    const tabState = await page.evaluate(
      () => window.Twilio.Flex.Manager.getInstance().store.getState().flex.view.componentViewStates.AgentTaskCanvasTabs,
    );
    expect(tabState).toEqual({ selectedTabName: 'info' });
  });

  it('runs SelectTask when a task is clicked, so afterSelectTask listeners get its sid and task', async () => {
    await page.goto(SANDBOX_URL);
    await page.getByRole('button', { name: 'Web chat', exact: true }).waitFor();
    await page.evaluate(() => {
      window.Twilio.Flex.Actions.addListener('afterSelectTask', (payload) => {
        window.selectedPayload = { sid: payload.sid, taskSid: payload.task?.taskSid };
      });
    });
    await page.getByRole('button', { name: 'Web chat', exact: true }).click();
    await page.waitForFunction(() => window.selectedPayload);
    expect(await page.evaluate(() => window.selectedPayload)).toEqual({
      sid: 'WR00000000000000000000000000000003',
      taskSid: 'WT00000000000000000000000000000003',
    });
  });

  it('puts the demo tasks back from the banner', async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000001"]');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await page.getByRole('button', { name: 'Reset demo tasks' }).click();
    await task.getByRole('button', { name: 'Accept' }).waitFor();
  });
});

// `window.Twilio.Flex` is typed by @twilio/flex-ui; the sandbox's stand-in answers the calls above as Flex does.
declare global {
  interface Window {
    selectedPayload?: { sid: string; taskSid?: string };
  }
}
