/**
 * What every browser test file shares: the sandbox's addresses (from e2e/run.ts), one Chromium per
 * file, a fresh browser context per test with the demo tasks and the simulator's faults reset, and
 * the few steps an agent takes in the host page.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { launchChromium } from './chromium';

export const SANDBOX_URL = process.env.SANDBOX_URL as string;
export const FUNCTIONS_URL = process.env.FUNCTIONS_URL as string;
export const SEGMENT_SIM_URL = process.env.SEGMENT_SIM_URL as string;

/** The demo tasks by their label in the host's task list (sandbox/demo/tasks.ts). */
export const TASK_SIDS = {
  'Inbound call': 'WT00000000000000000000000000000001',
  WhatsApp: 'WT00000000000000000000000000000002',
  'Web chat': 'WT00000000000000000000000000000003',
  Email: 'WT00000000000000000000000000000004',
  'Unknown caller': 'WT00000000000000000000000000000005',
  'Outbound call': 'WT00000000000000000000000000000006',
} as const;
export type TaskLabel = keyof typeof TASK_SIDS;

export const WORKSPACE_SID = 'WS00000000000000000000000000000000';

export interface SandboxSession {
  readonly page: Page;
  readonly context: BrowserContext;
}

/** An admin's /unify-config call, as the Unify view makes it. */
async function unifyConfig(body: Record<string, unknown>) {
  const answer = await fetch(`${FUNCTIONS_URL}/unify-config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Token: 'sandbox-admin', ...body }),
  });
  return { status: answer.status, body: (await answer.json()) as { revision: string | null } };
}

/**
 * Puts the demo tasks back as seeded, lifts every fault the simulator was asked for, and takes the
 * Customer tab back to its default layout (a test that saved one must not reshape the next one's tab).
 */
export async function resetSandbox(): Promise<void> {
  expect((await fetch(`${SANDBOX_URL}/sandbox/reset`, { method: 'POST' })).status).toBe(204);
  expect((await fetch(`${SEGMENT_SIM_URL}/__sim/faults`, { method: 'DELETE' })).ok).toBe(true);
  const { revision } = (await unifyConfig({})).body;
  expect((await unifyConfig({ revision, customerTab: null })).status).toBe(200);
}

/**
 * Registers the hooks of a test file and hands back the current test's page. A context per test
 * (axe-core's Playwright builder needs one) keeps sessionStorage, the selected task, apart.
 */
export function sandboxPagePerTest(): SandboxSession {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    await resetSandbox();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
    // A test that failed half-way must not leave Segment failing for the next one.
    await fetch(`${SEGMENT_SIM_URL}/__sim/faults`, { method: 'DELETE' });
  });
  return {
    get page() {
      return page;
    },
    get context() {
      return context;
    },
  };
}

/** The task's row in the host's task list. */
export const taskRow = (page: Page, label: TaskLabel): Locator => page.locator(`[data-task-sid="${TASK_SIDS[label]}"]`);

export async function selectTask(page: Page, label: TaskLabel): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** Selects the task and opens its Customer tab; resolves with the tab's content. */
export async function openCustomerTab(page: Page, label: TaskLabel): Promise<Locator> {
  await selectTask(page, label);
  await page.getByRole('tab', { name: 'Customer' }).click();
  await page.getByRole('tab', { name: 'Customer', selected: true }).waitFor();
  return customerTab(page);
}

export const customerTab = (page: Page): Locator => page.getByTestId('unified-profiles-customer-tab');

/** Accepts the task from its row (only an accepted or wrapping task can be linked to a customer). */
export async function acceptTask(page: Page, label: TaskLabel): Promise<void> {
  const row = taskRow(page, label);
  await row.getByRole('button', { name: 'Accept' }).click();
  await row.getByText('accepted', { exact: true }).waitFor();
}

/** Types an identifier into the Customer tab's search and submits it with the Search button. */
export async function searchCustomer(tab: Locator, identifier: string, type?: string): Promise<void> {
  const search = tab.getByRole('search', { name: 'Find the customer' });
  if (type) await search.getByLabel('Search by').selectOption({ label: type });
  await search.getByLabel('Find a customer').fill(identifier);
  await search.getByRole('button', { name: 'Search', exact: true }).click();
}

export interface SimRequest {
  method: string;
  path: string;
  status: number;
}

/** The Segment requests the simulator received (its admin route), oldest first. */
export async function simRequests(): Promise<SimRequest[]> {
  const answer = await fetch(`${SEGMENT_SIM_URL}/__sim/requests`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { requests: SimRequest[] }).requests;
}

export async function clearSimRequests(): Promise<void> {
  expect((await fetch(`${SEGMENT_SIM_URL}/__sim/requests`, { method: 'DELETE' })).ok).toBe(true);
}

export async function setSimFaults(faults: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${SEGMENT_SIM_URL}/__sim/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(answer.status).toBe(200);
}

/** The task as the sandbox's TaskRouter holds it, attributes parsed. */
export async function taskRouterTask(label: TaskLabel): Promise<{ attributes: Record<string, unknown> }> {
  const answer = await fetch(`${SANDBOX_URL}/v1/Workspaces/${WORKSPACE_SID}/Tasks/${TASK_SIDS[label]}`);
  expect(answer.status).toBe(200);
  const task = (await answer.json()) as { attributes: string };
  return { attributes: JSON.parse(task.attributes) as Record<string, unknown> };
}

/** Retries an assertion until it passes or the time is up (for state outside the page: the simulator's log). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
