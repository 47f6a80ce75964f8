/** The Customer tab for people using assistive technology or the keyboard: axe-core, tab order, revealed sources. */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

import { openCustomerTab, SANDBOX_URL, TaskLabel, sandboxPagePerTest } from './support';

const session = sandboxPagePerTest();

/**
 * Serious and critical axe-core findings inside the Customer tab. The analysis is scoped to the
 * plugin's content: the sandbox host's own banner (not part of the plugin, not in Flex) has
 * colour-contrast findings of its own.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid="unified-profiles-customer-tab"]').analyze();
  // A scope that matched nothing would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), message: node.failureSummary })),
    }));
}

/** Presses Tab until `reached` says focus is where it should be; fails after `maxPresses`. */
async function tabUntil(page: Page, reached: () => Promise<boolean>, maxPresses = 15): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if (await reached()) return;
  }
  throw new Error(`Focus did not get there in ${maxPresses} presses of Tab`);
}

const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const holdsFocus = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement));

describe('Customer tab accessibility', () => {
  it.each([
    ['light', '/'],
    ['dark', '/?theme=dark'],
  ])('has no serious or critical axe-core violations for a found customer (%s theme)', async (_theme, path) => {
    const { page } = session;
    await page.goto(`${SANDBOX_URL}${path}`);
    const tab = await openCustomerTab(page, 'Email');
    await tab.getByRole('heading', { name: 'Marcus Johnson', exact: true, level: 2 }).waitFor();
    await tab.getByRole('region', { name: 'History', exact: true }).getByRole('listitem').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['light', '/'],
    ['dark', '/?theme=dark'],
  ])('has no serious or critical axe-core violations when nobody matched (%s theme)', async (_theme, path) => {
    const { page } = session;
    await page.goto(`${SANDBOX_URL}${path}`);
    const tab = await openCustomerTab(page, 'Unknown caller');
    await tab.getByText('No customer matched phone +15005550006', { exact: true }).waitFor();
    await tab.getByRole('search', { name: 'Find the customer' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reaches Refresh and the highlights with Tab, and a focused highlight shows where it comes from', async () => {
    const { page } = session;
    const label: TaskLabel = 'Inbound call';
    await page.goto(SANDBOX_URL);
    const tab = await openCustomerTab(page, label);
    await tab.getByRole('heading', { name: 'Ana García', exact: true, level: 2 }).waitFor();
    const highlights = tab.getByRole('region', { name: 'Highlights', exact: true });
    await highlights.getByRole('listitem').first().waitFor();
    await page.getByRole('tab', { name: 'Customer' }).focus();

    await tabUntil(page, () => hasFocus(tab.getByRole('button', { name: 'Refresh', exact: true })));
    await tabUntil(page, () => holdsFocus(highlights));

    const focused = page.locator(':focus');
    const source = tab.getByRole('tooltip');
    await source.waitFor();
    expect(await source.textContent()).toMatch(/^From the /);
    expect(await focused.getAttribute('aria-describedby')).toBe(await source.getAttribute('id'));
    expect(await highlights.getByRole('listitem').filter({ has: focused }).count()).toBe(1);

    // Escape puts the source away again, focus stays on the line.
    await page.keyboard.press('Escape');
    await source.waitFor({ state: 'hidden' });
    expect(await holdsFocus(highlights)).toBe(true);
  });
});
