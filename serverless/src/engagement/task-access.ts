import { ApiError } from '../http/api-error';
import type { TaskRouterReservation, TwilioTaskRouterClient } from '../twilio/taskrouter-api';
import { twilioRestError } from '../unify-config/sync-api';

/** What /engagement knows of a task once it is proven to be the caller's. */
export interface CallersTask {
  sid: string;
  attributes: Record<string, unknown>;
  channel: string | null;
  queue: string | null;
  createdAt: Date;
  /** The workers who held the task, first to last (a transfer makes several). */
  workers: string[];
}

/** A reservation the worker took: accepting it made the task theirs, however it went since. */
const HELD_STATUSES = new Set(['accepted', 'wrapping', 'completed']);

function parseAttributes(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The task, when the worker held it: read from TaskRouter (the task and its reservations, in
 * parallel), so an agent can record engagements only for tasks they handled. A task that is not
 * theirs and a task that does not exist answer alike, so the answer reveals nothing of others' tasks.
 */
export async function callersTask(
  client: TwilioTaskRouterClient,
  workspaceSid: string,
  taskSid: string,
  workerSid: string,
): Promise<CallersTask> {
  const task = client.taskrouter.v1.workspaces(workspaceSid).tasks(taskSid);
  let fetched: Awaited<ReturnType<typeof task.fetch>>;
  let reservations: TaskRouterReservation[];
  try {
    [fetched, reservations] = await Promise.all([task.fetch(), task.reservations.list()]);
  } catch (error) {
    if (twilioRestError(error)?.status === 404) throw notYours();
    throw new ApiError(
      503,
      'taskrouter_unavailable',
      'TaskRouter did not answer about this task; the engagement is kept and sent again later.',
    );
  }
  const held = reservations
    .filter((reservation) => HELD_STATUSES.has(reservation.reservationStatus))
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime());
  if (!held.some((reservation) => reservation.workerSid === workerSid)) throw notYours();
  return {
    sid: fetched.sid,
    attributes: parseAttributes(fetched.attributes),
    channel: fetched.taskChannelUniqueName,
    queue: fetched.taskQueueFriendlyName,
    createdAt: fetched.dateCreated,
    workers: [...new Set(held.map((reservation) => reservation.workerSid))],
  };
}

function notYours(): ApiError {
  return new ApiError(
    403,
    'not_your_task',
    'Only the agent who handled a task records its engagement, and this task was not yours.',
  );
}
