import { randomBytes } from 'node:crypto';

import { invalidRequest, SegmentError, SimResponse } from './errors';
import type { Profile, SegmentEvent } from './model';
import { SOURCES } from './model';
import type { ProfileStore } from './profile-store';
import { flexComputedTraits, isInboundEngagement, isOutboundEngagement } from './flex-traits';

/**
 * Segment's default identity priority: user_id, email, then the rest alphabetically (anonymous_id and custom
 * identifiers from `context.externalIds` among them), with the custom `phone` right after email.
 */
const PRIORITY = ['user_id', 'email', 'phone'];
const priorityOf = (a: Identifier, b: Identifier) => {
  const [rankA, rankB] = [a, b].map(({ type }) => (PRIORITY.includes(type) ? PRIORITY.indexOf(type) : PRIORITY.length));
  return rankA - rankB || (rankA === PRIORITY.length ? a.type.localeCompare(b.type) : 0);
};
/** An identifier type as the Profile API names it (lower case: other casings find nothing there). */
const IDENTIFIER_TYPE = /^[a-z0-9_.]+$/;
/** Segment's default per-profile limits: one user_id, five of each other identifier. */
const LIMIT_PER_TYPE: Record<string, number> = { user_id: 1 };
const DEFAULT_LIMIT = 5;
/** Segment's suggested blocked values: placeholders that would otherwise merge strangers into one profile. */
const BLOCKED_VALUES = [/^[0-]*$/, /^-1$/, /^null$/, /^anonymous$/];
/** The HTTP Tracking API's documented size limits. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
const MAX_BATCH_MESSAGES = 2500;
const MAX_MESSAGE_ID_LENGTH = 100;
/** Segment de-duplicates on messageId within about a day: a messageId seen longer ago counts as new. */
export const DEDUPLICATION_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Why a message is dropped, with Segment's discard code where its Delivery Overview names one. */
interface Rejection {
  reason: string;
  code?: string;
}
const UNKNOWN_WRITE_KEY: Rejection = {
  reason: 'The write key names no source of this workspace.',
  code: 'project_not_found',
};
const NO_IDENTITY: Rejection = { reason: 'userId or anonymousId is required.', code: 'no_user_anon_id' };

type Message = Record<string, unknown>;
type Identifier = { type: string; id: string };
/** The HTTP Tracking API's paths under /v1/; `import` is another name for `batch`. */
export type TrackingCall = 'track' | 'identify' | 'page' | 'screen' | 'group' | 'alias' | 'batch' | 'import';
const MESSAGE_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'];
/** Segment's spec: alias calls can't be used to merge profiles in Unify. */
const ALIAS_NOTE = 'Alias calls do not merge Unify profiles; no profile was changed.';

/** What the Event Debugger would show: each message and whether it reached a profile. */
export interface DebuggerEntry {
  type: string;
  messageId: string;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  /** Segment's discard code (Delivery Overview, "Failed on Ingest"), such as `no_user_anon_id`. */
  code?: string;
  note?: string;
  /** For accepted messages, the times as Segment's debugger shows them (ISO 8601). */
  receivedAt?: string;
  sentAt?: string;
  originalTimestamp?: string;
  timestamp?: string;
}

/**
 * How a single call without `userId` and `anonymousId` is answered. Segment's HTTP API page says every request
 * but JSON and size errors gets a 200 (`dropped`, the default: the message shows as rejected with
 * `no_user_anon_id`); the same page also says the API "responds with a no_user_anon_id error", which
 * `bad_request` plays: `400 {"error":{"code":"no_user_anon_id",…}}`. In a batch such a message is dropped either way.
 */
export type MissingIdentityAnswer = 'dropped' | 'bad_request';

export interface TrackingApiOptions {
  /** The simulator's clock (milliseconds since the epoch). */
  clock: () => number;
  missingIdentity?: MissingIdentityAnswer;
}

export class TrackingApi {
  /** messageId → when it was accepted, oldest first; entries past the de-duplication window are forgotten. */
  private readonly seenMessageIds = new Map<string, number>();
  readonly debugger: DebuggerEntry[] = [];
  private readonly clock: () => number;
  private readonly missingIdentity: MissingIdentityAnswer;

  constructor(
    private readonly store: ProfileStore,
    options: TrackingApiOptions = { clock: Date.now },
  ) {
    this.clock = options.clock;
    this.missingIdentity = options.missingIdentity ?? 'dropped';
  }

  /**
   * POST /v1/track, /identify, /page, /screen, /group, /alias, /batch (and /import, the same). As Segment
   * documents, the answer is 200 for every request except JSON and size errors (400: a message over 32 KB, alone
   * or inside a batch, or a batch over 500 KB); a dropped message (no identity, no event name, past the 2,500th
   * of a batch, or sent with a write key that is not this source's) shows only in the debugger, as on Segment.
   */
  receive(kind: TrackingCall, body: Message, bodyBytes: number, writeKeyMatches: boolean): SimResponse {
    const receivedAt = this.clock();
    if (kind === 'batch' || kind === 'import') {
      if (bodyBytes > MAX_BATCH_BYTES) throw invalidRequest('Batch exceeds 500 KB.');
      if (!Array.isArray(body.batch)) throw invalidRequest('batch must be an array of messages.');
      const messages = (body.batch as unknown[]).map((item): Message => (isObject(item) ? item : {}));
      // Documented: one message over 32 KB makes the whole batch a 400; nothing of it is taken.
      const oversized = messages.findIndex((message) => Buffer.byteLength(JSON.stringify(message)) > MAX_MESSAGE_BYTES);
      if (oversized >= 0) throw invalidRequest(`Message ${oversized} of the batch exceeds 32 KB.`);
      const batchContext = isObject(body.context) ? body.context : {};
      messages.forEach((message, index) => {
        // The batch's context is merged under each message's own; the batch's sentAt stands in for a missing one.
        const merged = {
          ...message,
          context: { ...batchContext, ...(isObject(message.context) ? message.context : {}) },
          sentAt: message.sentAt ?? body.sentAt,
        };
        // Documented: past 2,500 messages the batch is still a 200, and the messages beyond are rejected.
        const reason: Rejection | undefined = !writeKeyMatches
          ? UNKNOWN_WRITE_KEY
          : index >= MAX_BATCH_MESSAGES
            ? { reason: `A batch takes at most ${MAX_BATCH_MESSAGES} messages.` }
            : undefined;
        this.handle(String(message.type ?? ''), merged, receivedAt, reason);
      });
    } else {
      if (bodyBytes > MAX_MESSAGE_BYTES) throw invalidRequest('Message exceeds 32 KB.');
      if (this.missingIdentity === 'bad_request' && lacksIdentity(body)) {
        throw new SegmentError(400, 'no_user_anon_id', NO_IDENTITY.reason);
      }
      this.handle(kind, body, receivedAt, writeKeyMatches ? undefined : UNKNOWN_WRITE_KEY);
    }
    return { status: 200, body: { success: true } };
  }

  private handle(type: string, message: Message, receivedAt: number, dropReason?: Rejection): void {
    const messageId =
      typeof message.messageId === 'string' && message.messageId
        ? message.messageId
        : `ajs-${randomBytes(12).toString('hex')}`;
    const log = (outcome: DebuggerEntry['outcome'], details?: Partial<DebuggerEntry>) => {
      this.debugger.push({ type, messageId, outcome, ...details });
      if (this.debugger.length > 1000) this.debugger.shift();
    };
    if (dropReason) return log('rejected', dropReason);
    this.forgetMessageIdsBefore(receivedAt - DEDUPLICATION_WINDOW_MS);
    if (this.seenMessageIds.has(messageId)) return log('duplicate');
    const reason = rejectionOf(type, message);
    if (reason) return log('rejected', reason);
    this.seenMessageIds.set(messageId, receivedAt);
    if (type === 'alias') return log('accepted', { note: ALIAS_NOTE });

    const identifiers = identifiersOf(message);
    if (identifiers.length === 0) return log('rejected', { reason: 'Every identifier is a blocked value.' });
    const profile = this.resolve(identifiers, messageId);
    const times = timesOf(message, receivedAt);
    const { timestamp } = times;
    if (type === 'identify') {
      for (const [key, value] of Object.entries((message.traits as Message) ?? {})) {
        setTrait(profile.traits, key, value, timestamp);
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
      context: isObject(message.context) ? message.context : {},
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
    }
    if (isOutboundEngagement(event)) profile.outbounds += 1;
    if (isInboundEngagement(event) || (isOutboundEngagement(event) && this.store.totalOutbounds)) {
      Object.assign(profile.traits, this.flexTraitsOf(profile, timestamp));
    }
    profile.updatedAt = times.receivedAt;
    log('accepted', times);
  }

  /** Drops the messageIds accepted before `cutoff` (the map is in acceptance order, so it stops at the first kept). */
  private forgetMessageIdsBefore(cutoff: number): void {
    for (const [messageId, seenAt] of this.seenMessageIds) {
      if (seenAt >= cutoff) break;
      this.seenMessageIds.delete(messageId);
    }
  }

  /** A group call puts its traits on the account (`group_id`) and links the user and the account both ways. */
  private joinAccount(user: Profile, message: Message, messageId: string, timestamp: string): void {
    const groupId = String(message.groupId);
    let account = this.store.find('accounts', 'group_id', groupId);
    if (!account) {
      account = newProfile('accounts', this.clock());
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
      setTrait(account.traits, key, value, timestamp);
    }
    if (!user.links.includes(account.segmentId)) user.links.push(account.segmentId);
    if (!account.links.includes(user.segmentId)) account.links.push(user.segmentId);
    account.updatedAt = new Date(this.clock()).toISOString();
  }

  /**
   * Identity resolution as Segment describes it: the profiles the identifiers name take the message, merging
   * when there are several; when that would break a per-type limit, the lowest-priority identifier is dropped
   * from the message and the match is tried again; when nothing matches, a new profile is made.
   */
  private resolve(identifiers: Identifier[], messageId: string): Profile {
    let kept = identifiers;
    let matched = this.profilesNamedBy(kept);
    while (kept.length > 1 && !withinLimits(matched, kept)) {
      kept = kept.slice(0, -1);
      matched = this.profilesNamedBy(kept);
    }
    const [target = newProfile('users', this.clock()), ...others] = matched;
    this.store.put(target);
    for (const other of others) this.merge(target, other);
    const now = new Date(this.clock()).toISOString();
    for (const { type, id } of kept) {
      if (hasId(target, type, id) || countOf(target, type) >= limitOf(type)) continue;
      this.store.addIdentifier(target, {
        id,
        type,
        source_id: SOURCES.flex,
        collection: 'users',
        created_at: now,
        encoding: 'none',
        first_message_id: messageId,
      });
    }
    return target;
  }

  /** Distinct profiles the identifiers name, the one named by the highest-priority identifier first. */
  private profilesNamedBy(identifiers: Identifier[]): Profile[] {
    const matched = new Map<string, Profile>();
    for (const { type, id } of identifiers) {
      const profile = this.store.find('users', type, id);
      if (profile && !matched.has(profile.segmentId)) matched.set(profile.segmentId, profile);
    }
    return [...matched.values()];
  }

  private merge(target: Profile, other: Profile): void {
    this.store.remove(other.segmentId);
    for (const id of other.externalIds) if (!hasId(target, id.type, id.id)) this.store.addIdentifier(target, id);
    // Per trait, the value updated last wins, whichever profile held it.
    for (const [key, record] of Object.entries(other.traits)) {
      const mine = target.traits[key];
      if (!mine || Date.parse(record.updated_at) > Date.parse(mine.updated_at)) target.traits[key] = record;
    }
    target.events = [...target.events, ...other.events].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    target.links = [...new Set([...target.links, ...other.links])];
    for (const [channel, count] of Object.entries(other.inboundChannels)) {
      target.inboundChannels[channel] = (target.inboundChannels[channel] ?? 0) + count;
    }
    target.outbounds += other.outbounds;
    Object.assign(target.traits, this.flexTraitsOf(target, new Date(this.clock()).toISOString()));
  }

  /** The Flex computed traits of a profile's whole history: the two recommended, and Total outbounds if asked. */
  private flexTraitsOf(profile: Profile, at: string) {
    return flexComputedTraits(profile.inboundChannels, at, this.store.totalOutbounds ? profile.outbounds : undefined);
  }
}

function newProfile(collection: Profile['collection'], at: number): Profile {
  const now = new Date(at).toISOString();
  return {
    // Segment ids are use_ followed by 27 characters.
    segmentId: `use_${randomBytes(21).toString('base64url').replace(/[-_]/g, '0').slice(0, 27)}`,
    collection,
    externalIds: [],
    traits: {},
    events: [],
    links: [],
    inboundChannels: {},
    outbounds: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Segment keeps the last-updated value of a trait, by the message's (corrected) timestamp, not by arrival:
 * a message older than the trait's updated_at leaves it alone. On equal times the later arrival wins.
 */
function setTrait(traits: Profile['traits'], key: string, value: unknown, at: string): void {
  const current = traits[key];
  if (current && Date.parse(current.updated_at) > Date.parse(at)) return;
  traits[key] = { value, class: 'custom', source_id: SOURCES.flex, updated_at: at };
}

const limitOf = (type: string) => LIMIT_PER_TYPE[type] ?? DEFAULT_LIMIT;
const countOf = (profile: Profile, type: string) => profile.externalIds.filter((id) => id.type === type).length;
const hasId = (profile: Profile, type: string, id: string) =>
  profile.externalIds.some((known) => known.type === type && known.id === id);

/** Whether the profiles, joined with the message's identifiers, keep every identifier type within its limit. */
function withinLimits(profiles: Profile[], identifiers: Identifier[]): boolean {
  const byType = new Map<string, Set<string>>();
  const ids = [...profiles.flatMap((profile) => profile.externalIds), ...identifiers];
  for (const { type, id } of ids) byType.set(type, (byType.get(type) ?? new Set()).add(id));
  return [...byType].every(([type, values]) => values.size <= limitOf(type));
}

/**
 * The message's identifiers: userId, traits.email, traits.phone, anonymousId, and each `context.externalIds`
 * entry of the users collection (`{id, type, collection: 'users', encoding: 'none'}`; the type lower-cased).
 * Values are lower-cased; blocked values and repeats are left out; highest priority first.
 */
function identifiersOf(message: Message): Identifier[] {
  const context = isObject(message.context) ? message.context : {};
  const traits = { ...(isObject(context.traits) ? context.traits : {}), ...(message.traits as Message) };
  const candidates: Array<[string, unknown]> = [
    ['user_id', message.userId],
    ['email', traits.email],
    ['phone', traits.phone],
    ['anonymous_id', message.anonymousId],
  ];
  for (const entry of Array.isArray(context.externalIds) ? context.externalIds : []) {
    if (!isObject(entry) || typeof entry.type !== 'string') continue;
    if ((entry.collection ?? 'users') !== 'users' || (entry.encoding ?? 'none') !== 'none') continue;
    const type = entry.type.trim().toLowerCase();
    if (IDENTIFIER_TYPE.test(type)) candidates.push([type, entry.id]);
  }
  const identifiers = new Map<string, Identifier>();
  for (const [type, value] of candidates) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const id = String(value).trim().toLowerCase();
    if (!BLOCKED_VALUES.some((blocked) => blocked.test(id))) identifiers.set(`${type}:${id}`, { type, id });
  }
  return [...identifiers.values()].sort(priorityOf);
}

const isObject = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Neither `userId` nor `anonymousId` (absent, null or empty). */
const lacksIdentity = (message: Message) =>
  [message.userId, message.anonymousId].every((id) => id === undefined || id === null || id === '');

function rejectionOf(type: string, message: Message): Rejection | undefined {
  if (!MESSAGE_TYPES.includes(type)) {
    return { reason: `Unknown message type "${type}".` };
  }
  if (lacksIdentity(message)) return NO_IDENTITY;
  if (type === 'track' && (message.event === undefined || message.event === null || message.event === ''))
    return { reason: 'event is required for track.', code: 'event_not_defined' };
  if (type === 'track' && typeof message.event !== 'string')
    return { reason: 'event must be a string.', code: 'event_not_string' };
  if (type === 'group' && (typeof message.groupId !== 'string' || message.groupId === ''))
    return { reason: 'groupId is required for group.' };
  if (typeof message.messageId === 'string' && message.messageId.length >= MAX_MESSAGE_ID_LENGTH)
    return { reason: `messageId must be shorter than ${MAX_MESSAGE_ID_LENGTH} characters.` };
  if (message.timestamp !== undefined && Number.isNaN(Date.parse(String(message.timestamp))))
    return { reason: 'timestamp must be ISO 8601.' };
  return undefined;
}

/** Milliseconds since the epoch, or undefined for an absent or unparseable time. */
const timeOf = (value: unknown) => {
  const time = value === undefined || value === null ? Number.NaN : Date.parse(String(value));
  return Number.isNaN(time) ? undefined : time;
};

/**
 * Segment's clock-skew correction: `timestamp = receivedAt - (sentAt - originalTimestamp)` when the message (or
 * its batch) carries `sentAt`; without `sentAt`, the timestamp as given; without a timestamp, `receivedAt`.
 * An unparseable `sentAt` counts as absent (an unparseable `timestamp` is rejected earlier).
 */
function timesOf(message: Message, receivedAt: number) {
  const original = timeOf(message.timestamp);
  const sent = timeOf(message.sentAt);
  const skewed = original === undefined ? receivedAt : sent === undefined ? original : receivedAt - (sent - original);
  // A correction past the dates JavaScript can hold (a sentAt thousands of years off) falls back to receivedAt.
  const corrected = Number.isNaN(new Date(skewed).getTime()) ? receivedAt : skewed;
  const iso = (time: number | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
  return {
    timestamp: new Date(corrected).toISOString(),
    receivedAt: new Date(receivedAt).toISOString(),
    ...(sent === undefined ? {} : { sentAt: iso(sent) }),
    ...(original === undefined ? {} : { originalTimestamp: iso(original) }),
  };
}
