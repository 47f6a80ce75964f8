import { DEMO_TASKS } from '../../../demo/tasks';
import type { AssignmentStatus, TaskResource } from '../../taskrouter-shape';
import type { HostStore, HostTask } from './hostStore';
import { updateTask } from './taskRouterClient';

/** The agent's reservation status for each TaskRouter status: the sandbox has one agent, so an offered task is theirs. */
const RESERVATION_STATUS: Record<AssignmentStatus, HostTask['status']> = {
  pending: 'pending',
  reserved: 'pending',
  assigned: 'accepted',
  wrapping: 'wrapping',
  completed: 'completed',
  canceled: 'canceled',
};

/**
 * The demo-only fields (the task list's label, the reservation's sid) are not stored with
 * the task: they are read from the seed, DEMO_TASKS, by task sid.
 */
const demoTask = (taskSid: string) => DEMO_TASKS.find((demo) => demo.taskSid === taskSid);

export const taskLabel = (task: HostTask): string => demoTask(task.taskSid)?.label ?? task.taskChannelUniqueName;

const reservationSid = (taskSid: string) => demoTask(taskSid)?.reservationSid ?? `WR${taskSid.slice(2)}`;

/**
 * Flex's ITask for a TaskRouter task, as far as the plugin uses it. `setAttributes` replaces
 * the attributes in the sandbox's TaskRouter, then puts the updated task in the store so the
 * canvas re-renders, as Flex does when TaskRouter reports the change; it resolves with the
 * updated task. Nothing changes in the store when the update fails.
 */
export function toHostTask(resource: TaskResource, store: HostStore): HostTask {
  const attributes = JSON.parse(resource.attributes) as Record<string, unknown>;
  return {
    sid: reservationSid(resource.sid),
    taskSid: resource.sid,
    attributes,
    status: RESERVATION_STATUS[resource.assignment_status],
    taskStatus: resource.assignment_status === 'pending' ? 'reserved' : resource.assignment_status,
    queueName: resource.task_queue_friendly_name,
    taskChannelUniqueName: resource.task_channel_unique_name,
    // Flex's rule: the attributes' channelType, else the task channel.
    channelType:
      typeof attributes.channelType === 'string' ? attributes.channelType : resource.task_channel_unique_name,
    dateCreated: new Date(resource.date_created),
    dateUpdated: new Date(resource.date_updated),
    async setAttributes(next: object) {
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new TypeError('setAttributes takes the new attributes as an object.');
      }
      return updateTaskInStore(store, resource.sid, { Attributes: JSON.stringify(next) });
    },
  };
}

/** Sends a TaskRouter update and keeps what TaskRouter answers in the host store. */
export async function updateTaskInStore(
  store: HostStore,
  taskSid: string,
  parameters: Record<string, string>,
): Promise<HostTask> {
  const task = toHostTask(await updateTask(taskSid, parameters), store);
  store.dispatch({ type: 'host/taskUpdated', task });
  return task;
}
