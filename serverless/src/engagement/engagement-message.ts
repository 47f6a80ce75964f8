import type { MessageIdentity } from './customer-identity';
import { ENGAGEMENT_EVENT_NAMES, type EngagementRequest } from './engagement-request';
import type { CallersTask } from './task-access';

/** A Tracking API `track` message. */
export interface TrackMessage {
  type: 'track';
  event: string;
  messageId: string;
  userId?: string;
  anonymousId?: string;
  timestamp: string;
  sentAt: string;
  properties: Record<string, string | number>;
  context: Record<string, unknown>;
}

const SENTIMENTS = new Set(['positive', 'neutral', 'negative']);

type Attributes = Record<string, unknown>;

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The first non-empty text at one of `paths` (dotted) in the attributes. */
function read(attributes: Attributes, ...paths: string[]): string | undefined {
  for (const path of paths) {
    let node: unknown = attributes;
    for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Attributes)[key] : undefined;
    const text = textOf(node);
    if (text) return text;
  }
  return undefined;
}

/**
 * The same id for the same task and moment, however often it is sent (retries, reloads, two browser
 * tabs): Segment keeps the first and drops the rest for about 24 hours. Under Segment's 100 characters.
 */
export const engagementMessageId = (kind: EngagementRequest['event'], taskSid: string) =>
  `flex-engagement-${kind}-${taskSid}`;

/** The channel in Flex's words: the conversation's channel type (sms, whatsapp, web…), else the task channel. */
export function channelTypeOf(task: CallersTask): string {
  return (
    read(task.attributes, 'channelType', 'conversations.communication_channel') ??
    task.channel ??
    'unknown'
  ).toLowerCase();
}

/** What both events say of the interaction itself. */
function interactionProperties(task: CallersTask): Record<string, string> {
  const outbound = read(task.attributes, 'direction', 'conversations.direction')?.toLowerCase() === 'outbound';
  const properties: Record<string, string> = {
    channelType: channelTypeOf(task),
    direction: outbound ? 'Outbound' : 'Inbound',
    taskSid: task.sid,
  };
  const interactionSid = read(task.attributes, 'flexInteractionSid');
  const channelSid = read(task.attributes, 'flexInteractionChannelSid');
  if (interactionSid) properties.interactionSid = interactionSid;
  if (channelSid) properties.channelSid = channelSid;
  if (task.queue) properties.queue = task.queue;
  return properties;
}

/** `Flex - Engagement Initiated`: when the customer's conversation started, how long it lasted, who took it. */
function initiatedProperties(task: CallersTask, occurredAt: string): Record<string, string | number> {
  const started = task.createdAt.getTime();
  const properties: Record<string, string | number> = {
    ...interactionProperties(task),
    customerStartTime: task.createdAt.toISOString(),
    duration: Math.max(0, Math.round((Date.parse(occurredAt) - started) / 1000)),
  };
  const [first] = task.workers;
  const last = task.workers[task.workers.length - 1];
  if (first) properties.firstKnownAgentWorkerSid = first;
  if (last) properties.lastKnownAgentWorkerSid = last;
  return properties;
}

/** `Flex - Engagement Completed`: how it ended — disposition, topic, sentiment as the task carries them, and the note. */
function completedProperties(task: CallersTask, wrapupNote: string | undefined): Record<string, string> {
  const properties: Record<string, string> = interactionProperties(task);
  const disposition = read(task.attributes, 'dispositionCode', 'disposition_code', 'conversations.outcome');
  const topic = read(task.attributes, 'topic', 'conversations.topic');
  const sentiment = read(task.attributes, 'sentiment', 'conversations.sentiment')?.toLowerCase();
  if (disposition) properties.dispositionCode = disposition;
  if (topic) properties.topic = topic;
  if (sentiment && SENTIMENTS.has(sentiment)) properties.sentiment = sentiment;
  if (wrapupNote) properties.wrapupNote = wrapupNote;
  return properties;
}

/**
 * The track message for one engagement. `timestamp` is when it happened in the browser and `sentAt`
 * now, so Segment corrects the agent's clock skew (timestamp = receivedAt − (sentAt − timestamp)).
 */
export function engagementMessage(
  request: EngagementRequest,
  task: CallersTask,
  identity: MessageIdentity,
  sentAt: Date,
): TrackMessage {
  const context: Record<string, unknown> = { library: { name: 'plugin-unified-profiles' } };
  if (Object.keys(identity.traits).length > 0) context.traits = identity.traits;
  if (identity.externalIds.length > 0) context.externalIds = identity.externalIds;
  return {
    type: 'track',
    event: ENGAGEMENT_EVENT_NAMES[request.event],
    messageId: engagementMessageId(request.event, task.sid),
    ...(identity.userId ? { userId: identity.userId } : {}),
    ...(identity.anonymousId ? { anonymousId: identity.anonymousId } : {}),
    timestamp: new Date(request.occurredAt).toISOString(),
    sentAt: sentAt.toISOString(),
    properties:
      request.event === 'initiated'
        ? initiatedProperties(task, request.occurredAt)
        : completedProperties(task, request.wrapupNote),
    context,
  };
}
