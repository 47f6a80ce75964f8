import { createHash } from 'node:crypto';

import { ApiError } from '../http/api-error';
import { resolveIdentifiers } from '../profile/identity';
import type { SegmentSettings } from '../profile/settings';
import type { CustomerProfile } from '../profile/types';

/** Who a Tracking API message is about, in the fields Segment's identity resolution reads. */
export interface MessageIdentity {
  userId?: string;
  anonymousId?: string;
  /** `context.traits`: email and phone join the message to the profile that holds them. */
  traits: Record<string, string>;
  /** `context.externalIds`: the other identifier types. */
  externalIds: Array<{ id: string; type: string; collection: 'users'; encoding: 'none' }>;
}

/** The profile /profile would show for these attributes (linked, or resolved); null when none or unknown. */
export type FindCustomer = (attributes: Record<string, unknown>) => Promise<CustomerProfile | null>;

const TRAIT_TYPES = new Set(['email', 'phone']);

/**
 * A stable anonymous id for a customer known only by an identifier: the same customer gets the same
 * one on every engagement (one anonymous_id on the profile, not one per call), and it holds no PII.
 */
function anonymousIdFor(type: string, value: string): string {
  return `flex-${createHash('sha256').update(`${type}:${value}`).digest('hex').slice(0, 40)}`;
}

function identityFrom(identifiers: Array<{ type: string; value: string }>): MessageIdentity | null {
  const identity: MessageIdentity = { traits: {}, externalIds: [] };
  for (const { type, value } of identifiers) {
    if (type === 'user_id') identity.userId ??= value;
    else if (type === 'anonymous_id') identity.anonymousId ??= value;
    else if (TRAIT_TYPES.has(type)) identity.traits[type] ??= value;
    else if (!identity.externalIds.some((known) => known.type === type)) {
      identity.externalIds.push({ id: value, type, collection: 'users', encoding: 'none' });
    }
  }
  const [first] = identifiers;
  if (!first) return null;
  if (!identity.userId && !identity.anonymousId) identity.anonymousId = anonymousIdFor(first.type, first.value);
  return identity;
}

/**
 * The customer of the task, as Segment should join the engagement to them: the profile /profile
 * finds (linked to the task, or resolved from it) by its user_id, else by the identifier it was
 * matched by; when Segment cannot say, the task's own identifiers (phone, email…) as traits, so
 * identity resolution joins the event to whoever holds them.
 */
export async function customerIdentity(
  attributes: Record<string, unknown>,
  settings: SegmentSettings,
  findCustomer: FindCustomer,
): Promise<MessageIdentity> {
  const profile = await findCustomer(attributes).catch(() => null);
  if (profile) {
    const userId = profile.identifiers.find((identifier) => identifier.type === 'user_id');
    const identity = identityFrom([...(userId ? [userId] : []), profile.matchedIdentifier]);
    if (identity) return identity;
  }
  let candidates: Array<{ type: string; value: string }> = [];
  try {
    candidates = resolveIdentifiers(attributes, settings);
  } catch {
    // Only malformed identifiers: the same as none.
  }
  const identity = identityFrom(candidates);
  if (!identity) {
    throw new ApiError(
      422,
      'no_customer',
      'The task names no customer (no phone, email or user id in its attributes, and no linked profile): the engagement cannot be attributed to anyone.',
    );
  }
  return identity;
}
