import type { FlexStandIn } from './flex-standin/createFlexStandIn';
import { toHostTask } from './flex-standin/hostTask';
import { listOpenTasks } from './flex-standin/taskRouterClient';
import { TaskRouterEmitter } from './flex-standin/TaskRouterEmitter';

/** sessionStorage key: the selected task's reservation sid, so a reload reopens it. */
const SELECTED_TASK_KEY = 'flex-sandbox.selectedTaskSid';

/**
 * Gives the agent their open tasks from the sandbox's TaskRouter, as Flex does once the
 * worker is connected. Only an offered task emits `reservationCreated` (which starts the
 * plugin's prefetch); Flex emits none for a reservation accepted before the page loaded,
 * so an accepted or wrapping task just appears.
 */
export async function receiveAgentTasks({ manager, reservations }: FlexStandIn): Promise<void> {
  const { store, workerClient } = manager;
  for (const resource of await listOpenTasks()) {
    const task = toHostTask(resource, store);
    store.dispatch({ type: 'host/taskArrived', task });
    if (task.status !== 'pending') continue;
    const reservation = Object.assign(new TaskRouterEmitter(), {
      sid: task.sid,
      task: { sid: task.taskSid, attributes: task.attributes },
    });
    reservations.set(task.taskSid, reservation);
    workerClient.emit('reservationCreated', reservation);
  }
}

/** Reopens the task selected before a reload (if the agent still has it), and remembers each new selection. */
export function keepSelectedTaskAcrossReloads({ manager: { store } }: FlexStandIn): void {
  const saved = sessionStorage.getItem(SELECTED_TASK_KEY);
  if (saved && store.getState().flex.worker.tasks.has(saved)) store.dispatch({ type: 'host/selectTask', sid: saved });
  let remembered = saved;
  store.subscribe(() => {
    const selected = store.getState().flex.view.selectedTaskSid;
    if (selected === remembered) return;
    remembered = selected;
    if (selected) sessionStorage.setItem(SELECTED_TASK_KEY, selected);
    else sessionStorage.removeItem(SELECTED_TASK_KEY);
  });
}
