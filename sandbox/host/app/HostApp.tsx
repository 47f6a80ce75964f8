import * as React from 'react';
import { useDispatch, useSelector } from 'react-redux';
import { Anchor } from '@twilio-paste/core/anchor';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Stack } from '@twilio-paste/core/stack';
import { Tab, TabList, TabPanel, TabPanels, Tabs } from '@twilio-paste/core/tabs';
import { Text } from '@twilio-paste/core/text';

import { HostSectionTitle, SideLink, TaskContext } from './flex-standin/components';
import type { FlexStandIn } from './flex-standin/createFlexStandIn';
import { useContentStore } from './flex-standin/DynamicContentStore';
import { AGENT_DESKTOP_VIEW, HostRootState, HostTask, TaskStatus } from './flex-standin/hostStore';

/** The Flex actions an agent can take on a task in each state, as the task list's buttons. */
const TASK_ACTIONS: Partial<Record<TaskStatus, { action: string; label: string; variant: 'primary' | 'secondary' }[]>> =
  {
    pending: [
      { action: 'AcceptTask', label: 'Accept', variant: 'primary' },
      { action: 'RejectTask', label: 'Reject', variant: 'secondary' },
    ],
    accepted: [{ action: 'CompleteTask', label: 'Complete', variant: 'secondary' }],
  };

function TaskList({ standIn }: { standIn: FlexStandIn }) {
  const tasks = useSelector((state: HostRootState) => Object.values(state.flex.worker.tasks));
  const selected = useSelector((state: HostRootState) => state.flex.view.selectedTaskSid);
  const dispatch = useDispatch();
  const { Actions } = standIn.flex;

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
      <Stack orientation="vertical" spacing="space20">
        {tasks
          .filter((task) => task.status !== 'completed')
          .map((task) => (
            <Box
              key={task.taskSid}
              paddingX="space40"
              paddingY="space30"
              backgroundColor={selected === task.taskSid ? 'colorBackgroundPrimaryWeakest' : undefined}
              data-task-sid={task.taskSid}
            >
              <Button variant="link" onClick={() => dispatch({ type: 'host/selectTask', taskSid: task.taskSid })}>
                {task.label}
              </Button>
              <Text as="div" fontSize="fontSize20" color="colorTextWeak">
                {String(task.attributes.name ?? task.attributes.customerName ?? task.attributes.from)} ·{' '}
                {task.queueName}
              </Text>
              <Box display="flex" columnGap="space20" marginTop="space20" alignItems="center">
                <Badge as="span" variant={task.status === 'pending' ? 'warning' : 'success'}>
                  {task.status}
                </Badge>
                {(TASK_ACTIONS[task.status] ?? []).map(({ action, label, variant }) => (
                  <Button
                    key={action}
                    size="small"
                    variant={variant}
                    onClick={() => Actions.invokeAction(action, { sid: task.reservationSid, task })}
                  >
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

/** Flex's task canvas: its own Info tab, then every tab a plugin added to TaskCanvasTabs.Content. */
function TaskCanvas({ standIn, task }: { standIn: FlexStandIn; task: HostTask }) {
  const fragments = useContentStore(standIn.flex.TaskCanvasTabs.Content, { task });
  return (
    <TaskContext.Provider value={{ task }}>
      <Box flexGrow={1} padding="space40" overflowY="auto">
        <Tabs baseId={`task-canvas-${task.taskSid}`} selectedId={`${task.taskSid}-info`}>
          <TabList aria-label="Task">
            <Tab id={`${task.taskSid}-info`}>Info</Tab>
            {fragments.map((fragment) => (
              <Tab key={fragment.key} id={`${task.taskSid}-${String(fragment.props.uniqueName)}`}>
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
    return sid ? state.flex.worker.tasks[sid] : undefined;
  });
  return (
    <Box display="flex" flexGrow={1} minHeight="size0">
      <TaskList standIn={standIn} />
      {task && task.status !== 'completed' ? (
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

/** Says plainly that this is a development tool, and lets the developer switch the signed-in role. */
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
