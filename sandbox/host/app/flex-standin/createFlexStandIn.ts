import type { CustomizationProvider } from '@twilio-paste/core/customization';
import type * as React from 'react';

import { ActionsStandIn } from './Actions';
import { SideLink, Tab, View, useFlexDispatch, useFlexSelector, withTaskContext } from './components';
import { DynamicContentStore } from './DynamicContentStore';
import { createHostStore } from './hostStore';
import { registerTaskActions } from './taskActions';
import { TaskRouterEmitter } from './TaskRouterEmitter';

export type SandboxRole = 'agent' | 'supervisor' | 'admin';

export interface FlexStandInOptions {
  role: SandboxRole;
  functionsBaseUrl: string;
  /** The agent's Flex language, as `manager.localization.localeTag` gives it (e.g. es-ES). */
  localeTag: string;
}

type RootWrapper = (Root: React.ComponentType<Record<string, unknown>>) => React.ComponentType<Record<string, unknown>>;

interface Plugin {
  name: string;
  init(flex: unknown, manager: unknown): Promise<void> | void;
}

/** What `FlexPlugin.loadPlugin` hands to `Twilio.Flex.Plugins.init`: the plugin's class. */
type PluginClass = new () => Plugin;

/** Where Flex 2.x's agent desktop keeps its task canvas's selected tab (`componentViewStates.AgentTaskCanvasTabs`). */
export const TASK_CANVAS_TABS_STATE = 'AgentTaskCanvasTabs';

/**
 * The `Twilio.Flex` namespace and the Manager of the sandbox host: only the parts of
 * @twilio/flex-ui 2.x that the plugin calls, behaving as Flex's do for those calls.
 */
export function createFlexStandIn({ role, functionsBaseUrl, localeTag }: FlexStandInOptions) {
  const store = createHostStore();
  const Actions = new ActionsStandIn();
  Actions.registerAction('NavigateToView', ({ viewName }) => {
    store.dispatch({ type: 'host/navigate', viewName });
  });
  Actions.registerAction('SetComponentState', ({ name, state }) => {
    if (name === 'TaskCanvasTabs') {
      console.warn(`SetComponentState: Flex's agent desktop reads "${TASK_CANVAS_TABS_STATE}", not "TaskCanvasTabs".`);
    }
    store.dispatch({ type: 'host/setComponentState', name, state });
  });
  /** The reservations this page saw created, by task sid, so task actions can emit their events. */
  const reservations = new Map<string, TaskRouterEmitter>();
  registerTaskActions(Actions, store, reservations);

  const providers: { PasteThemeProvider?: typeof CustomizationProvider; CustomProvider?: RootWrapper } = {};
  const plugins: Plugin[] = [];

  const manager = {
    store,
    strings: {} as Record<string, string>,
    user: {
      identity: `sandbox-${role}`,
      roles: [role],
      token: `sandbox-${role}`,
      tokenExpirationDate: new Date(Date.now() + 3_600_000),
    },
    serviceConfiguration: {
      ui_attributes: { custom_data: { unified_profiles: { functions_base_url: functionsBaseUrl } } },
    },
    workerClient: new TaskRouterEmitter(),
    localization: { localeTag },
  };

  const flex = {
    Actions,
    Manager: { getInstance: () => manager },
    TaskCanvasTabs: { Content: new DynamicContentStore('TaskCanvasTabs') },
    SideNav: { Content: new DynamicContentStore('SideNav') },
    ViewCollection: { Content: new DynamicContentStore('ViewCollection') },
    Tab,
    View,
    SideLink,
    withTaskContext,
    useFlexSelector,
    useFlexDispatch,
    setProviders(next: typeof providers) {
      Object.assign(providers, next);
    },
    Plugins: {
      init(PluginClass: PluginClass) {
        plugins.push(new PluginClass());
      },
    },
  };

  return { flex, manager, providers, plugins, reservations };
}

export type FlexStandIn = ReturnType<typeof createFlexStandIn>;
