import { RESET_PATH, TASKS_PATH, TaskResource, TaskRouterError } from '../../taskrouter-shape';

/**
 * The host page's calls to the sandbox's TaskRouter subset (served by the host server, same
 * origin). Flex talks to TaskRouter through its SDK; the host talks to the REST API instead,
 * with the same form-encoded parameters the `twilio` library sends.
 */

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  if (!response.ok) {
    const error = (await response.json().catch(() => undefined)) as TaskRouterError | undefined;
    throw new Error(error?.message ?? `TaskRouter (sandbox) answered ${response.status}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The tasks the agent holds: offered (pending, reserved), accepted (assigned) or in wrap-up. */
export async function listOpenTasks(): Promise<TaskResource[]> {
  const page = await call<{ tasks: TaskResource[] }>(
    `${TASKS_PATH}?AssignmentStatus=pending,reserved,assigned,wrapping`,
  );
  return page.tasks;
}

/** TaskRouter's Task update: `Attributes` (a JSON string, replacing the old), `AssignmentStatus`, `Reason`. */
export function updateTask(taskSid: string, parameters: Record<string, string>): Promise<TaskResource> {
  return call<TaskResource>(`${TASKS_PATH}/${taskSid}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(parameters).toString(),
  });
}

export function resetDemoTasks(): Promise<void> {
  return call<void>(RESET_PATH, { method: 'POST' });
}
