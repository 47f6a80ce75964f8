/** The sandbox's Flex stand-in: tasks kept by its TaskRouter across reloads, the actions, the canvas tabs. */
import { SANDBOX_URL, selectTask, taskRow, sandboxPagePerTest } from './support';

const session = sandboxPagePerTest();

describe('Sandbox host', () => {
  it('takes a task through accept, wrap up and complete, and keeps each step across a reload', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const task = taskRow(page, 'Inbound call');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await page.reload();
    await task.getByRole('button', { name: 'Wrap up' }).click();
    await task.getByText('wrapping').waitFor();
    await page.reload();
    await task.getByRole('button', { name: 'Complete' }).click();
    await task.waitFor({ state: 'detached' });
    await page.reload();
    await taskRow(page, 'WhatsApp').waitFor();
    expect(await task.count()).toBe(0);
  });

  it('takes a rejected task away, for good', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const task = taskRow(page, 'WhatsApp');
    await task.getByRole('button', { name: 'Reject' }).click();
    await task.waitFor({ state: 'detached' });
    await page.reload();
    await taskRow(page, 'Inbound call').waitFor();
    expect(await task.count()).toBe(0);
  });

  it("keeps attributes a plugin sets with the task's setAttributes across a reload, with the task reopened", async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const task = taskRow(page, 'Inbound call');
    await task.getByRole('button', { name: 'Accept' }).click();
    await task.getByText('accepted').waitFor();
    await selectTask(page, 'Inbound call');
    // A voice task opens on the plugin's Customer tab; the attributes are on the host's Info tab.
    await page.getByRole('tab', { name: 'Info' }).click();

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
    await page.getByRole('tab', { name: 'Info' }).click();
    await page.getByText('use_sandbox_link').waitFor();
  });

  it('selects the task canvas tab SetComponentState names, and a chosen tab updates that state', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    await selectTask(page, 'Email');
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
    const { page } = session;
    await page.goto(SANDBOX_URL);
    await page.getByRole('button', { name: 'Web chat', exact: true }).waitFor();
    await page.evaluate(() => {
      window.Twilio.Flex.Actions.addListener('afterSelectTask', (payload) => {
        window.selectedPayload = { sid: payload.sid, taskSid: payload.task?.taskSid };
      });
    });
    await selectTask(page, 'Web chat');
    await page.waitForFunction(() => window.selectedPayload);
    expect(await page.evaluate(() => window.selectedPayload)).toEqual({
      sid: 'WR00000000000000000000000000000003',
      taskSid: 'WT00000000000000000000000000000003',
    });
  });

  it('puts the demo tasks back from the banner', async () => {
    const { page } = session;
    await page.goto(SANDBOX_URL);
    const task = taskRow(page, 'Inbound call');
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
