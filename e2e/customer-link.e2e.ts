/** Linking the customer an agent found by search to the task, through the task's attributes, and unlinking. */
import {
  acceptTask,
  clearSimRequests,
  eventually,
  openCustomerTab,
  SANDBOX_URL,
  searchCustomer,
  simRequests,
  taskRouterTask,
  sandboxPagePerTest,
} from './support';

const session = sandboxPagePerTest();

const ANA = 'use_2Ana0Garcia0Demo000000000';
const UNKNOWN_CALLER = '+15005550006';

interface ProfileRequestBody {
  identifier?: string;
  refresh?: boolean;
  taskAttributes?: { from?: string; unified_profiles?: { link?: { segment_id?: string } } };
}

const linkOf = (attributes: Record<string, unknown>) =>
  (attributes.unified_profiles as { link?: Record<string, unknown> } | undefined)?.link;

describe('Linking a customer to the task', () => {
  it('links the customer found for an unknown caller, keeps the link across a reload, and unlinks it', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    let tab = await openCustomerTab(page, 'Unknown caller');
    await tab.getByText(`No customer matched phone ${UNKNOWN_CALLER}`, { exact: true }).waitFor();

    // Only a task the agent holds (accepted or wrapping) can have its customer changed.
    await acceptTask(page, 'Unknown caller');
    tab = await openCustomerTab(page, 'Unknown caller');
    await searchCustomer(tab, 'ana.garcia@example.com', 'Email');
    await tab.getByRole('heading', { name: 'Ana García', exact: true, level: 2 }).waitFor();
    await tab.getByText('Matched by email ana.garcia@example.com', { exact: true }).waitFor();
    await tab.getByRole('button', { name: 'Link to task', exact: true }).click();
    await tab.getByText('Linked to this task', { exact: true }).waitFor();
    expect(await tab.getByRole('button', { name: 'Link to task' }).count()).toBe(0);
    // The link lives in the task's attributes, on TaskRouter.
    expect(linkOf((await taskRouterTask('Unknown caller')).attributes)).toMatchObject({
      segment_id: ANA,
      identifier: 'email:ana.garcia@example.com',
      linked_by: 'agent',
    });

    const profileRequests: ProfileRequestBody[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/profile')
        profileRequests.push(request.postDataJSON() as ProfileRequestBody);
    });
    await clearSimRequests();
    await page.reload();
    tab = await openCustomerTab(page, 'Unknown caller');
    await tab.getByRole('heading', { name: 'Ana García', exact: true, level: 2 }).waitFor();
    await tab.getByText('Linked to this task', { exact: true }).waitFor();
    expect(await tab.getByRole('search').count()).toBe(0);
    // No new search: the plugin asked for the task's customer, and the task carries the link.
    expect(profileRequests.some((body) => body.identifier !== undefined)).toBe(false);
    const callerLookups = profileRequests.filter((body) => body.taskAttributes?.from === UNKNOWN_CALLER);
    expect(callerLookups.length).toBeGreaterThan(0);
    for (const body of callerLookups) expect(body.taskAttributes?.unified_profiles?.link?.segment_id).toBe(ANA);
    // The Functions may answer from their cache; whatever reached Segment never asked by the caller's phone.
    expect((await simRequests()).filter((request) => request.path.includes(UNKNOWN_CALLER.slice(1)))).toEqual([]);

    // A refresh goes past that cache to Segment: by the link's Segment id, never by the caller's phone.
    await clearSimRequests();
    await tab.getByRole('button', { name: 'Refresh', exact: true }).click();
    const paths = await eventually(async () => {
      const seen = (await simRequests()).map((request) => request.path);
      expect(seen).toEqual(expect.arrayContaining([expect.stringContaining(`/profiles/${ANA}/`)]));
      return seen;
    });
    expect(paths.filter((path) => path.includes(UNKNOWN_CALLER.slice(1)))).toEqual([]);
    await tab.getByText('Updated now', { exact: true }).waitFor();
    await tab.getByText('Linked to this task', { exact: true }).waitFor();
    expect((await simRequests()).filter((request) => request.path.includes(UNKNOWN_CALLER.slice(1)))).toEqual([]);

    await tab.getByRole('button', { name: 'Unlink from task', exact: true }).click();
    const confirmation = tab.getByRole('group', { name: 'Unlink this customer?' });
    await confirmation.waitFor();
    await confirmation.getByRole('button', { name: 'Unlink', exact: true }).click();
    await tab.getByRole('search', { name: 'Find the customer' }).waitFor();
    await tab.getByText('Find the customer', { exact: true }).waitFor();
    expect(await tab.getByRole('heading', { name: 'Ana García' }).count()).toBe(0);
    expect(linkOf((await taskRouterTask('Unknown caller')).attributes)).toBeUndefined();

    await page.reload();
    tab = await openCustomerTab(page, 'Unknown caller');
    await tab.getByText(`No customer matched phone ${UNKNOWN_CALLER}`, { exact: true }).waitFor();
    expect(await tab.getByRole('heading', { name: 'Ana García' }).count()).toBe(0);
  });

  it('offers no link for a task the agent has not accepted yet', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const tab = await openCustomerTab(page, 'Unknown caller');
    await tab.getByText(`No customer matched phone ${UNKNOWN_CALLER}`, { exact: true }).waitFor();
    await searchCustomer(tab, 'email:Ana.Garcia@Example.com');
    await tab.getByRole('heading', { name: 'Ana García', exact: true, level: 2 }).waitFor();
    await tab.getByRole('button', { name: 'Refresh', exact: true }).waitFor();
    expect(await tab.getByRole('button', { name: 'Link to task' }).count()).toBe(0);
  });
});
