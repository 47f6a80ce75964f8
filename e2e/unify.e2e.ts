/** The Unify entry in Flex's side nav: supervisors and admins only. */
import { SANDBOX_URL, sandboxPagePerTest } from './support';

const session = sandboxPagePerTest();

describe('Unify entry', () => {
  it('gives an admin the Unify entry in the side nav, and an agent none', async () => {
    const { page } = session;
    await page.goto(`${SANDBOX_URL}/?role=admin`);
    await page.getByRole('button', { name: 'Unify' }).click();
    await page.getByRole('heading', { name: 'Segment Unify' }).waitFor();
    await page.getByText('Ready: agents see customer profiles.').waitFor();
    expect(await page.getByText('spa_sandbox').isVisible()).toBe(true);

    await page.goto(`${SANDBOX_URL}/?role=agent`);
    await page.getByRole('button', { name: 'Agent Desktop' }).waitFor();
    expect(await page.getByRole('button', { name: 'Unify' }).count()).toBe(0);
  });
});
