import { randomBytes } from 'node:crypto';

import { invalidRequest, SimResponse } from './errors';
import type { ExternalId, Profile, SegmentEvent } from './model';
import { SOURCES } from './model';
import type { ProfileStore } from './profile-store';
import { flexComputedTraits, isInboundEngagement } from './seed';

/** Segment's default identity priority (user_id, email, then the rest), with the custom `phone` after email. */
const PRIORITY = ['user_id', 'email', 'phone', 'anonymous_id'];
/** Segment's default per-profile limits: one user_id, five of each other identifier. */
const LIMIT_PER_TYPE: Record<string, number> = { user_id: 1 };
const DEFAULT_LIMIT = 5;
/** Segment's suggested blocked values: placeholders that would otherwise merge strangers into one profile. */
const BLOCKED_VALUES = [/^[0-]*$/, /^-1$/, /^null$/, /^anonymous$/];
/** The HTTP Tracking API's documented size limits. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

type Message = Record<string, unknown>;
/** The HTTP Tracking API's paths under /v1/. */
export type TrackingCall = 'track' | 'identify' | 'page' | 'screen' | 'group' | 'batch';

/** What the Event Debugger would show: each message and whether it reached a profile. */
export interface DebuggerEntry {
  type: string;
  messageId: string;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
}

export class TrackingApi {
  private readonly seenMessageIds = new Set<string>();
  readonly debugger: DebuggerEntry[] = [];

  constructor(private readonly store: ProfileStore) {}

  /**
   * POST /v1/track, /identify, /page, /screen, /group, /batch. As Segment documents, the answer is 200 for every
   * message except JSON and size errors (400); why a message was dropped shows in the debugger.
   */
  receive(kind: TrackingCall, body: Message, bodyBytes: number): SimResponse {
    if (kind === 'batch') {
      if (bodyBytes > MAX_BATCH_BYTES) throw invalidRequest('Batch exceeds 500 KB.');
      if (!Array.isArray(body.batch)) throw invalidRequest('batch must be an array of messages.');
      for (const message of body.batch as Message[]) this.handle(String(message?.type ?? ''), message ?? {});
    } else {
      if (bodyBytes > MAX_MESSAGE_BYTES) throw invalidRequest('Message exceeds 32 KB.');
      this.handle(kind, body);
    }
    return { status: 200, body: { success: true } };
  }

  private handle(type: string, message: Message): void {
    const messageId =
      typeof message.messageId === 'string' && message.messageId
        ? message.messageId
        : `ajs-${randomBytes(12).toString('hex')}`;
    const log = (outcome: DebuggerEntry['outcome'], reason?: string) => {
      this.debugger.push({ type, messageId, outcome, reason });
      if (this.debugger.length > 1000) this.debugger.shift();
    };
    if (this.seenMessageIds.has(messageId)) return log('duplicate');
    const reason = rejectionOf(type, message);
    if (reason) return log('rejected', reason);
    this.seenMessageIds.add(messageId);

    const profile = this.resolve(identifiersOf(message), messageId);
    const timestamp = parseTimestamp(message.timestamp);
    if (type === 'identify') {
      for (const [key, value] of Object.entries((message.traits as Message) ?? {})) {
        profile.traits[key] = { value, class: 'custom', source_id: SOURCES.flex, updated_at: timestamp };
      }
    }
    if (type === 'group') this.joinAccount(profile, message, messageId, timestamp);
    const event: SegmentEvent = {
      type: type as SegmentEvent['type'],
      ...(type === 'track' ? { event: String(message.event) } : {}),
      timestamp,
      message_id: messageId,
      source_id: SOURCES.flex,
      properties: (message.properties as Record<string, unknown>) ?? {},
      context: (message.context as Record<string, unknown>) ?? {},
      external_ids: profile.externalIds.map(({ collection, type: idType, id }) => ({
        collection,
        type: idType,
        id,
        encoding: 'none',
      })),
      related: {},
    };
    profile.events = [event, ...profile.events].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    if (isInboundEngagement(event)) {
      const channel = String(event.properties.channelType ?? '');
      if (channel) profile.inboundChannels[channel] = (profile.inboundChannels[channel] ?? 0) + 1;
      Object.assign(profile.traits, flexComputedTraits(profile.inboundChannels, timestamp));
    }
    profile.updatedAt = new Date().toISOString();
    log('accepted');
  }

  /** A group call puts its traits on the account (`group_id`) and links the user and the account both ways. */
  private joinAccount(user: Profile, message: Message, messageId: string, timestamp: string): void {
    const groupId = String(message.groupId);
    let account = this.store.find('accounts', 'group_id', groupId);
    if (!account) {
      account = newProfile('accounts');
      this.store.put(account);
      this.store.addIdentifier(account, {
        id: groupId,
        type: 'group_id',
        source_id: SOURCES.flex,
        collection: 'accounts',
        created_at: timestamp,
        encoding: 'none',
        first_message_id: messageId,
      });
    } else {
      this.store.put(account); // a generated account written to is held from now on
    }
    for (const [key, value] of Object.entries((message.traits as Message) ?? {})) {
      account.traits[key] = { value, class: 'custom', source_id: SOURCES.flex, updated_at: timestamp };
    }
    if (!user.links.includes(account.segmentId)) user.links.push(account.segmentId);
    if (!account.links.includes(user.segmentId)) account.links.push(user.segmentId);
    account.updatedAt = new Date().toISOString();
  }

  /** Identity resolution: find the profiles these identifiers name, merge what the limits allow, add the new ids. */
  private resolve(identifiers: Array<{ type: string; id: string }>, messageId: string): Profile {
    const matched = new Map<string, Profile>();
    for (const { type, id } of identifiers) {
      const profile = this.store.find('users', type, id);
      if (profile && !matched.has(profile.segmentId)) matched.set(profile.segmentId, profile);
    }
    const now = new Date().toISOString();
    const target = [...matched.values()][0] ?? newProfile('users');
    this.store.put(target);
    for (const other of [...matched.values()].slice(1)) {
      if (!canMerge(target, other)) continue;
      this.store.remove(other.segmentId);
      for (const id of other.externalIds) if (!hasId(target, id.type, id.id)) this.store.addIdentifier(target, id);
      target.traits = { ...other.traits, ...target.traits };
      target.events = [...target.events, ...other.events].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
      target.links = [...new Set([...target.links, ...other.links])];
      for (const [channel, count] of Object.entries(other.inboundChannels)) {
        target.inboundChannels[channel] = (target.inboundChannels[channel] ?? 0) + count;
      }
    }
    for (const { type, id } of identifiers) {
      if (hasId(target, type, id) || countOf(target, type) >= limitOf(type)) continue;
      const externalId: ExternalId = {
        id,
        type,
        source_id: SOURCES.flex,
        collection: 'users',
        created_at: now,
        encoding: 'none',
        first_message_id: messageId,
      };
      this.store.addIdentifier(target, externalId);
    }
    return target;
  }
}

function newProfile(collection: Profile['collection']): Profile {
  const now = new Date().toISOString();
  return {
    // Segment ids are use_ followed by 27 characters.
    segmentId: `use_${randomBytes(21).toString('base64url').replace(/[-_]/g, '0').slice(0, 27)}`,
    collection,
    externalIds: [],
    traits: {},
    events: [],
    links: [],
    inboundChannels: {},
    createdAt: now,
    updatedAt: now,
  };
}

const limitOf = (type: string) => LIMIT_PER_TYPE[type] ?? DEFAULT_LIMIT;
const countOf = (profile: Profile, type: string) => profile.externalIds.filter((id) => id.type === type).length;
const hasId = (profile: Profile, type: string, id: string) =>
  profile.externalIds.some((known) => known.type === type && known.id === id);

/** Two profiles merge only if the result keeps every identifier within its limit. */
function canMerge(target: Profile, other: Profile): boolean {
  const types = new Set([...target.externalIds, ...other.externalIds].map((id) => id.type));
  return [...types].every((type) => {
    const ids = new Set(
      [...target.externalIds, ...other.externalIds].filter((id) => id.type === type).map((id) => id.id),
    );
    return ids.size <= limitOf(type);
  });
}

function identifiersOf(message: Message): Array<{ type: string; id: string }> {
  const traits = { ...((message.context as Message)?.traits as Message), ...(message.traits as Message) };
  const candidates: Array<[string, unknown]> = [
    ['user_id', message.userId],
    ['email', traits.email],
    ['phone', traits.phone],
    ['anonymous_id', message.anonymousId],
  ];
  return candidates
    .filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number')
    .map(([type, value]) => ({ type, id: String(value).trim().toLowerCase() }))
    .filter(({ id }) => !BLOCKED_VALUES.some((blocked) => blocked.test(id)))
    .sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type));
}

function rejectionOf(type: string, message: Message): string | undefined {
  if (!['track', 'identify', 'page', 'screen', 'group'].includes(type)) return `Unknown message type "${type}".`;
  if (message.userId === undefined && message.anonymousId === undefined) return 'userId or anonymousId is required.';
  if (type === 'track' && (typeof message.event !== 'string' || message.event === ''))
    return 'event is required for track.';
  if (type === 'group' && (typeof message.groupId !== 'string' || message.groupId === ''))
    return 'groupId is required for group.';
  if (message.timestamp !== undefined && Number.isNaN(Date.parse(String(message.timestamp))))
    return 'timestamp must be ISO 8601.';
  return undefined;
}

function parseTimestamp(value: unknown): string {
  return value === undefined ? new Date().toISOString() : new Date(String(value)).toISOString();
}
