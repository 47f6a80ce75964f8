import type { ITask } from '@twilio/flex-ui';

import type * as ProfileContract from '../../serverless/src/profile/types';
import type { CustomerProfile, TaskProfileLink } from '../../serverless/src/profile/types';

// The bundle may import only types from the Functions' contract; the annotation keeps the two names equal.
const TASK_PROFILE_ATTRIBUTE: typeof ProfileContract.TASK_PROFILE_ATTRIBUTE = 'unified_profiles';

type Attributes = Record<string, unknown>;

const isObject = (value: unknown): value is Attributes =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The profile linked to the task, as its attributes carry it (a transfer carries them too). */
export function readTaskLink(attributes: Attributes | undefined): TaskProfileLink | undefined {
  const holder = attributes?.[TASK_PROFILE_ATTRIBUTE];
  const link = isObject(holder) ? holder.link : undefined;
  return isObject(link) && typeof link.identifier === 'string' ? (link as unknown as TaskProfileLink) : undefined;
}

/** Whether the task's link points at this profile: by Segment id when both have one, else by identifier. */
export function isLinkedTo(link: TaskProfileLink | undefined, profile: CustomerProfile): boolean {
  if (!link) return false;
  // The Functions answered through this task's link (they normalise what a Studio flow wrote).
  if (profile.link) return true;
  if (link.segment_id && profile.segmentId) return link.segment_id === profile.segmentId;
  return link.identifier === `${profile.matchedIdentifier.type}:${profile.matchedIdentifier.value}`;
}

/** Only a task the agent holds can have its customer changed: Flex's native panel has the same rule. */
export const canLinkTask = (task: Pick<ITask, 'taskStatus'>) =>
  task.taskStatus === 'assigned' || task.taskStatus === 'wrapping';

/** The task's attributes with this profile linked; every other attribute kept as it was. */
export function attributesWithLink(attributes: Attributes, profile: CustomerProfile, now: Date): Attributes {
  const link: TaskProfileLink = {
    ...(profile.segmentId ? { segment_id: profile.segmentId } : {}),
    identifier: `${profile.matchedIdentifier.type}:${profile.matchedIdentifier.value}`,
    linked_at: now.toISOString(),
    linked_by: 'agent',
  };
  const holder = isObject(attributes[TASK_PROFILE_ATTRIBUTE]) ? (attributes[TASK_PROFILE_ATTRIBUTE] as Attributes) : {};
  return { ...attributes, [TASK_PROFILE_ATTRIBUTE]: { ...holder, link } };
}

/** The task's attributes without a linked profile; the profile in Segment is never touched. */
export function attributesWithoutLink(attributes: Attributes): Attributes {
  const holder = attributes[TASK_PROFILE_ATTRIBUTE];
  if (!isObject(holder)) return attributes;
  const rest = { ...holder };
  delete rest.link;
  const next = { ...attributes };
  if (Object.keys(rest).length > 0) next[TASK_PROFILE_ATTRIBUTE] = rest;
  else delete next[TASK_PROFILE_ATTRIBUTE];
  return next;
}
