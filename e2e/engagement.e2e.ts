/** Engagement events from the agent's desktop to Segment, and back in the next agent's history. */
import type { Locator, Page } from 'playwright-core';

import { customerTab, eventually, sandboxPagePerTest, SANDBOX_URL, SEGMENT_SIM_URL, WORKSPACE_SID } from './support';

const session = sandboxPagePerTest();

const ANA_PHONE = '+14155550100';
const ANA_USER_ID = 'usr_ana_garcia';
const SIM_AUTH = { Authorization: `Basic ${Buffer.from('sandbox-profile-token:').toString('base64')}` };

/** A new inbound call from Ana in the sandbox's TaskRouter, offered to the agent: its sid. */
async function newCallFromAna(status?: 'wrapping'): Promise<string> {
  const tasks = `${SANDBOX_URL}/v1/Workspaces/${WORKSPACE_SID}/Tasks`;
  const attributes = JSON.stringify({ direction: 'inbound', from: ANA_PHONE, to: '+18005550199', name: ANA_PHONE });
  const created = await fetch(tasks, {
    method: 'POST',
    body: new URLSearchParams({ TaskChannel: 'voice', Attributes: attributes }),
  });
  expect(created.status).toBe(201);
  const { sid } = (await created.json()) as { sid: string };
  if (status) {
    const updated = await fetch(`${tasks}/${sid}`, {
      method: 'POST',
      body: new URLSearchParams({ AssignmentStatus: status }),
    });
    expect(updated.status).toBe(200);
  }
  return sid;
}

const row = (page: Page, taskSid: string): Locator => page.locator(`[data-task-sid="${taskSid}"]`);

async function openTask(page: Page, taskSid: string): Promise<Locator> {
  await row(page, taskSid).getByRole('button', { name: 'voice', exact: true }).click();
  await page.getByRole('tab', { name: 'Customer', selected: true }).waitFor();
  return customerTab(page);
}

/** Ana's Flex events as Segment's Profile API answers them. */
async function anasFlexEvents(): Promise<
  Array<{ event: string; message_id: string; properties: Record<string, unknown> }>
> {
  const include = encodeURIComponent('Flex - Engagement Initiated,Flex - Engagement Completed');
  const answer = await fetch(
    `${SEGMENT_SIM_URL}/v1/spaces/spa_sandbox/collections/users/profiles/user_id:${ANA_USER_ID}/events?limit=100&include=${include}`,
    { headers: SIM_AUTH },
  );
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { data: never[] }).data;
}

/** What the simulator's debugger recorded for each message id of these tasks. */
async function outcomesByMessageId(taskSids: string[]): Promise<Record<string, string[]>> {
  const view = (await (await fetch(`${SEGMENT_SIM_URL}/__sim/debugger`)).json()) as {
    messages: Array<{ messageId: string; outcome: string }>;
  };
  const outcomes: Record<string, string[]> = {};
  for (const { messageId, outcome } of view.messages) {
    if (taskSids.some((sid) => messageId.endsWith(sid))) (outcomes[messageId] ??= []).push(outcome);
  }
  return outcomes;
}

describe('Engagements', () => {
  it('records a call wrapped up with a note, and shows the note in the customer’s history on the next call', async () => {
    const { page } = session;
    const first = await newCallFromAna();
    await page.goto(SANDBOX_URL);
    await row(page, first).getByRole('button', { name: 'Accept' }).click();
    await row(page, first).getByRole('button', { name: 'Wrap up' }).click();
    const tab = await openTask(page, first);
    const note = tab.getByRole('textbox', { name: 'Wrap-up note (optional)' });
    await note.fill('Refund approved; call back Friday.');
    await row(page, first).getByRole('button', { name: 'Complete' }).click();

    const completed = await eventually(async () => {
      const found = (await anasFlexEvents()).find((event) => event.message_id === `flex-engagement-completed-${first}`);
      expect(found).toBeDefined();
      return found!;
    });
    expect(completed.properties).toMatchObject({
      wrapupNote: 'Refund approved; call back Friday.',
      direction: 'Inbound',
    });

    // The next call from Ana: the history carries the interaction and the note.
    const next = await newCallFromAna();
    await page.reload();
    const nextTab = await openTask(page, next);
    const history = nextTab.getByRole('region', { name: 'History' });
    await history
      .getByText(/Refund approved; call back Friday\./)
      .first()
      .waitFor();
  });

  it('keeps 50 engagements while the Functions are unreachable, across a reload, and sends each once when they answer', async () => {
    const { page, context } = session;
    const tasks: string[] = [];
    for (let n = 0; n < 50; n += 1) tasks.push(await newCallFromAna('wrapping'));
    let blocked = 0;
    await context.route('**/engagement', (route) => {
      blocked += 1;
      return route.abort('connectionrefused');
    });
    await page.goto(SANDBOX_URL);
    await page.getByRole('region', { name: 'Tasks' }).waitFor();
    await eventually(async () => expect(blocked).toBeGreaterThan(0));
    const waiting = () =>
      page.evaluate(() => {
        const outbox = JSON.parse(localStorage.getItem('unified-profiles.engagement-outbox.v1') ?? '{}');
        return (outbox.pending ?? []).length as number;
      });
    await eventually(async () => expect(await waiting()).toBe(50));

    await page.reload();
    await eventually(async () => expect(await waiting()).toBe(50));
    expect(await outcomesByMessageId(tasks)).toEqual({});

    await context.unroute('**/engagement');
    await page.reload(); // the page replays its outbox on load
    await eventually(async () => expect(await waiting()).toBe(0), 30_000);
    const outcomes = await outcomesByMessageId(tasks);
    expect(Object.keys(outcomes)).toHaveLength(50);
    expect(Object.values(outcomes).every((seen) => seen.length === 1 && seen[0] === 'accepted')).toBe(true);
    expect(Object.keys(outcomes).sort()).toEqual(tasks.map((sid) => `flex-engagement-initiated-${sid}`).sort());
  });
});
