/**
 * The screenshots in docs/images, taken from a running sandbox (`npm start` in another terminal):
 * `npx tsx e2e/screenshots.ts`. Resets the demo tasks, connects the simulator's space through the
 * Unify form, and leaves the Customer tab layout as it found it (the default). SANDBOX_URL,
 * FUNCTIONS_URL and SEGMENT_SIM_URL default to the sandbox's usual ports.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';

import { launchChromium } from './chromium';

const SANDBOX = (process.env.SANDBOX_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const SIMULATOR = (process.env.SEGMENT_SIM_URL ?? 'http://127.0.0.1:3002').replace(/\/$/, '');
const FUNCTIONS = (process.env.FUNCTIONS_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
const OUT = path.resolve(__dirname, '..', 'docs', 'images');
const SIMULATOR_TOKEN = 'sandbox-profile-token';

const shot = (name: string) => path.join(OUT, `${name}.png`);

async function setFaults(faults: object | null) {
  await fetch(
    `${SIMULATOR}/__sim/faults`,
    faults ? { method: 'PUT', body: JSON.stringify(faults) } : { method: 'DELETE' },
  );
}

/** Opens a demo task's Customer tab and waits for `ready` (the customer's name by default). */
async function openCustomerTab(page: Page, query: string, task: string, ready?: RegExp) {
  await page.goto(`${SANDBOX}/${query}`);
  await page.getByRole('button', { name: task, exact: true }).click();
  await page.getByRole('tab', { name: /^(Customer|Cliente)$/ }).click();
  const tab = page.getByTestId('unified-profiles-customer-tab');
  await (ready ? tab.getByText(ready).first() : tab.getByRole('heading', { level: 2 }).first()).waitFor();
  await page.waitForTimeout(800); // the sections below the header paint a frame later
}

/** Back to the default Customer tab layout, as an admin's save of `null` does. */
async function clearLayout() {
  const read = await fetch(`${FUNCTIONS}/unify-config`, {
    method: 'POST',
    body: JSON.stringify({ Token: 'sandbox-admin' }),
    headers: { 'content-type': 'application/json' },
  });
  const { revision } = (await read.json()) as { revision: string | null };
  await fetch(`${FUNCTIONS}/unify-config`, {
    method: 'POST',
    body: JSON.stringify({ Token: 'sandbox-admin', revision, customerTab: null }),
    headers: { 'content-type': 'application/json' },
  });
}

async function openUnify(page: Page, query: string) {
  await page.goto(`${SANDBOX}/${query}`);
  await page.getByRole('button', { name: 'Unify' }).click();
  await page.getByRole('region', { name: 'Overview' }).waitFor();
}

/** Connects the simulator's space through the form (as an admin would) and checks it. */
async function connect(page: Page) {
  await openUnify(page, '?role=admin');
  await page.getByLabel('Unify space ID').fill('spa_sandbox');
  await page.getByLabel('Profile API token').fill(SIMULATOR_TOKEN);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await page.getByText(/Saved\. Every lookup uses it within/).waitFor();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByRole('list', { name: 'Check results' }).waitFor();
}

/** A layout an admin might choose, typed into "What agents see", previewed for Ana before saving. */
async function layOutAndPreview(page: Page) {
  const agentView = page.getByRole('region', { name: 'What agents see' });
  await agentView.getByLabel('Line under the name').fill('plan');
  await agentView.getByRole('button', { name: 'Add group' }).click();
  const group = agentView.getByRole('group', { name: /^Group 1/ });
  await group.getByLabel('Title').fill('Billing');
  await group.getByLabel('Traits').fill('lifetime_value, predicted_ltv, city');
  await agentView.getByRole('button', { name: 'Add event' }).click();
  const event = agentView.getByRole('group', { name: /^Event 1/ });
  await event.getByLabel('Event name').fill('Support Ticket Opened');
  await event.getByLabel('Display name').fill('Support request');
  await event.getByLabel('First property').fill('subject');
  await agentView.getByLabel('Customer to preview').fill('email:ana.garcia@example.com');
  await agentView.getByRole('button', { name: 'Show preview' }).click();
  await page
    .getByRole('region', { name: /^Preview of the Customer tab/ })
    .getByRole('heading', { name: 'Billing' })
    .waitFor();
  await page.waitForTimeout(800);
}

async function main() {
  const browser = await launchChromium();
  // Tall: Flex's layout scrolls inside its own panes, so a full-page shot would cut them off.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  const tall = await browser.newPage({ viewport: { width: 1280, height: 5200 } });
  await fetch(`${SANDBOX}/sandbox/reset`, { method: 'POST' });
  await setFaults(null);
  await clearLayout();

  await connect(page);
  await openCustomerTab(page, '', 'Inbound call');
  await page.screenshot({ path: shot('customer-tab-light') });
  await openCustomerTab(page, '?theme=dark', 'WhatsApp');
  await page.screenshot({ path: shot('customer-tab-dark') });
  await openCustomerTab(page, '?lang=es-ES', 'Email');
  await page.screenshot({ path: shot('customer-tab-es') });
  await openCustomerTab(page, '', 'Unknown caller', /No customer matched/);
  await page.screenshot({ path: shot('customer-tab-not-found') });

  for (const [theme, suffix] of [
    ['', ''],
    ['&theme=dark', '-dark'],
  ]) {
    await openUnify(page, `?role=admin${theme}`);
    await page.screenshot({ path: shot(`unify-view${suffix}`) });
    await openUnify(tall, `?role=admin${theme}`);
    await layOutAndPreview(tall);
    await tall.getByRole('region', { name: 'What agents see' }).screenshot({ path: shot(`unify-agent-view${suffix}`) });
    await tall
      .getByRole('region', { name: /^Preview of the Customer tab/ })
      .screenshot({ path: shot(`unify-preview${suffix}`) });
  }
  await tall.getByRole('button', { name: 'Save what agents see' }).click();
  await tall
    .getByText(/Saved\. Every lookup uses it within/)
    .first()
    .waitFor();
  await openCustomerTab(page, '', 'Inbound call');
  await page.screenshot({ path: shot('customer-tab-layout') });
  await clearLayout();

  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
