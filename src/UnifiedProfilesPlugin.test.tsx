import type * as React from 'react';
import type * as FlexModule from '@twilio/flex-ui';
import { combineReducers, configureStore } from '@reduxjs/toolkit';
import type { Reducer } from 'redux';

import { CUSTOMER_TAB_NAME, RESERVATION_ENDINGS } from './profile/registerCustomerProfile';
import { PLUGIN_NAMESPACE } from './shared/namespace';
import { UNIFY_VIEW_NAME } from './unify/registerUnifySetup';

type Flex = typeof FlexModule;

/** A manager with just what `init` reads, beside the real Flex module's content stores. */
function standInManager(roles: string[]) {
  // A store like Flex's: addReducer really adds the namespace, so the plugin's loader can read it.
  // Flex's own part holds the worker's tasks (ITask by reservation sid); 'test/tasks' stands in for TaskRouter.
  const flexState = (
    state = { worker: { tasks: new Map() } },
    action: { type: string; tasks?: Map<string, unknown> },
  ) => (action.type === 'test/tasks' ? { worker: { tasks: action.tasks } } : state);
  const reducers: Record<string, Reducer> = { flex: flexState as Reducer };
  const store = Object.assign(configureStore({ reducer: combineReducers(reducers) }), {
    addReducer: (name: string, reducer: Reducer) => {
      reducers[name] = reducer;
      store.replaceReducer(combineReducers(reducers));
    },
  });
  const reservationListeners: string[] = [];
  const reservationHandlers: Array<(reservation: unknown) => void> = [];
  const manager = {
    store,
    strings: { TaskHeaderLine: 'Flex own string' } as Record<string, string>,
    user: { identity: 'ana', roles, token: 'flex-token' },
    serviceConfiguration: {
      ui_attributes: { custom_data: { unified_profiles: { functions_base_url: 'https://fn' } } },
    },
    workerClient: {
      on: (event: string, handler: (reservation: unknown) => void) => {
        reservationListeners.push(event);
        reservationHandlers.push(handler);
      },
    },
  };
  return { manager: manager as unknown as FlexModule.Manager, reducers, reservationListeners, reservationHandlers };
}

/** The elements a content store holds: Flex wraps each added element in a ContentFragment. */
function heldElements(content: { fragments: React.ReactElement[] }): React.ReactElement[] {
  return content.fragments.map((fragment) => fragment.props.children as React.ReactElement);
}

const heldKeys = (content: { fragments: React.ReactElement[] }) => heldElements(content).map((element) => element.key);
const held = (content: { fragments: React.ReactElement[] }, key: string) =>
  heldElements(content).find((element) => element.key === key);

/** A fresh copy of the real Flex module per test: its content stores are module-level singletons. */
async function initFreshPlugin(roles: string[], presetStrings: Record<string, string> = {}) {
  jest.resetModules();
  const Flex = (await import('@twilio/flex-ui')) as Flex;
  const { default: UnifiedProfilesPlugin } = await import('./UnifiedProfilesPlugin');
  const stand = standInManager(roles);
  Object.assign(stand.manager.strings, presetStrings);
  await new UnifiedProfilesPlugin().init(Flex, stand.manager);
  return { Flex, ...stand };
}

describe('UnifiedProfilesPlugin.init against @twilio/flex-ui', () => {
  it('adds the Customer tab, one reducer namespace, its strings and the reservation prefetch for an agent', async () => {
    const { Flex, manager, reducers, reservationListeners } = await initFreshPlugin(['agent']);

    expect(Object.keys(reducers)).toEqual(['flex', PLUGIN_NAMESPACE]);
    expect(held(Flex.TaskCanvasTabs.Content, CUSTOMER_TAB_NAME)).toMatchObject({
      type: Flex.Tab,
      props: { uniqueName: CUSTOMER_TAB_NAME, label: 'Customer' },
    });
    expect(heldKeys(Flex.SideNav.Content)).not.toContain(UNIFY_VIEW_NAME);
    expect(heldKeys(Flex.ViewCollection.Content)).not.toContain(UNIFY_VIEW_NAME);
    expect(manager.strings).toMatchObject({
      TaskHeaderLine: 'Flex own string',
      UnifiedProfilesCustomerTabLabel: 'Customer',
    });
    // One for the profile prefetch, one for the engagement events.
    expect(reservationListeners).toEqual(['reservationCreated', 'reservationCreated']);
  });

  it('records Initiated through /engagement for a task Flex shows wrapping, once', async () => {
    window.localStorage.clear();
    // Only the plugin's Functions answer: the real Flex module fetches things of its own in the background.
    const fetchMock = jest.fn((url: string, _init: { body: string }) =>
      url.startsWith('https://fn/')
        ? Promise.resolve({ ok: true, status: 200, json: async () => ({ sent: true }) })
        : new Promise(() => undefined),
    );
    global.fetch = fetchMock as never;
    const { manager } = await initFreshPlugin(['agent']);
    const wrapping = new Map([['WR1', { taskSid: 'WT1', status: 'wrapping' }]]);
    manager.store.dispatch({ type: 'test/tasks', tasks: wrapping });
    manager.store.dispatch({ type: 'test/tasks', tasks: new Map(wrapping) });

    await new Promise((resolve) => setTimeout(resolve, 0));
    const engagementCalls = fetchMock.mock.calls.filter(([url]) => url === 'https://fn/engagement');
    expect(engagementCalls).toHaveLength(1);
    expect(JSON.parse(engagementCalls[0][1].body)).toMatchObject({
      taskSid: 'WT1',
      event: 'initiated',
      Token: 'flex-token',
    });
  });

  it('releases a prefetched customer when the reservation ends without becoming a task', async () => {
    const { reservationHandlers } = await initFreshPlugin(['agent']);
    const endings: string[] = [];
    const reservation = {
      sid: 'WR1',
      task: { sid: 'WT1', attributes: {} },
      on: (event: string) => endings.push(event),
    };
    global.fetch = jest.fn(() => new Promise(() => undefined)) as never;

    for (const handler of reservationHandlers) handler(reservation);
    expect(endings).toEqual(expect.arrayContaining([...RESERVATION_ENDINGS]));
  });

  it.each([['admin'], ['supervisor']])('gives a %s the Unify side-nav link and view', async (role) => {
    const { Flex } = await initFreshPlugin([role]);

    expect(heldKeys(Flex.SideNav.Content)).toEqual([UNIFY_VIEW_NAME]);
    expect(held(Flex.ViewCollection.Content, UNIFY_VIEW_NAME)).toMatchObject({
      type: Flex.View,
      props: { name: UNIFY_VIEW_NAME },
    });
  });

  it('keeps a translation the contact center already set', async () => {
    const { Flex } = await initFreshPlugin(['agent'], { UnifiedProfilesCustomerTabLabel: 'Cliente' });

    expect(held(Flex.TaskCanvasTabs.Content, CUSTOMER_TAB_NAME)).toMatchObject({ props: { label: 'Cliente' } });
  });
});
