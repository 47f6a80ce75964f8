import * as React from 'react';
import { useSelector } from 'react-redux';
import { Anchor } from '@twilio-paste/core/anchor';
import { Badge, BadgeProps } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Stack } from '@twilio-paste/core/stack';
import { Tab, TabList, TabPanel, TabPanels, Tabs, useTabState } from '@twilio-paste/core/tabs';
import { Text } from '@twilio-paste/core/text';

import { HostSectionTitle, SideLink, TaskContext } from './flex-standin/components';
import { FlexStandIn, TASK_CANVAS_TABS_STATE } from './flex-standin/createFlexStandIn';
import { useContentStore } from './flex-standin/DynamicContentStore';
import { AGENT_DESKTOP_VIEW, HostRootState, HostTask, ReservationStatus } from './flex-standin/hostStore';
import { taskLabel } from './flex-standin/hostTask';
import { resetDemoTasks } from './flex-standin/taskRouterClient';

/** The Flex actions an agent can take on a task in each reservation state, as the task list's buttons. */
const TASK_ACTIONS: Partial<
  Record<ReservationStatus, { action: string; label: string; variant: 'primary' | 'secondary' }[]>
> = {
  pending: [
    { action: 'AcceptTask', label: 'Accept', variant: 'primary' },
    { action: 'RejectTask', label: 'Reject', variant: 'secondary' },
  ],
  accepted: [{ action: 'WrapupTask', label: 'Wrap up', variant: 'secondary' }],
  wrapping: [{ action: 'CompleteTask', label: 'Complete', variant: 'primary' }],
};

const STATUS_BADGE: Partial<Record<ReservationStatus, BadgeProps['variant']>> = {
  pending: 'warning',
  accepted: 'success',
  wrapping: 'neutral',
};

function TaskList({ standIn }: { standIn: FlexStandIn }) {
  const tasks = useSelector((state: HostRootState) => state.flex.worker.tasks);
  const selected = useSelector((state: HostRootState) => state.flex.view.selectedTaskSid);
  const [failure, setFailure] = React.useState<string | null>(null);
  const { Actions } = standIn.flex;
  // A failed TaskRouter call is shown, not lost in the console; the task stays as it was.
  const invoke = (action: string, sid: string) => {
    setFailure(null);
    Actions.invokeAction(action, { sid }).catch((error: Error) => setFailure(`${action}: ${error.message}`));
  };

  return (
    <Box
      as="section"
      aria-label="Tasks"
      width="size30"
      borderRightStyle="solid"
      borderRightWidth="borderWidth10"
      borderRightColor="colorBorderWeak"
    >
      <HostSectionTitle>Tasks</HostSectionTitle>
      {failure && (
        <Box paddingX="space40" role="alert">
          <Text as="p" color="colorTextError" fontSize="fontSize20">
            {failure}
          </Text>
        </Box>
      )}
      <Stack orientation="vertical" spacing="space20">
        {Array.from(tasks.values()).map((task) => (
          <Box
            key={task.sid}
            paddingX="space40"
            paddingY="space30"
            backgroundColor={selected === task.sid ? 'colorBackgroundPrimaryWeakest' : undefined}
            data-task-sid={task.taskSid}
          >
            <Button variant="link" onClick={() => invoke('SelectTask', task.sid)}>
              {taskLabel(task)}
            </Button>
            <Text as="div" fontSize="fontSize20" color="colorTextWeak">
              {String(task.attributes.name ?? task.attributes.customerName ?? task.attributes.from)} · {task.queueName}
            </Text>
            <Box display="flex" columnGap="space20" marginTop="space20" alignItems="center">
              <Badge as="span" variant={STATUS_BADGE[task.status] ?? 'neutral'}>
                {task.status}
              </Badge>
              {(TASK_ACTIONS[task.status] ?? []).map(({ action, label, variant }) => (
                <Button key={action} size="small" variant={variant} onClick={() => invoke(action, task.sid)}>
                  {label}
                </Button>
              ))}
            </Box>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

const INFO_TAB = 'info';

/**
 * Flex's task canvas: its own Info tab, then every tab a plugin added to TaskCanvasTabs.Content.
 * The selected tab lives in `componentViewStates.AgentTaskCanvasTabs.selectedTabName`, as in
 * Flex: SetComponentState selects a tab, and choosing one (click or arrow keys) invokes it.
 */
function TaskCanvas({ standIn, task }: { standIn: FlexStandIn; task: HostTask }) {
  const fragments = useContentStore(standIn.flex.TaskCanvasTabs.Content, { task });
  const { Actions } = standIn.flex;
  const wanted = useSelector(
    (state: HostRootState) => state.flex.view.componentViewStates[TASK_CANVAS_TABS_STATE]?.selectedTabName,
  );
  const names = [INFO_TAB, ...fragments.map((fragment) => String(fragment.props.uniqueName))];
  // An empty or unknown name shows the first tab, as Flex's Tabs do.
  const selectedName = typeof wanted === 'string' && names.includes(wanted) ? wanted : INFO_TAB;
  const tabId = (name: string) => `${task.taskSid}-${name}`;
  const selectTab = React.useCallback(
    (name: string) =>
      void Actions.invokeAction('SetComponentState', {
        name: TASK_CANVAS_TABS_STATE,
        state: { selectedTabName: name },
      }),
    [Actions],
  );

  // As Flex 2.x's TaskCanvasTabs does: another task, or a new status of this one, goes back to
  // the default tab, before any after-listener of the action that changed it runs.
  React.useLayoutEffect(() => selectTab(''), [selectTab, task.sid, task.status]);

  // Paste's tab state, with the selection read from the store and written through the action.
  const tabState = useTabState({ baseId: `task-canvas-${task.taskSid}` });
  const { setCurrentId } = tabState;
  const selectedId = tabId(selectedName);
  React.useEffect(() => setCurrentId(selectedId), [setCurrentId, selectedId]);
  const state = {
    ...tabState,
    selectedId,
    select: (id: string | null) => {
      if (id) selectTab(id.slice(tabId('').length));
    },
  };

  return (
    <TaskContext.Provider value={{ task }}>
      <Box flexGrow={1} padding="space40" overflowY="auto">
        <Tabs state={state}>
          <TabList aria-label="Task">
            <Tab id={tabId(INFO_TAB)}>Info</Tab>
            {fragments.map((fragment) => (
              <Tab key={fragment.key} id={tabId(String(fragment.props.uniqueName))}>
                {String(fragment.props.label)}
              </Tab>
            ))}
          </TabList>
          <TabPanels>
            <TabPanel>
              <Box as="pre" padding="space40" fontSize="fontSize20">
                {JSON.stringify(
                  { channel: task.channelType, queue: task.queueName, attributes: task.attributes },
                  null,
                  2,
                )}
              </Box>
            </TabPanel>
            {fragments.map((fragment) => (
              <TabPanel key={fragment.key}>{fragment}</TabPanel>
            ))}
          </TabPanels>
        </Tabs>
      </Box>
    </TaskContext.Provider>
  );
}

function AgentDesktop({ standIn }: { standIn: FlexStandIn }) {
  const task = useSelector((state: HostRootState) => {
    const sid = state.flex.view.selectedTaskSid;
    return sid ? state.flex.worker.tasks.get(sid) : undefined;
  });
  return (
    <Box display="flex" flexGrow={1} minHeight="size0">
      <TaskList standIn={standIn} />
      {task ? (
        <TaskCanvas key={task.taskSid} standIn={standIn} task={task} />
      ) : (
        <Box padding="space60">
          <Text as="p" color="colorTextWeak">
            Select a task.
          </Text>
        </Box>
      )}
    </Box>
  );
}

const ROLES = ['agent', 'supervisor', 'admin'];

/** Not a Flex control: puts the demo tasks back as first seeded, then reloads the page. */
function ResetDemoTasks() {
  const [failure, setFailure] = React.useState<string | null>(null);
  const reset = () =>
    resetDemoTasks().then(
      () => window.location.reload(),
      (error: Error) => setFailure(`Could not reset the demo tasks: ${error.message}`),
    );
  return (
    <>
      <Button variant="secondary" size="small" onClick={reset}>
        Reset demo tasks
      </Button>
      {failure && (
        <Text as="span" role="alert" color="colorTextError">
          {failure}
        </Text>
      )}
    </>
  );
}

/** Says plainly that this is a development tool, lets the developer switch the signed-in role and reset the tasks. */
function SandboxBanner({ role }: { role: string }) {
  return (
    <Box
      display="flex"
      columnGap="space40"
      alignItems="center"
      paddingX="space40"
      paddingY="space20"
      backgroundColor="colorBackgroundStrong"
    >
      <Text as="span" fontWeight="fontWeightSemibold">
        Flex sandbox · development tool
      </Text>
      <Text as="span" color="colorTextWeak">
        Signed in as
      </Text>
      {ROLES.map((candidate) =>
        candidate === role ? (
          <Badge as="span" key={candidate} variant="info">
            {candidate}
          </Badge>
        ) : (
          <Anchor key={candidate} href={`?role=${candidate}`}>
            {candidate}
          </Anchor>
        ),
      )}
      <ResetDemoTasks />
    </Box>
  );
}

/** Flex's shell, as small as the plugin needs: side nav, the agent desktop and the views plugins add. */
export function HostApp({ standIn }: { standIn: FlexStandIn }) {
  const activeView = useSelector((state: HostRootState) => state.flex.view.activeView);
  const sideLinks = useContentStore(standIn.flex.SideNav.Content, { activeView });
  const views = useContentStore(standIn.flex.ViewCollection.Content, { activeView });
  const activePluginView = views.find((view) => view.props.name === activeView);

  return (
    <Box display="flex" flexDirection="column" height="100vh" backgroundColor="colorBackgroundBody" color="colorText">
      <SandboxBanner role={standIn.manager.user.roles[0]} />
      <Box display="flex" flexGrow={1} minHeight="size0">
        <Box as="nav" aria-label="Flex" width="size20" padding="space30" backgroundColor="colorBackground">
          <Stack orientation="vertical" spacing="space30">
            <SideLink
              icon="Agent"
              isActive={activeView === AGENT_DESKTOP_VIEW}
              onClick={() => standIn.flex.Actions.invokeAction('NavigateToView', { viewName: AGENT_DESKTOP_VIEW })}
            >
              Agent Desktop
            </SideLink>
            {sideLinks.map((link) => React.cloneElement(link, { activeView }))}
          </Stack>
        </Box>
        <Box as="main" display="flex" flexDirection="column" flexGrow={1} minWidth="size0">
          {activeView === AGENT_DESKTOP_VIEW || !activePluginView ? (
            <AgentDesktop standIn={standIn} />
          ) : (
            activePluginView
          )}
        </Box>
      </Box>
    </Box>
  );
}
