import type { ActionsStandIn } from './Actions';
import type { HostStore, HostTask } from './hostStore';
import { updateTaskInStore } from './hostTask';
import type { TaskRouterEmitter } from './TaskRouterEmitter';

/**
 * Flex's task actions, each a TaskRouter update that the store keeps. As in Flex, a payload
 * may name the task by `sid` (the reservation's) or give it as `task`; listeners get both.
 * The reservation (when this page saw it created) emits TaskRouter's event for the change.
 */
export function registerTaskActions(
  Actions: ActionsStandIn,
  store: HostStore,
  reservations: Map<string, TaskRouterEmitter>,
): void {
  const withTask = (payload: Record<string, unknown>) => {
    const task =
      (payload.task as HostTask | undefined) ?? store.getState().flex.worker.tasks.get(payload.sid as string);
    return { ...payload, sid: task?.sid ?? payload.sid, task };
  };
  const taskOf = (payload: Record<string, unknown>) => {
    if (!payload.task) throw new Error(`No task of the agent's has the reservation sid "${String(payload.sid)}".`);
    return payload.task as HostTask;
  };

  const change =
    (parameters: Record<string, string>, reservationEvent: string) => async (payload: Record<string, unknown>) => {
      const task = taskOf(payload);
      await updateTaskInStore(store, task.taskSid, parameters);
      reservations.get(task.taskSid)?.emit(reservationEvent);
    };

  Actions.registerAction('AcceptTask', change({ AssignmentStatus: 'assigned' }, 'accepted'), withTask);
  // The sandbox has one agent, so a rejected task has nobody else to go to: it is canceled.
  Actions.registerAction(
    'RejectTask',
    change({ AssignmentStatus: 'canceled', Reason: 'Rejected in the sandbox' }, 'rejected'),
    withTask,
  );
  Actions.registerAction('WrapupTask', change({ AssignmentStatus: 'wrapping' }, 'wrapup'), withTask);
  Actions.registerAction('CompleteTask', change({ AssignmentStatus: 'completed' }, 'completed'), withTask);
  Actions.registerAction(
    'SelectTask',
    (payload) => {
      store.dispatch({ type: 'host/selectTask', sid: taskOf(payload).sid });
    },
    withTask,
  );
}
