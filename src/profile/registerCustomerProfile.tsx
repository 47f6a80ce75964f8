import * as React from 'react';
import type * as Flex from '@twilio/flex-ui';
import type { Store } from 'redux';

import type { FunctionsClient } from '../backend/FunctionsClient';
import type { EngagementOutbox } from '../engagement/engagementOutbox';
import type { RootStateWithPlugin } from '../shared/pluginState';
import type { PluginStrings } from '../strings/en';
import { CustomerTab } from './CustomerTab';
import { createProfileLoader } from './profileLoader';

export const CUSTOMER_TAB_NAME = 'unified-profiles-customer';
export const RESERVATION_ENDINGS = ['rejected', 'timeout', 'canceled', 'rescinded'] as const;

/**
 * Voice tasks open on the Customer tab: their own canvas holds only call controls, so the agent
 * loses nothing. Chat, SMS and email tasks keep Flex's conversation tab, where the agent types.
 */
const opensOnCustomerTab = (task: Flex.ITask | undefined) => task?.taskChannelUniqueName === 'voice';

/** The "Customer" tab on every task, and the prefetch that has its profile ready when the agent accepts. */
export function registerCustomerProfile(
  flex: typeof Flex,
  manager: Flex.Manager,
  functions: FunctionsClient,
  strings: PluginStrings,
  outbox?: EngagementOutbox,
): void {
  const loader = createProfileLoader(manager.store as unknown as Store<RootStateWithPlugin>, functions);

  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key={CUSTOMER_TAB_NAME} uniqueName={CUSTOMER_TAB_NAME} label={strings.UnifiedProfilesCustomerTabLabel}>
      <CustomerTab loader={loader} outbox={outbox} />
    </flex.Tab>,
  );

  manager.workerClient?.on('reservationCreated', (reservation) => {
    const taskSid = reservation.task.sid;
    void loader.loadForTask(taskSid, reservation.task.attributes);
    // A reservation that never becomes the agent's task takes its prefetched customer data with it.
    for (const ending of RESERVATION_ENDINGS) reservation.on(ending, () => loader.releaseTask(taskSid));
  });

  // Flex puts a task's canvas back on its first tab when the task is selected or changes status.
  const openCustomerTab = (payload: { task?: Flex.ITask }) => {
    if (!opensOnCustomerTab(payload.task)) return;
    void flex.Actions.invokeAction('SetComponentState', {
      name: 'AgentTaskCanvasTabs',
      state: { selectedTabName: CUSTOMER_TAB_NAME },
    });
  };
  flex.Actions.addListener('afterSelectTask', openCustomerTab);
  flex.Actions.addListener('afterAcceptTask', openCustomerTab);

  flex.Actions.addListener('afterCompleteTask', (payload: { task?: Flex.ITask }) => {
    if (payload.task?.taskSid) loader.releaseTask(payload.task.taskSid);
  });
}
