import { createHash } from 'node:crypto';

import type { MessageIdentity } from '../engagement/customer-identity';
import type { TrackingMessage } from '../engagement/tracking-client';

/** A Tracking API `identify` message. */
export interface IdentifyMessage extends TrackingMessage {
  type: 'identify';
  userId?: string;
  anonymousId?: string;
  traits: Record<string, string | number | boolean>;
  timestamp: string;
  sentAt: string;
  context: Record<string, unknown>;
}

/** Where in a flow the write was made. */
export interface FlowStep {
  flowSid?: string;
  executionSid: string;
  step: string;
}

/**
 * The same for the same execution, step, profile and values, however often Studio retries the
 * widget: Segment keeps the first and drops the rest for about a day. A loop through the same
 * widget with other values is another write. Under Segment's 100 characters (≤ 99).
 */
export function studioMessageId(flow: FlowStep, identifier: string, traits: Record<string, unknown>): string {
  const sorted = Object.keys(traits)
    .sort()
    .map((name) => [name, traits[name]]);
  const digest = createHash('sha256')
    .update(JSON.stringify([identifier, sorted]))
    .digest('hex');
  return `studio-${flow.executionSid}-${flow.step}-${digest.slice(0, 16)}`;
}

export function identifyMessage(
  identity: MessageIdentity,
  traits: IdentifyMessage['traits'],
  flow: FlowStep,
  identifier: string,
  now: Date,
): IdentifyMessage {
  const context: Record<string, unknown> = {
    library: { name: 'plugin-unified-profiles' },
    studio: { ...(flow.flowSid ? { flowSid: flow.flowSid } : {}), executionSid: flow.executionSid, step: flow.step },
  };
  if (Object.keys(identity.traits).length > 0) context.traits = identity.traits;
  if (identity.externalIds.length > 0) context.externalIds = identity.externalIds;
  return {
    type: 'identify',
    messageId: studioMessageId(flow, identifier, traits),
    ...(identity.userId ? { userId: identity.userId } : {}),
    ...(identity.anonymousId ? { anonymousId: identity.anonymousId } : {}),
    traits,
    timestamp: now.toISOString(),
    sentAt: now.toISOString(),
    context,
  };
}
