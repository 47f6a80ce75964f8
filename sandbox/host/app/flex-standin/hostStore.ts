import type { ITask } from '@twilio/flex-ui';
import { AnyAction, combineReducers, createStore, Reducer } from 'redux';

/**
 * The fields of Flex's ITask the plugin uses, with Flex's types: `sid` is the reservation's
 * sid, `status` the reservation's status, `taskStatus` TaskRouter's. Picked from ITask so
 * the host can give a task nothing Flex's does not have.
 */
export type HostTask = Pick<
  ITask,
  | 'sid'
  | 'taskSid'
  | 'attributes'
  | 'status'
  | 'taskStatus'
  | 'queueName'
  | 'taskChannelUniqueName'
  | 'channelType'
  | 'dateCreated'
  | 'dateUpdated'
  | 'setAttributes'
>;

export type ReservationStatus = HostTask['status'];

export interface HostFlexState {
  view: {
    activeView: string;
    /** The selected task's reservation sid, as Flex keeps it. */
    selectedTaskSid: string | null;
    /** Set with the SetComponentState action; Flex merges each component's state. */
    componentViewStates: Record<string, Record<string, unknown> | undefined>;
  };
  /** The agent's tasks by reservation sid, in a Map as Flex keeps them. */
  worker: { tasks: Map<string, HostTask> };
}

export const AGENT_DESKTOP_VIEW = 'agent-desktop';

const initial: HostFlexState = {
  view: { activeView: AGENT_DESKTOP_VIEW, selectedTaskSid: null, componentViewStates: {} },
  worker: { tasks: new Map() },
};

/** A reservation that ended leaves the agent's task list, as in Flex. */
const ended = (task: HostTask) => task.status === 'completed' || task.status === 'canceled';

function withTasks(state: HostFlexState, change: (tasks: Map<string, HostTask>) => void): HostFlexState {
  const tasks = new Map(state.worker.tasks);
  change(tasks);
  return { ...state, worker: { tasks } };
}

/** The host's part of the store, under `flex` as in Flex. */
function flexReducer(state: HostFlexState = initial, action: AnyAction): HostFlexState {
  switch (action.type) {
    case 'host/taskArrived': {
      const task = action.task as HostTask;
      return withTasks(state, (tasks) => tasks.set(task.sid, task));
    }
    case 'host/taskUpdated': {
      // Only a task the agent still has: a late answer must not bring back a completed one.
      const task = action.task as HostTask;
      if (!state.worker.tasks.has(task.sid)) return state;
      return withTasks(state, (tasks) => (ended(task) ? tasks.delete(task.sid) : tasks.set(task.sid, task)));
    }
    case 'host/selectTask':
      return { ...state, view: { ...state.view, selectedTaskSid: action.sid as string | null } };
    case 'host/navigate':
      return { ...state, view: { ...state.view, activeView: action.viewName as string } };
    case 'host/setComponentState': {
      const { name, state: componentState } = action as AnyAction & { name: string; state: Record<string, unknown> };
      const componentViewStates = {
        ...state.view.componentViewStates,
        [name]: { ...state.view.componentViewStates[name], ...componentState },
      };
      return { ...state, view: { ...state.view, componentViewStates } };
    }
    default:
      return state;
  }
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
