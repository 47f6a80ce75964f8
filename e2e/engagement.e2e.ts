/** Engagement events from the agent's desktop to Segment, and back in the next agent's history. */
import type { Locator, Page } from 'playwright-core';

import {
  customerTab,
  eventually,
  sandboxPagePerTest,
  SANDBOX_URL,
  SEGMENT_SIM_URL,
  setSimFaults,
  WORKSPACE_SID,
} from './support';

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
  await page.getByRole('tab', { name: 'Customer' }).click();
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

  /** Makes /engagement fail as named, until `restore` is called. */
  const outages = {
    'Segment’s Tracking API answers 503': async () => {
      await setSimFaults({ errorRates: { '503': 1 }, pathFilter: '/v1/track' });
      return () => setSimFaults({ errorRates: {}, pathFilter: '' });
    },
    'the Functions cannot be reached': async () => {
      const { context } = session;
      await context.route('**/engagement', (route) => route.abort('connectionrefused'));
      return () => context.unroute('**/engagement');
    },
  };

  it.each(Object.keys(outages) as Array<keyof typeof outages>)(
    'keeps 50 engagements while %s, across a reload, and sends each once when it answers',
    async (outage) => {
      const { page } = session;
      const tasks: string[] = [];
      for (let n = 0; n < 50; n += 1) tasks.push(await newCallFromAna('wrapping'));
      const restore = await outages[outage]();
      const waiting = () =>
        page.evaluate(() => {
          const outbox = JSON.parse(localStorage.getItem('unified-profiles.engagement-outbox.v1') ?? '{}');
          return (outbox.pending ?? []).length as number;
        });
      await page.goto(SANDBOX_URL);
      await eventually(async () => expect(await waiting()).toBe(50));
      const tab = await openTask(page, tasks[0]);
      await tab.getByText('Interactions waiting to be recorded in Segment: 50').waitFor();

      await page.reload();
      await eventually(async () => expect(await waiting()).toBe(50));
      expect(await outcomesByMessageId(tasks)).toEqual({});

      await restore();
      await page.reload(); // the page replays its outbox on load
      await eventually(async () => expect(await waiting()).toBe(0), 30_000);
      const outcomes = await outcomesByMessageId(tasks);
      expect(Object.keys(outcomes).sort()).toEqual(tasks.map((sid) => `flex-engagement-initiated-${sid}`).sort());
      // Segment took each once. A send in flight at a reload may reach it again with the same messageId:
      // it is dropped as a duplicate, never counted twice.
      const acceptedTwiceOrNever = Object.entries(outcomes).filter(
        ([, seen]) => seen.filter((outcome) => outcome === 'accepted').length !== 1,
      );
      expect(acceptedTwiceOrNever).toEqual([]);
      const onProfile = (await anasFlexEvents()).map((event) => event.message_id);
      for (const sid of tasks) {
        expect(onProfile.filter((id) => id === `flex-engagement-initiated-${sid}`)).toHaveLength(1);
      }
    },
  );
});
