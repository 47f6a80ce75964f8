import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEMO_TASKS } from '../demo/tasks';
import { RunningHost, startHost } from './server';
import { SANDBOX_AGENT_WORKER_SID, SANDBOX_WORKSPACE_SID } from './taskrouter-shape';

/**
 * The point of speaking TaskRouter's REST subset: a Function using the real `twilio` library
 * (the one twilio-run gives Functions, from serverless/node_modules) works against the sandbox
 * once the client's TaskRouter domain points at the host.
 */

interface TwilioTask {
  sid: string;
  attributes: string;
  assignmentStatus: string;
  taskQueueFriendlyName: string;
  dateUpdated: Date;
}
interface TwilioReservation {
  sid: string;
  workerSid: string;
  reservationStatus: string;
}
interface TasksApi {
  list(options?: { assignmentStatus?: string[] }): Promise<TwilioTask[]>;
  (sid: string): {
    fetch(): Promise<TwilioTask>;
    update(params: Record<string, string>): Promise<TwilioTask>;
    reservations: { list(options?: { workerSid?: string }): Promise<TwilioReservation[]> };
  };
}
type TwilioFactory = (
  accountSid: string,
  authToken: string,
) => {
  taskrouter: { baseUrl: string; v1: { workspaces(sid: string): { tasks: TasksApi } } };
};

let host: RunningHost;
let tasks: TasksApi;

beforeAll(async () => {
  host = await startHost({
    port: 0,
    functionsBaseUrl: 'http://localhost:0',
    pluginBundlePath: '/nonexistent.js',
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sandbox-tasks-twilio-')),
  });
  const twilioPath = require.resolve('twilio', { paths: [path.join(__dirname, '..', '..', 'serverless')] });
  const twilio = (await import(twilioPath)).default as TwilioFactory;
  const client = twilio('AC00000000000000000000000000000000', 'sandbox-auth-token');
  client.taskrouter.baseUrl = host.url;
  tasks = client.taskrouter.v1.workspaces(SANDBOX_WORKSPACE_SID).tasks;
});
afterAll(async () => {
  await host.close();
});

it('lists, fetches and updates tasks through the twilio library', async () => {
  const listed = await tasks.list();
  expect(listed.map((task) => task.sid)).toEqual(DEMO_TASKS.map((demo) => demo.taskSid));
  expect(listed[0]).toMatchObject({ assignmentStatus: 'reserved', taskQueueFriendlyName: 'Support' });
  expect(listed[0].dateUpdated).toBeInstanceOf(Date);

  const sid = DEMO_TASKS[0].taskSid;
  const attributes = { ...DEMO_TASKS[0].attributes, linkedProfile: 'use_1' };
  const updated = await tasks(sid).update({ attributes: JSON.stringify(attributes), assignmentStatus: 'assigned' });
  expect(JSON.parse(updated.attributes)).toEqual(attributes);
  expect((await tasks(sid).fetch()).assignmentStatus).toBe('assigned');
  expect((await tasks.list({ assignmentStatus: ['assigned'] })).map((task) => task.sid)).toEqual([sid]);
});

it('turns a 404 into the library’s RestException with TaskRouter’s code', async () => {
  await expect(tasks('WT99999999999999999999999999999999').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

it('lists a task’s reservation for the sandbox’s agent, following the task’s status', async () => {
  const sid = DEMO_TASKS[1].taskSid;
  await tasks(sid).update({ assignmentStatus: 'wrapping' });
  expect(await tasks(sid).reservations.list({ workerSid: SANDBOX_AGENT_WORKER_SID })).toEqual([
    expect.objectContaining({
      sid: DEMO_TASKS[1].reservationSid,
      workerSid: SANDBOX_AGENT_WORKER_SID,
      reservationStatus: 'wrapping',
    }),
  ]);
  expect(await tasks(sid).reservations.list({ workerSid: 'WK00000000000000000000000000000009' })).toEqual([]);
  await tasks(sid).update({ assignmentStatus: 'pending' });
  expect(await tasks(sid).reservations.list()).toEqual([]);
});
