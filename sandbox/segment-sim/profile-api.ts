import type { CursorCodec } from './cursor';
import { invalidRequest, notFound, SimResponse, validation } from './errors';
import type { Collection, Profile, SegmentEvent, TraitClass } from './model';
import type { ProfileStore } from './profile-store';
import { EVENT_LOOKBACK_MS } from './records';

const ROUTE = /^\/v1\/spaces\/([^/]+)\/collections\/([^/]+)\/profiles\/([^/]+)\/([^/]+)\/?$/;
const RESOURCES = ['traits', 'external_ids', 'events', 'metadata', 'links'] as const;
type Resource = (typeof RESOURCES)[number];

/** Page sizes: defaults and maxima (the docs give traits 200 in one place and 1..100 in another; 200 here). */
const LIMITS: Record<Exclude<Resource, 'metadata'>, { default: number; max: number }> = {
  traits: { default: 10, max: 200 },
  external_ids: { default: 10, max: 100 },
  events: { default: 10, max: 100 },
  links: { default: 20, max: 20 },
};
// Path problems answer validation_error (as the documented collection example); query problems invalid_request_error.
// Upper-case types are well-formed but name nothing: identifiers are matched in lower case only.
const IDENTIFIER_TYPE = /^[A-Za-z0-9_.]+$/;

export interface ProfileRoute {
  spaceId: string;
  collection: Collection;
  resource: Resource;
  type: string;
  value: string;
}

/** Splits a Profile API path; undefined when it is not one (404 from the server). */
export function parseProfileRoute(pathname: string): ProfileRoute | undefined {
  const match = ROUTE.exec(pathname);
  if (!match) return undefined;
  const [, spaceId, collection, rawId, resource] = match;
  if (collection !== 'users' && collection !== 'accounts') throw validation(`Unknown collection "${collection}".`);
  if (!RESOURCES.includes(resource as Resource)) return undefined;
  if (rawId.startsWith('use_') && !rawId.includes(':')) {
    return { spaceId, collection, resource: resource as Resource, type: 'segment_id', value: rawId };
  }
  const separator = rawId.indexOf(':');
  if (separator <= 0 || separator === rawId.length - 1) {
    throw validation('The profile id must be <type>:<value>, such as user_id:abc123, or a use_ id.');
  }
  const type = rawId.slice(0, separator);
  let value: string;
  try {
    // A raw "+" is not a plus in Segment's ids: it must travel as %2B.
    value = decodeURIComponent(rawId.slice(separator + 1).replace(/\+/g, ' '));
  } catch {
    throw validation('The profile id is not correctly URL-encoded.');
  }
  if (!IDENTIFIER_TYPE.test(type)) throw validation(`"${type}" is not a valid identifier type.`);
  return { spaceId, collection, resource: resource as Resource, type, value };
}

function parseLimit(query: URLSearchParams, resource: Exclude<Resource, 'metadata'>): number {
  const { default: fallback, max } = LIMITS[resource];
  const raw = query.get('limit');
  if (raw === null || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalidRequest(`limit must be an integer from 1 to ${max}.`);
  }
  return limit;
}

function parseList(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw
    ? raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
}

function parseBoolean(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  throw invalidRequest(`${name} must be true or false.`);
}

function parseTime(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (!raw) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw invalidRequest(`${name} must be an ISO 8601 timestamp.`);
  return time;
}

export interface ProfileApiContext {
  store: ProfileStore;
  cursors: CursorCodec;
  /** The simulator's own origin, for absolute cursor URLs. */
  origin: string;
  /** When the request arrived (the simulator's clock): the 14-day events look-back counts back from it. */
  now: number;
}

/** Answers one Profile API GET for a route already authenticated. */
export function answerProfileRoute(
  route: ProfileRoute,
  query: URLSearchParams,
  context: ProfileApiContext,
): SimResponse {
  const profile = context.store.find(route.collection, route.type, route.value);
  if (!profile) throw notFound();
  switch (route.resource) {
    case 'traits':
      return traitsAnswer(route, profile, query, context);
    case 'external_ids':
      return externalIdsAnswer(profile, query, context);
    case 'events':
      return eventsAnswer(route, profile, query, context);
    case 'metadata':
      return { status: 200, body: { metadata: metadataOf(profile) } };
    case 'links':
      return linksAnswer(profile, query, context);
  }
}

/** Reads `next`, or answers 400 for a cursor this run did not issue for this route and profile. */
function offsetOf(query: URLSearchParams, context: ProfileApiContext, scope: string): number {
  const next = query.get('next');
  if (!next) return 0;
  const offset = context.cursors.decode(next, scope);
  if (offset === undefined) throw invalidRequest('The next cursor is invalid or has expired.');
  return offset;
}

interface PageInput<T> {
  items: T[];
  offset: number;
  limit: number;
  scope: string;
  style: 'base64' | 'base64url';
  /** How the cursor's url is written: Segment sends a path, an absolute URL or nothing, by route. */
  url: (next: string) => string;
}

function page<T>({ items, offset, limit, scope, style, url }: PageInput<T>, context: ProfileApiContext) {
  const slice = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  const next = hasMore ? context.cursors.encode({ scope, offset: offset + limit }, style) : '';
  return { slice, cursor: { url: url(next), has_more: hasMore, next, limit } };
}

/** A cursor URL names the profile by its use_ id, whatever id the request used, as Segment's examples show. */
function routePath(route: ProfileRoute, profile: Profile, query: URLSearchParams, next: string): string {
  const params = new URLSearchParams(query);
  params.delete('next');
  if (next) params.set('next', next);
  const search = params.toString();
  const base = `/v1/spaces/${route.spaceId}/collections/${route.collection}/profiles/${profile.segmentId}`;
  return `${base}/${route.resource}${search ? `?${search}` : ''}`;
}

function traitsAnswer(
  route: ProfileRoute,
  profile: Profile,
  query: URLSearchParams,
  context: ProfileApiContext,
): SimResponse {
  const limit = parseLimit(query, 'traits');
  const verbose = parseBoolean(query, 'verbose');
  const include = parseList(query, 'include');
  const traitClass = query.get('class');
  if (traitClass !== null && traitClass !== 'audience' && traitClass !== 'computed_trait') {
    throw invalidRequest('class must be audience or computed_trait.');
  }
  const entries = Object.entries(profile.traits)
    .filter(([key]) => !include || include.includes(key))
    .filter(([, record]) => !traitClass || record.class === (traitClass as TraitClass))
    .sort(([a], [b]) => a.localeCompare(b));
  const scope = `traits|${profile.segmentId}|${traitClass ?? ''}|${include?.join(',') ?? ''}`;
  const offset = offsetOf(query, context, scope);
  const { slice, cursor } = page(
    { items: entries, offset, limit, scope, style: 'base64url', url: (next) => routePath(route, profile, query, next) },
    context,
  );
  const traits = Object.fromEntries(
    slice.map(([key, record]) => [
      key,
      verbose ? { value: record.value, source_id: record.source_id, updated_at: record.updated_at } : record.value,
    ]),
  );
  return { status: 200, body: { traits, cursor } };
}

function externalIdsAnswer(profile: Profile, query: URLSearchParams, context: ProfileApiContext): SimResponse {
  const limit = parseLimit(query, 'external_ids');
  parseBoolean(query, 'verbose');
  const include = parseList(query, 'include');
  const ids = profile.externalIds.filter((id) => !include || include.includes(id.type));
  const scope = `external_ids|${profile.segmentId}|${include?.join(',') ?? ''}`;
  const offset = offsetOf(query, context, scope);
  const { slice, cursor } = page({ items: ids, offset, limit, scope, style: 'base64url', url: () => '' }, context);
  return { status: 200, body: { data: slice, cursor } };
}

function eventsAnswer(
  route: ProfileRoute,
  profile: Profile,
  query: URLSearchParams,
  context: ProfileApiContext,
): SimResponse {
  const limit = parseLimit(query, 'events');
  const sort = query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalidRequest('sort must be asc or desc.');
  const lookback = context.now - EVENT_LOOKBACK_MS;
  const start = Math.max(parseTime(query, 'start') ?? lookback, lookback);
  const end = parseTime(query, 'end') ?? Number.POSITIVE_INFINITY;
  const include = parseList(query, 'include');
  const exclude = parseList(query, 'exclude');
  const nameOf = (event: SegmentEvent) => event.event ?? event.type;
  const events = profile.events
    .filter((event) => {
      const time = Date.parse(event.timestamp);
      return time >= start && time <= end;
    })
    .filter((event) => !include || include.includes(nameOf(event)))
    .filter((event) => !exclude || !exclude.includes(nameOf(event)));
  if (sort === 'asc') events.reverse();
  const offset = eventsOffsetOf(query.get('next'), events);
  const slice = events.slice(offset, offset + limit);
  const hasMore = offset + limit < events.length;
  const next = hasMore ? eventsCursor(slice[slice.length - 1]) : '';
  const cursor = {
    url: `${context.origin}${routePath(route, profile, query, next)}`,
    has_more: hasMore,
    next,
    limit,
  };
  // As in Segment's example, each event names the profile it belongs to under `related`.
  const data = slice.map((event) => ({
    ...event,
    related: { ...event.related, [route.collection]: profile.segmentId },
  }));
  return { status: 200, body: { data, cursor } };
}

/**
 * Events cursors are keysets like Segment's: base64 of `<nanoseconds>::<message id>` of the last event
 * served, so an event tracked while a client pages does not shift the pages it has still to read.
 */
function eventsCursor(last: SegmentEvent): string {
  const nanoseconds = BigInt(Date.parse(last.timestamp)) * 1_000_000n;
  return Buffer.from(`${nanoseconds}::${last.message_id}`).toString('base64');
}

/** Where the page after a cursor starts; 400 when the cursor names no event of this (filtered) list. */
function eventsOffsetOf(next: string | null, events: SegmentEvent[]): number {
  if (!next) return 0;
  const match = /^(\d+)::(.+)$/s.exec(Buffer.from(next, 'base64').toString('utf8'));
  const index = match
    ? events.findIndex(
        (event) =>
          event.message_id === match[2] && String(BigInt(Date.parse(event.timestamp)) * 1_000_000n) === match[1],
      )
    : -1;
  if (index < 0) throw invalidRequest('The next cursor is invalid or has expired.');
  return index + 1;
}

function linksAnswer(profile: Profile, query: URLSearchParams, context: ProfileApiContext): SimResponse {
  parseLimit(query, 'links');
  const data = profile.links
    .map((segmentId) => context.store.get(segmentId))
    .filter((linked): linked is Profile => Boolean(linked))
    .map((linked) => ({
      to_collection: linked.collection,
      // The documented links example lists external ids without first_message_id.
      external_ids: linked.externalIds.map(({ first_message_id: _omitted, ...id }) => id),
    }));
  // The documented links example carries no cursor; a profile's links fit one page here.
  return { status: 200, body: { data } };
}

function metadataOf(profile: Profile) {
  const events = profile.events;
  const oldest = events[events.length - 1];
  const newest = events[0];
  return {
    created_at: profile.createdAt,
    updated_at: profile.updatedAt,
    expires_at: null,
    first_message_id: oldest?.message_id ?? profile.externalIds[0]?.first_message_id ?? null,
    first_source_id: oldest?.source_id ?? profile.externalIds[0]?.source_id ?? null,
    last_message_id: newest?.message_id ?? null,
    last_source_id: newest?.source_id ?? null,
  };
}
