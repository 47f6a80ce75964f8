import type { IncomingMessage, ServerResponse } from 'node:http';

import { DEMO_TASKS } from '../demo/tasks';
import type { StoredTask, TaskChange, TaskStore } from './task-store';
import {
  ASSIGNMENT_STATUSES,
  AssignmentStatus,
  ReservationResource,
  RESET_PATH,
  SANDBOX_AGENT_WORKER_SID,
  SANDBOX_WORKSPACE_SID,
  TaskResource,
  TaskRouterError,
} from './taskrouter-shape';

/**
 * The part of TaskRouter's REST API the sandbox answers, so code written against the
 * `twilio` library (and the host page) runs unchanged against it:
 *
 *   GET  /v1/Workspaces/{ws}/Tasks          { tasks: [...], meta: {...} }  (?AssignmentStatus= filters)
 *   POST /v1/Workspaces/{ws}/Tasks          form-encoded Attributes, TaskChannel: a new task, offered to the agent
 *   GET  /v1/Workspaces/{ws}/Tasks/{sid}    the task
 *   POST /v1/Workspaces/{ws}/Tasks/{sid}    form-encoded Attributes, AssignmentStatus, Reason
 *   GET  /v1/Workspaces/{ws}/Tasks/{sid}/Reservations   { reservations: [...] }  (?WorkerSid= filters)
 *   POST /sandbox/reset                     not TaskRouter: the demo tasks as first seeded (204)
 *
 * No authentication: the host listens on loopback only.
 */

const TASKS_ROUTE = /^\/v1\/Workspaces\/([^/]+)\/Tasks(?:\/([^/]+)(\/Reservations)?)?$/;
const MAX_BODY_BYTES = 64 * 1024;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (path: string) => new ApiError(404, 20404, `The requested resource ${path} was not found`);
const invalid = (message: string) => new ApiError(400, 20001, message);

function send(response: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) return void response.writeHead(status).end();
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** Handles the request if it is one of the API's paths; answers false otherwise. */
export async function handleTaskRouterApi(
  store: TaskStore,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = TASKS_ROUTE.exec(url.pathname);
  if (!route && url.pathname !== RESET_PATH) return false;
  try {
    if (!route) {
      allow(request, 'POST');
      await store.reset();
      send(response, 204);
      return true;
    }
    const [, workspaceSid, taskSid, reservations] = route;
    if (workspaceSid !== SANDBOX_WORKSPACE_SID) throw notFound(url.pathname.slice('/v1'.length));
    const origin = `http://${request.headers.host ?? 'localhost'}`;
    if (!taskSid) {
      allow(request, 'GET', 'POST');
      if (request.method === 'POST') send(response, 201, toResource(await create(store, request), origin));
      else
        send(
          response,
          200,
          listPage(
            'tasks',
            store.list().map((task) => toResource(task, origin)),
            url,
            origin,
          ),
        );
      return true;
    }
    if (reservations) {
      allow(request, 'GET');
      const task = store.get(taskSid);
      if (!task) throw notFound(url.pathname.slice('/v1'.length));
      const worker = url.searchParams.get('WorkerSid');
      const listed = reservationsOf(task, origin).filter((reservation) => !worker || reservation.worker_sid === worker);
      send(response, 200, listPage('reservations', listed, url, origin));
      return true;
    }
    allow(request, 'GET', 'POST');
    const task = request.method === 'POST' ? await update(store, taskSid, request) : store.get(taskSid);
    if (!task) throw notFound(url.pathname.slice('/v1'.length));
    send(response, 200, toResource(task, origin));
  } catch (error) {
    const { status, code, message } = error instanceof ApiError ? error : new ApiError(500, 20500, String(error));
    const body: TaskRouterError = { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
    send(response, status, body);
  }
  return true;
}

function allow(request: IncomingMessage, ...methods: string[]) {
  if (!methods.includes(request.method ?? 'GET')) {
    throw new ApiError(405, 20004, `Method ${request.method} is not allowed here (allowed: ${methods.join(', ')})`);
  }
}

function toResource(task: StoredTask, origin: string): TaskResource {
  return { ...task, url: `${origin}/v1/Workspaces/${task.workspace_sid}/Tasks/${task.sid}` };
}

/** The agent's reservation status for each task status: the sandbox has one agent, offered every task. */
const RESERVATION_STATUS: Record<AssignmentStatus, ReservationResource['reservation_status'] | undefined> = {
  pending: undefined,
  reserved: 'pending',
  assigned: 'accepted',
  wrapping: 'wrapping',
  completed: 'completed',
  canceled: 'canceled',
};

/** The task's one reservation, for the sandbox's agent, once the task has been offered. */
function reservationsOf(task: StoredTask, origin: string): ReservationResource[] {
  const status = RESERVATION_STATUS[task.assignment_status];
  if (!status) return [];
  const sid = DEMO_TASKS.find((demo) => demo.taskSid === task.sid)?.reservationSid ?? `WR${task.sid.slice(2)}`;
  return [
    {
      sid,
      account_sid: task.account_sid,
      workspace_sid: task.workspace_sid,
      task_sid: task.sid,
      worker_sid: SANDBOX_AGENT_WORKER_SID,
      worker_name: 'sandbox-agent',
      reservation_status: status,
      date_created: task.date_created,
      date_updated: task.date_updated,
      url: `${origin}/v1/Workspaces/${task.workspace_sid}/Tasks/${task.sid}/Reservations/${sid}`,
    },
  ];
}

/** One page holding every item: the sandbox has a handful, and the twilio library stops at a null next_page_url. */
function listPage(key: string, items: Array<TaskResource | ReservationResource>, url: URL, origin: string) {
  const statuses = url.searchParams.getAll('AssignmentStatus').flatMap((value) => value.split(','));
  const listed = statuses.length
    ? items.filter((item) => 'assignment_status' in item && statuses.includes(item.assignment_status))
    : items;
  const pageUrl = `${origin}${url.pathname}${url.search}`;
  return {
    [key]: listed,
    meta: {
      page: 0,
      page_size: listed.length,
      first_page_url: pageUrl,
      previous_page_url: null,
      url: pageUrl,
      next_page_url: null,
      key,
    },
  };
}

async function create(store: TaskStore, request: IncomingMessage): Promise<StoredTask> {
  const form = new URLSearchParams(await readFormBody(request));
  const attributes = form.get('Attributes');
  return store.create({
    attributes: attributes === null ? {} : parseAttributes(attributes),
    taskChannel: form.get('TaskChannel') ?? 'default',
  });
}

async function update(store: TaskStore, sid: string, request: IncomingMessage): Promise<StoredTask | undefined> {
  const form = new URLSearchParams(await readFormBody(request));
  const change: TaskChange = {};
  const attributes = form.get('Attributes');
  if (attributes !== null) change.attributes = parseAttributes(attributes);
  const status = form.get('AssignmentStatus');
  if (status !== null) {
    if (!ASSIGNMENT_STATUSES.includes(status as AssignmentStatus)) {
      throw invalid(`AssignmentStatus must be one of ${ASSIGNMENT_STATUSES.join(', ')}; got "${status}"`);
    }
    change.assignmentStatus = status as AssignmentStatus;
  }
  const reason = form.get('Reason');
  if (reason !== null) change.reason = reason;
  return Object.keys(change).length ? store.update(sid, change) : store.get(sid);
}

function parseAttributes(text: string): Record<string, unknown> {
  let attributes: unknown;
  try {
    attributes = JSON.parse(text);
  } catch (error) {
    throw invalid(`Attributes must be valid JSON: ${(error as Error).message}`);
  }
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw invalid('Attributes must be a JSON object');
  }
  return attributes as Record<string, unknown>;
}

/** The request body, as the twilio library sends it: application/x-www-form-urlencoded, small. */
async function readFormBody(request: IncomingMessage): Promise<string> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw invalid('Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 20001, `The request body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
