import type * as Flex from '@twilio/flex-ui';

import type { FunctionsClient } from '../backend/FunctionsClient';
import { EngagementOutbox, engagementKey } from './engagementOutbox';
import { takeWrapupNote } from './wrapupNotes';

interface TaskPayload {
  task?: { taskSid?: string };
}

/**
 * Reports each of the agent's tasks to Segment through /engagement: Initiated when the conversation
 * ends (the task enters wrap-up, or completes without one), Completed when wrap-up ends, with the
 * wrap-up note. Every way Flex tells of those moments is heard — the actions, the reservation's
 * events, a task found wrapping after a reload — and the outbox keeps each moment once.
 */
export function registerEngagements(flex: typeof Flex, manager: Flex.Manager, functions: FunctionsClient) {
  const outbox = new EngagementOutbox((record) => functions.recordEngagement(record));
  const now = () => new Date().toISOString();

  const conversationEnded = (taskSid: string | undefined) => {
    if (taskSid && !outbox.has(engagementKey({ taskSid, event: 'initiated' })))
      outbox.add({ taskSid, event: 'initiated', occurredAt: now() });
  };
  const wrapupEnded = (taskSid: string | undefined) => {
    if (!taskSid || outbox.has(engagementKey({ taskSid, event: 'completed' }))) return;
    conversationEnded(taskSid);
    const wrapupNote = takeWrapupNote(taskSid);
    outbox.add({ taskSid, event: 'completed', occurredAt: now(), ...(wrapupNote ? { wrapupNote } : {}) });
  };

  flex.Actions.addListener('afterWrapupTask', (payload: TaskPayload) => conversationEnded(payload.task?.taskSid));
  flex.Actions.addListener('afterCompleteTask', (payload: TaskPayload) => wrapupEnded(payload.task?.taskSid));
  manager.workerClient?.on('reservationCreated', (reservation) => {
    reservation.on('wrapup', () => conversationEnded(reservation.task.sid));
    reservation.on('completed', () => wrapupEnded(reservation.task.sid));
  });

  // A call the customer hung up goes to wrap-up without an action, and a reload finds tasks wrapping.
  const seenWrapping = new Set<string>();
  const noticeWrapping = () => {
    manager.store.getState().flex.worker.tasks.forEach((task) => {
      if (task.status !== 'wrapping' || seenWrapping.has(task.taskSid)) return;
      seenWrapping.add(task.taskSid);
      conversationEnded(task.taskSid);
    });
  };
  manager.store.subscribe(noticeWrapping);
  noticeWrapping();

  // What waited before a reload, or while the network was down, goes now.
  window.addEventListener('online', () => void outbox.flush());
  void outbox.flush();
  return outbox;
}
