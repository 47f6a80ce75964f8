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

  it('takes a task through accept and complete', async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000001"]');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await task.getByRole('button', { name: 'Complete' }).click();
    await task.waitFor({ state: 'detached' });
  });

  it('takes a rejected task away', async () => {
    await page.goto(SANDBOX_URL);
    const task = page.locator('[data-task-sid="WT00000000000000000000000000000002"]');
    await task.getByRole('button', { name: 'Reject' }).click();
    await task.waitFor({ state: 'detached' });
  });
});
