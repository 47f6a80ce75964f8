import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { DEMO_TASKS } from '../../demo/tasks';
import { createFlexStandIn, SandboxRole } from './flex-standin/createFlexStandIn';
import { HostTask, toHostTask } from './flex-standin/hostStore';
import { TaskRouterEmitter } from './flex-standin/TaskRouterEmitter';
import { HostApp } from './HostApp';

interface HostConfig {
  functionsBaseUrl: string;
  pluginUrl: string;
}

const ROLES: SandboxRole[] = ['agent', 'supervisor', 'admin'];

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}

async function boot() {
  const config = JSON.parse(document.getElementById('host-config')!.textContent!) as HostConfig;
  const params = new URLSearchParams(window.location.search);
  const role = ROLES.find((candidate) => candidate === params.get('role')) ?? 'agent';
  const theme = params.get('theme') === 'dark' ? 'dark' : 'default';

  const standIn = createFlexStandIn({ role, functionsBaseUrl: config.functionsBaseUrl });
  // What Flex puts on window for a plugin bundle built with webpack externals.
  Object.assign(window, { React, ReactDOM, Redux, ReactRedux, Twilio: { Flex: standIn.flex } });

  await loadScript(config.pluginUrl);
  for (const plugin of standIn.plugins) await plugin.init(standIn.flex, standIn.manager);

  const { store, workerClient } = standIn.manager;
  const reservations = new Map<string, TaskRouterEmitter>();
  DEMO_TASKS.map(toHostTask).forEach((task) => {
    store.dispatch({ type: 'host/taskArrived', task });
    const reservation = Object.assign(new TaskRouterEmitter(), {
      sid: task.reservationSid,
      task: { sid: task.taskSid, attributes: task.attributes },
    });
    reservations.set(task.taskSid, reservation);
    workerClient.emit('reservationCreated', reservation);
  });
  const setStatus = (task: unknown, status: string) => {
    store.dispatch({ type: 'host/taskStatus', taskSid: (task as HostTask).taskSid, status });
  };
  standIn.flex.Actions.registerAction('AcceptTask', ({ task }) => setStatus(task, 'accepted'));
  standIn.flex.Actions.registerAction('RejectTask', ({ task }) => {
    setStatus(task, 'completed');
    reservations.get((task as HostTask).taskSid)?.emit('rejected');
  });
  standIn.flex.Actions.registerAction('CompleteTask', ({ task }) => setStatus(task, 'completed'));

  // As in Flex: the host's own Paste theme for its chrome, and the plugin's provider around everything.
  const PluginPaste = standIn.providers.PasteThemeProvider ?? CustomizationProvider;
  const identity = (Root: React.ComponentType<Record<string, unknown>>) => Root;
  const Root = (standIn.providers.CustomProvider ?? identity)(() => <HostApp standIn={standIn} />);
  ReactDOM.render(
    <ReactRedux.Provider store={store}>
      <PluginPaste baseTheme={theme}>
        <CustomizationProvider baseTheme={theme}>
          <Root />
        </CustomizationProvider>
      </PluginPaste>
    </ReactRedux.Provider>,
    document.getElementById('root'),
  );
}

boot().catch((error: Error) => {
  document.getElementById('root')!.textContent = `The sandbox host failed to start: ${error.message}`;
});
