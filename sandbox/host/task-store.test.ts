import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEMO_TASKS } from '../demo/tasks';
import { RunningHost, startHost } from './server';
import { TASKS_FILE } from './task-store';
import { RESET_PATH, SANDBOX_WORKSPACE_SID, TASKS_PATH, TaskResource } from './taskrouter-shape';

/** The sandbox's tasks over HTTP, as the host page and (later) the Functions' twilio client call them. */

const FIRST = DEMO_TASKS[0].taskSid;

let dataDir: string;
let host: RunningHost;

const start = () =>
  startHost({ port: 0, functionsBaseUrl: 'http://localhost:0', pluginBundlePath: '/nonexistent.js', dataDir });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-tasks-'));
  host = await start();
});
afterEach(async () => {
  await host.close();
});

const get = (pathname: string) => fetch(`${host.url}${pathname}`);
const post = (pathname: string, form: Record<string, string>) =>
  fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
const getTask = async (sid = FIRST) => (await (await get(`${TASKS_PATH}/${sid}`)).json()) as TaskResource;

describe('the sandbox TaskRouter: reading tasks', () => {
  it('lists the demo tasks on a first start, in TaskRouter’s shape, as one page', async () => {
    const response = await get(TASKS_PATH);
    expect(response.status).toBe(200);
    const { tasks, meta } = (await response.json()) as { tasks: TaskResource[]; meta: Record<string, unknown> };
    expect(tasks.map((task) => task.sid)).toEqual(DEMO_TASKS.map((demo) => demo.taskSid));
    expect(meta).toMatchObject({ key: 'tasks', page: 0, page_size: DEMO_TASKS.length, next_page_url: null });
    expect(tasks[0]).toEqual({
      sid: FIRST,
      account_sid: expect.stringMatching(/^AC[0-9a-f]{32}$/),
      workspace_sid: SANDBOX_WORKSPACE_SID,
      attributes: JSON.stringify(DEMO_TASKS[0].attributes),
      assignment_status: 'reserved',
      reason: null,
      task_queue_friendly_name: 'Support',
      task_channel_unique_name: 'voice',
      date_created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      date_updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      url: `${host.url}${TASKS_PATH}/${FIRST}`,
    });
  });

  it('filters the list by AssignmentStatus, comma-separated or repeated', async () => {
    await post(`${TASKS_PATH}/${FIRST}`, { AssignmentStatus: 'assigned' });
    const sids = async (query: string) =>
      ((await (await get(`${TASKS_PATH}?${query}`)).json()) as { tasks: TaskResource[] }).tasks.map((t) => t.sid);
    expect(await sids('AssignmentStatus=assigned')).toEqual([FIRST]);
    expect(await sids('AssignmentStatus=assigned,wrapping')).toEqual([FIRST]);
    expect(await sids('AssignmentStatus=reserved&AssignmentStatus=assigned')).toHaveLength(DEMO_TASKS.length);
    expect(await sids('AssignmentStatus=completed')).toEqual([]);
  });

  it('gets one task by sid', async () => {
    const task = await getTask(DEMO_TASKS[3].taskSid);
    expect(task.task_channel_unique_name).toBe('email');
    expect(JSON.parse(task.attributes)).toEqual(DEMO_TASKS[3].attributes);
  });

  it('answers 404 with TaskRouter’s error body for an unknown task or workspace', async () => {
    const unknownTask = await get(`${TASKS_PATH}/WT99999999999999999999999999999999`);
    expect(unknownTask.status).toBe(404);
    expect(await unknownTask.json()).toEqual({
      code: 20404,
      message: `The requested resource /Workspaces/${SANDBOX_WORKSPACE_SID}/Tasks/WT99999999999999999999999999999999 was not found`,
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    const update = await post(`${TASKS_PATH}/WT99999999999999999999999999999999`, { AssignmentStatus: 'assigned' });
    expect(update.status).toBe(404);
    const otherWorkspace = await get('/v1/Workspaces/WS11111111111111111111111111111111/Tasks');
    expect(otherWorkspace.status).toBe(404);
    expect((await otherWorkspace.json()).code).toBe(20404);
  });

  it('answers 405 for a method TaskRouter does not take there', async () => {
    const response = await fetch(`${host.url}${TASKS_PATH}/${FIRST}`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ code: 20004, status: 405 });
  });
});

describe('the sandbox TaskRouter: updating tasks', () => {
  it('replaces the attributes whole, as TaskRouter does, and keeps the status', async () => {
    const attributes = { from: '+14155550100', linkedProfile: { segmentId: 'use_1', by: 'agent' } };
    const response = await post(`${TASKS_PATH}/${FIRST}`, { Attributes: JSON.stringify(attributes) });
    expect(response.status).toBe(200);
    const answered = (await response.json()) as TaskResource;
    expect(JSON.parse(answered.attributes)).toEqual(attributes);
    expect(answered.assignment_status).toBe('reserved');
    expect(await getTask()).toEqual(answered);
  });

  it('moves a task through its statuses, with a Reason when given', async () => {
    for (const status of ['assigned', 'wrapping', 'completed']) {
      const answered = (await (
        await post(`${TASKS_PATH}/${FIRST}`, { AssignmentStatus: status })
      ).json()) as TaskResource;
      expect(answered.assignment_status).toBe(status);
    }
    const canceled = await post(`${TASKS_PATH}/${DEMO_TASKS[1].taskSid}`, {
      AssignmentStatus: 'canceled',
      Reason: 'Rejected in the sandbox',
    });
    expect(await canceled.json()).toMatchObject({ assignment_status: 'canceled', reason: 'Rejected in the sandbox' });
  });

  it.each([
    [{ Attributes: '{"from": ' }, /^Attributes must be valid JSON/],
    [{ Attributes: '["a list"]' }, /^Attributes must be a JSON object$/],
    [{ Attributes: 'null' }, /^Attributes must be a JSON object$/],
    [{ AssignmentStatus: 'accepted' }, /^AssignmentStatus must be one of pending, reserved, assigned/],
  ])('answers 400 for %j and changes nothing', async (form, message) => {
    const before = await getTask();
    const response = await post(`${TASKS_PATH}/${FIRST}`, form);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ code: 20001, status: 400, more_info: 'https://www.twilio.com/docs/errors/20001' });
    expect(body.message).toMatch(message);
    expect(await getTask()).toEqual(before);
  });

  it('answers 400 for a body that is not form-encoded', async () => {
    const response = await fetch(`${host.url}${TASKS_PATH}/${FIRST}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ AssignmentStatus: 'assigned' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/form-encoded/);
  });
});

describe('the sandbox TaskRouter: persistence and reset', () => {
  it('keeps changes across a restart on the same data folder, written whole (no temporary file left)', async () => {
    await post(`${TASKS_PATH}/${FIRST}`, { AssignmentStatus: 'assigned', Attributes: '{"linked":"use_1"}' });
    await host.close();
    host = await start();
    expect(await getTask()).toMatchObject({ assignment_status: 'assigned', attributes: '{"linked":"use_1"}' });
    expect(await readdir(dataDir)).toEqual([TASKS_FILE]);
    expect(JSON.parse(await readFile(path.join(dataDir, TASKS_FILE), 'utf8')).tasks).toHaveLength(DEMO_TASKS.length);
  });

  it('puts the demo tasks back on POST /sandbox/reset, and keeps them reset after a restart', async () => {
    await post(`${TASKS_PATH}/${FIRST}`, { AssignmentStatus: 'completed', Attributes: '{}' });
    const reset = await fetch(`${host.url}${RESET_PATH}`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(await getTask()).toMatchObject({
      assignment_status: 'reserved',
      attributes: JSON.stringify(DEMO_TASKS[0].attributes),
    });
    await host.close();
    host = await start();
    expect((await getTask()).assignment_status).toBe('reserved');
    expect((await fetch(`${host.url}${RESET_PATH}`)).status).toBe(405);
  });

  it('seeds the demo tasks again when the file is gone, and refuses to start over a damaged file', async () => {
    await host.close();
    await writeFile(path.join(dataDir, TASKS_FILE), '{"tasks": [');
    await expect(start()).rejects.toThrow(/is not a sandbox tasks file.*delete it/);
    expect(await readFile(path.join(dataDir, TASKS_FILE), 'utf8')).toBe('{"tasks": [');

    await rm(path.join(dataDir, TASKS_FILE));
    host = await start();
    expect((await getTask()).assignment_status).toBe('reserved');
  });

  it('runs concurrent updates one after another, each answered with its own result', async () => {
    const statuses = ['assigned', 'wrapping', 'completed'];
    const answers = await Promise.all(
      statuses.map((status, index) =>
        post(`${TASKS_PATH}/${DEMO_TASKS[index].taskSid}`, { AssignmentStatus: status }).then((r) => r.json()),
      ),
    );
    expect(answers.map((task) => task.assignment_status)).toEqual(statuses);
    await host.close();
    host = await start();
    for (const [index, status] of statuses.entries()) {
      expect((await getTask(DEMO_TASKS[index].taskSid)).assignment_status).toBe(status);
    }
  });
});
