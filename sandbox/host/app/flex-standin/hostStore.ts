import { AnyAction, combineReducers, createStore, Reducer } from 'redux';

import type { DemoTask } from '../../../demo/tasks';

export type TaskStatus = 'pending' | 'accepted' | 'wrapping' | 'completed';

/** The fields of Flex's ITask the plugin reads, for one demo task. */
export interface HostTask {
  sid: string;
  taskSid: string;
  reservationSid: string;
  queueName: string;
  taskChannelUniqueName: string;
  channelType: string;
  attributes: Record<string, unknown>;
  status: TaskStatus;
  dateCreated: string;
  label: string;
}

export interface HostFlexState {
  view: { activeView: string; selectedTaskSid: string | null };
  worker: { tasks: Record<string, HostTask> };
}

export const AGENT_DESKTOP_VIEW = 'agent-desktop';

const initial: HostFlexState = {
  view: { activeView: AGENT_DESKTOP_VIEW, selectedTaskSid: null },
  worker: { tasks: {} },
};

/** The host's part of the store, under `flex` as in Flex. */
function flexReducer(state: HostFlexState = initial, action: AnyAction): HostFlexState {
  switch (action.type) {
    case 'host/taskArrived': {
      const task = action.task as HostTask;
      return { ...state, worker: { tasks: { ...state.worker.tasks, [task.taskSid]: task } } };
    }
    case 'host/taskStatus': {
      const task = state.worker.tasks[action.taskSid as string];
      if (!task) return state;
      const tasks = { ...state.worker.tasks, [task.taskSid]: { ...task, status: action.status as TaskStatus } };
      return { ...state, worker: { tasks } };
    }
    case 'host/selectTask':
      return { ...state, view: { ...state.view, selectedTaskSid: action.taskSid as string | null } };
    case 'host/navigate':
      return { ...state, view: { ...state.view, activeView: action.viewName as string } };
    default:
      return state;
  }
}

export function toHostTask(demo: DemoTask, index: number): HostTask {
  return {
    sid: demo.taskSid,
    taskSid: demo.taskSid,
    reservationSid: demo.reservationSid,
    queueName: demo.queueName,
    taskChannelUniqueName: demo.taskChannelUniqueName,
    channelType: demo.channelType,
    attributes: demo.attributes,
    status: 'pending',
    dateCreated: new Date(Date.now() - (index + 1) * 45_000).toISOString(),
    label: demo.label,
  };
}

/** A Redux store with Flex's `addReducer`, so a plugin can register its namespace after start-up. */
export function createHostStore() {
  const reducers: Record<string, Reducer> = { flex: flexReducer };
  const store = createStore(combineReducers(reducers));
  return Object.assign(store, {
    addReducer(name: string, reducer: Reducer) {
      if (reducers[name]) throw new Error(`A reducer is already registered under "${name}".`);
      reducers[name] = reducer;
      store.replaceReducer(combineReducers(reducers));
    },
  });
}

export type HostStore = ReturnType<typeof createHostStore>;
export type HostRootState = { flex: HostFlexState };
