/**
 * The shape of the sandbox's TaskRouter subset, shared by the host server (Node) and the
 * host page (browser): no imports, so the page's bundle can take it.
 */

/** The one workspace of the sandbox; a request for any other answers 404 as TaskRouter would. */
export const SANDBOX_WORKSPACE_SID = 'WS00000000000000000000000000000000';
export const SANDBOX_ACCOUNT_SID = 'AC00000000000000000000000000000000';
/** The sandbox's one agent (the token sandbox-agent): every offered task is reserved for this worker. */
export const SANDBOX_AGENT_WORKER_SID = 'WK00000000000000000000000000000001';

export const TASKS_PATH = `/v1/Workspaces/${SANDBOX_WORKSPACE_SID}/Tasks`;
/** Not TaskRouter: puts the demo tasks back as they were seeded. */
export const RESET_PATH = '/sandbox/reset';

export const ASSIGNMENT_STATUSES = ['pending', 'reserved', 'assigned', 'wrapping', 'completed', 'canceled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** A Task as TaskRouter's REST API answers it (the fields the sandbox keeps). */
export interface TaskResource {
  sid: string;
  account_sid: string;
  workspace_sid: string;
  /** A JSON string, as TaskRouter sends it. */
  attributes: string;
  assignment_status: AssignmentStatus;
  reason: string | null;
  task_queue_friendly_name: string;
  task_channel_unique_name: string;
  date_created: string;
  date_updated: string;
  url: string;
}

export const RESERVATION_STATUSES = ['pending', 'accepted', 'wrapping', 'completed', 'canceled'] as const;

/** A Task's Reservation as TaskRouter's REST API answers it (the fields the sandbox keeps). */
export interface ReservationResource {
  sid: string;
  account_sid: string;
  workspace_sid: string;
  task_sid: string;
  worker_sid: string;
  worker_name: string;
  reservation_status: (typeof RESERVATION_STATUSES)[number];
  date_created: string;
  date_updated: string;
  url: string;
}

/** TaskRouter's error body. */
export interface TaskRouterError {
  code: number;
  message: string;
  more_info: string;
  status: number;
}
