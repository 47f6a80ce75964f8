import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { DEMO_CUSTOMERS } from '../../sandbox/demo/customers';
import { DEMO_TASKS } from '../../sandbox/demo/tasks';
import { startFunctions, type RunningFunctions } from '../../sandbox/functions/start-functions';
import { startHost, type RunningHost } from '../../sandbox/host/server';
import { sandboxTaskRouterEnv } from '../../sandbox/host/taskrouter-env';
import { TASKS_PATH } from '../../sandbox/host/taskrouter-shape';
import { startSegmentSimulator, type RunningSimulator } from '../../sandbox/segment-sim/server';
import { sandboxConfigStoreEnv } from '../../sandbox/sync/sandbox-store-env';
import { startSyncStandIn, type RunningSyncStandIn } from '../../sandbox/sync/server';
import { postForm, postJson, type Answer } from './support/http';
import { captureFunctionLogs } from './support/stack';

/**
 * /engagement over HTTP: the real Functions (sandbox build, under twilio-run) reading tasks from the
 * sandbox host's TaskRouter through the `twilio` library, and sending to the Segment simulator's
 * Tracking API; what Segment made of each event is read back through its Profile API.
 */
jest.setTimeout(60_000);

const SPACE = 'spa_sandbox';
const TOKEN = 'sandbox-profile-token';
const WRITE_KEY = 'sandbox-write-key';
const [inboundCall, whatsapp, webChat, email, unknownCaller, outboundCall] = DEMO_TASKS;
const customer = (key: string) => DEMO_CUSTOMERS.find((demo) => demo.key === key)!;

const logs = captureFunctionLogs();
let simulator: RunningSimulator;
let host: RunningHost;
let functions: RunningFunctions;
const extra: RunningFunctions[] = [];

async function startFunctionsWith(env: Record<string, string | undefined> = {}) {
  return startFunctions({
    port: 0,
    variant: 'sandbox',
    env: {
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
      SEGMENT_PROFILE_API_URL: simulator.url,
      SEGMENT_TRACKING_API_URL: simulator.url,
      SEGMENT_SPACE_ID: SPACE,
      SEGMENT_PROFILE_API_TOKEN: TOKEN,
      SEGMENT_WRITE_KEY: WRITE_KEY,
      ...sandboxTaskRouterEnv(host.url),
      ...env,
    },
  });
}

beforeAll(async () => {
  simulator = await startSegmentSimulator({ port: 0 });
  host = await startHost({
    port: 0,
    functionsBaseUrl: 'http://localhost:0',
    pluginBundlePath: '/nonexistent.js',
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'engagement-tasks-')),
  });
  functions = await startFunctionsWith();
});
afterAll(async () => {
  await Promise.all([functions, ...extra].map((running) => running.close()));
  await host.close();
  await simulator.close();
});

/** Moves a demo task through TaskRouter as Flex does (and may change its attributes). */
async function setTask(taskSid: string, status: string, attributes?: Record<string, unknown>) {
  const form = new URLSearchParams({ AssignmentStatus: status });
  if (attributes) form.set('Attributes', JSON.stringify(attributes));
  const response = await fetch(`${host.url}${TASKS_PATH}/${taskSid}`, { method: 'POST', body: form });
  expect(response.status).toBe(200);
}

/** A new task, offered to the sandbox's agent, as a workflow would: its sid. */
async function newTask(taskChannel: string, attributes: Record<string, unknown>): Promise<string> {
  const form = new URLSearchParams({ TaskChannel: taskChannel, Attributes: JSON.stringify(attributes) });
  const response = await fetch(`${host.url}${TASKS_PATH}`, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { sid: string }).sid;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function record(body: Record<string, unknown>, target: RunningFunctions = functions): Promise<Answer> {
  return postJson(`${target.url}/engagement`, { Token: 'sandbox-agent', occurredAt: minutesAgo(0), ...body });
}

/** The profile's Flex events and traits, as the Profile API answers them. */
async function profileOf(profileId: string) {
  const [type, ...value] = profileId.split(':');
  const base = `${simulator.url}/v1/spaces/${SPACE}/collections/users/profiles/${type}:${encodeURIComponent(value.join(':'))}`;
  const headers = { Authorization: `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}` };
  const traits = (await (await fetch(`${base}/traits?limit=200`, { headers })).json()) as {
    traits: Record<string, unknown>;
  };
  const events = (await (
    await fetch(`${base}/events?limit=100&include=Flex - Engagement Initiated,Flex - Engagement Completed`, {
      headers,
    })
  ).json()) as { data: Array<{ event: string; message_id: string; properties: Record<string, unknown> }> };
  return { traits: traits.traits, events: events.data };
}

async function debuggerEntries(messageId: string) {
  const view = (await (await fetch(`${simulator.url}/__sim/debugger`)).json()) as {
    messages: Array<{ messageId: string; outcome: string }>;
  };
  return view.messages.filter((entry) => entry.messageId === messageId).map((entry) => entry.outcome);
}

describe('an inbound call, from the end of the conversation to the end of wrap-up', () => {
  const ana = `user_id:${customer('ana').userId}`;

  /** Total inbounds as the Customer tab would show it: /profile for the task, as the panel asks. */
  const panelInbounds = async () => {
    const answer = await postJson(`${functions.url}/profile`, {
      Token: 'sandbox-agent',
      taskAttributes: inboundCall.attributes,
    });
    expect(answer.status).toBe(200);
    return answer.body.profile.traits.computed.total_inbounds as number;
  };

  it('records Initiated once, with the interaction’s facts, and Total inbounds counts it once', async () => {
    const before = await profileOf(ana);
    const panelBefore = await panelInbounds(); // and the Functions now hold Ana in their cache
    await setTask(inboundCall.taskSid, 'wrapping');
    const occurredAt = minutesAgo(1);
    const answer = await record({ taskSid: inboundCall.taskSid, event: 'initiated', occurredAt });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sent: true,
      event: 'Flex - Engagement Initiated',
      messageId: `flex-engagement-initiated-${inboundCall.taskSid}`,
    });

    // A retry, a reload, a second tab: the same messageId, and Segment keeps the first.
    expect((await record({ taskSid: inboundCall.taskSid, event: 'initiated', occurredAt })).status).toBe(200);
    expect(await debuggerEntries(answer.body.messageId)).toEqual(['accepted', 'duplicate']);

    const after = await profileOf(ana);
    const initiated = after.events.filter((event) => event.message_id === answer.body.messageId);
    expect(initiated).toHaveLength(1);
    expect(initiated[0].properties).toEqual(
      expect.objectContaining({
        channelType: 'voice',
        direction: 'Inbound',
        queue: 'Support',
        taskSid: inboundCall.taskSid,
        firstKnownAgentWorkerSid: 'WK00000000000000000000000000000001',
        lastKnownAgentWorkerSid: 'WK00000000000000000000000000000001',
      }),
    );
    expect(typeof initiated[0].properties.customerStartTime).toBe('string');
    expect(initiated[0].properties.duration).toEqual(expect.any(Number));
    expect(after.traits.total_inbounds).toBe(Number(before.traits.total_inbounds ?? 0) + 1);
    // The panel's next lookup asks Segment again rather than the cache: the next agent sees the call.
    expect(await panelInbounds()).toBe(panelBefore + 1);
  });

  it('records Completed with the wrap-up note and what the task says of the outcome', async () => {
    await setTask(inboundCall.taskSid, 'completed', {
      ...inboundCall.attributes,
      conversations: { outcome: 'Resolved', topic: 'Billing', sentiment: 'Positive' },
    });
    const answer = await record({
      taskSid: inboundCall.taskSid,
      event: 'completed',
      wrapupNote: '  Refund approved; call back Friday.  ',
    });
    expect(answer.status).toBe(200);
    const completed = (await profileOf(ana)).events.find((event) => event.message_id === answer.body.messageId);
    expect(completed?.event).toBe('Flex - Engagement Completed');
    expect(completed?.properties).toEqual(
      expect.objectContaining({
        dispositionCode: 'Resolved',
        topic: 'Billing',
        sentiment: 'positive',
        wrapupNote: 'Refund approved; call back Friday.',
        channelType: 'voice',
        direction: 'Inbound',
      }),
    );
  });
});

describe('each channel and direction', () => {
  it.each([
    [whatsapp, 'whatsapp', 'Inbound', 'phone:+447700900123'],
    [webChat, 'web', 'Inbound', 'email:priya.patel@example.com'],
    [email, 'email', 'Inbound', 'email:marcus.johnson@example.org'],
    [outboundCall, 'voice', 'Outbound', `user_id:${customer('sofia').userId}`],
    [unknownCaller, 'voice', 'Inbound', `phone:${unknownCaller.attributes.from as string}`],
  ])('%#: is recorded as %s %s on its customer', async (task, channelType, direction, profileId) => {
    await setTask(task.taskSid, 'wrapping');
    const answer = await record({ taskSid: task.taskSid, event: 'initiated' });
    expect(answer.status).toBe(200);
    const event = (await profileOf(profileId)).events.find((item) => item.message_id === answer.body.messageId);
    expect(event?.properties).toEqual(expect.objectContaining({ channelType, direction, taskSid: task.taskSid }));
  });

  it('counts new inbound SMS in Total inbounds and, from the second, as the Frequent inbound channel', async () => {
    const phone = '+14155550177';
    const smsFrom = { direction: 'inbound', channelType: 'sms', from: phone };
    const sendSms = async () => {
      const taskSid = await newTask('chat', smsFrom);
      await setTask(taskSid, 'assigned');
      await setTask(taskSid, 'wrapping');
      expect((await record({ taskSid, event: 'initiated' })).status).toBe(200);
      return (await profileOf(`phone:${phone}`)).traits;
    };
    expect(await sendSms()).toEqual(expect.objectContaining({ total_inbounds: 1 }));
    expect(await sendSms()).toEqual(expect.objectContaining({ total_inbounds: 2, frequent_inbound_channel: 'sms' }));
  });
});

describe('refusals', () => {
  const task = DEMO_TASKS[3];
  beforeAll(async () => {
    await setTask(task.taskSid, 'wrapping', task.attributes);
  });

  it('asks for the Flex token', async () => {
    const answer = await postJson(`${functions.url}/engagement`, { taskSid: task.taskSid, event: 'initiated' });
    expect(answer.status).toBe(401);
  });

  it.each([
    ['someone else’s task', { Token: 'sandbox-supervisor' }],
    ['a task that does not exist', { taskSid: 'WT0123456789abcdef0123456789abcdef' }],
  ])('refuses %s alike: only the agent who handled a task records it', async (_, change) => {
    const answer = await record({ taskSid: task.taskSid, event: 'initiated', ...change });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('not_your_task');
  });

  it('refuses a task only offered to the agent (not accepted)', async () => {
    const offered = await newTask('voice', { direction: 'inbound', from: '+14155550188' });
    const answer = await record({ taskSid: offered, event: 'initiated' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('not_your_task');
  });

  it.each([
    ['taskSid', { taskSid: 'WT123' }, /taskSid must be a TaskRouter task sid/],
    ['taskSid', { taskSid: undefined }, /taskSid is required/],
    ['event', { event: 'started' }, /event must be initiated .* or completed/],
    ['occurredAt', { occurredAt: 'yesterday' }, /occurredAt must be an ISO 8601 time/],
    ['occurredAt', { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, /in the future/],
    ['occurredAt', { occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString() }, /more than 30 days ago/],
    ['wrapupNote', { event: 'completed', wrapupNote: 'x'.repeat(501) }, /longer than 500 characters/],
    ['wrapupNote', { event: 'completed', wrapupNote: 'a\u0007b' }, /control characters/],
    ['wrapupNote', { wrapupNote: 'Written too early' }, /goes with the completed event/],
    ['userId', { userId: 'usr_someone_else' }, /Unknown field/],
  ])('answers a bad %s with 400 and what to send (%#)', async (_, change, message) => {
    const answer = await record({ taskSid: task.taskSid, event: 'initiated', ...change });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.message).toMatch(message);
  });

  it('takes a form-encoded post, as every Function does', async () => {
    const answer = await postForm(`${functions.url}/engagement`, {
      Token: 'sandbox-agent',
      taskSid: task.taskSid,
      event: 'completed',
      occurredAt: new Date().toISOString(),
      wrapupNote: 'Sent as a form',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.sent).toBe(true);
  });

  it.each([
    ['no write key', { SEGMENT_WRITE_KEY: '' }, 409, 'write_key_missing'],
    ['no space connected', { SEGMENT_SPACE_ID: '' }, 409, 'not_connected'],
    ['no TaskRouter workspace', { TWILIO_FLEX_WORKSPACE_SID: '' }, 503, 'not_configured'],
  ])('sends nothing with %s', async (_, env, status, code) => {
    const configured = await startFunctionsWith(env);
    extra.push(configured);
    const answer = await record({ taskSid: task.taskSid, event: 'initiated' }, configured);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('sends nothing for a channel an admin excluded, and says so', async () => {
    const excluding = await startFunctionsWith({ UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS: 'sms, Email' });
    extra.push(excluding);
    const answer = await record({ taskSid: task.taskSid, event: 'completed' }, excluding);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({ sent: false, skipped: 'channel_excluded' }));
  });

  it('answers 503 segment_unavailable within seconds when the Tracking API is down, so the browser keeps the event', async () => {
    const down = await startFunctionsWith({ SEGMENT_TRACKING_API_URL: await closedPortUrl() });
    extra.push(down);
    const started = Date.now();
    const answer = await record({ taskSid: task.taskSid, event: 'initiated' }, down);
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('segment_unavailable');
    expect(Date.now() - started).toBeLessThan(9_000);
  });

  it('logs no identifier, note or secret', () => {
    const text = logs.join('\n');
    expect(text).toContain('engagement');
    for (const secret of [WRITE_KEY, TOKEN, '+14155550100', 'marcus.johnson', 'Refund approved', 'Sent as a form']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('channels an admin excluded in the Unify tab', () => {
  const emailTask = DEMO_TASKS[3];
  let sync: RunningSyncStandIn;
  let saving: RunningFunctions;
  let revision: string | null = null;

  /** An admin's save in the Unify tab (/unify-config), kept in the Sync stand-in. */
  async function saveExcluded(engagementExcludedChannels: string[] | null) {
    const answer = await postJson(`${saving.url}/unify-config`, {
      Token: 'sandbox-admin',
      revision,
      engagementExcludedChannels,
    });
    expect(answer.status).toBe(200);
    revision = answer.body.revision;
    return answer.body;
  }

  beforeAll(async () => {
    sync = await startSyncStandIn({ port: 0, dataDir: await mkdtemp(path.join(os.tmpdir(), 'engagement-sync-')) });
    // The environment keeps voice out; what an admin saves replaces that list.
    saving = await startFunctionsWith({
      ...sandboxConfigStoreEnv(sync.url),
      UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS: 'voice',
    });
    extra.push(saving);
    await setTask(emailTask.taskSid, 'wrapping', emailTask.attributes);
  });
  afterAll(() => sync?.close());

  it('sends nothing for a channel saved as excluded, from the next event on, and says so', async () => {
    const before = await record({ taskSid: emailTask.taskSid, event: 'initiated' }, saving);
    expect(before.status).toBe(200);
    expect(before.body.sent).toBe(true);

    const completedId = `flex-engagement-completed-${emailTask.taskSid}`;
    const reachedSegment = await debuggerEntries(completedId); // the form post above sent it once
    const saved = await saveExcluded(['email', 'sms']);
    expect(saved.connection.engagementExcludedChannels).toEqual(['email', 'sms']);
    expect(saved.audit[0].fields).toEqual(['engagementExcludedChannels']);
    const answer = await record({ taskSid: emailTask.taskSid, event: 'completed' }, saving);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sent: false,
      skipped: 'channel_excluded',
      event: 'Flex - Engagement Completed',
      messageId: completedId,
    });
    expect(await debuggerEntries(completedId)).toEqual(reachedSegment);
  });

  it('replaces the environment’s list while saved, and goes back to it when cleared', async () => {
    // Saved email,sms: voice, which the environment excludes, is sent.
    const voice = await record({ taskSid: inboundCall.taskSid, event: 'completed' }, saving);
    expect(voice.status).toBe(200);
    expect(voice.body.sent).toBe(true);

    const cleared = await saveExcluded(null);
    expect(cleared.connection.engagementExcludedChannels).toEqual(['voice']);
    const voiceAgain = await record({ taskSid: inboundCall.taskSid, event: 'completed' }, saving);
    expect(voiceAgain.body).toEqual(expect.objectContaining({ sent: false, skipped: 'channel_excluded' }));
    const emailAgain = await record({ taskSid: emailTask.taskSid, event: 'completed' }, saving);
    expect(emailAgain.body.sent).toBe(true);
  });
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
