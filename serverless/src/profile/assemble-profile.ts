import { createHash } from 'node:crypto';
import { displayValueOf } from './identifier-display';
import type { IdentifierCandidate } from './identity';
import type {
  CustomerProfile,
  LinkedAccount,
  ProfileIdentifier,
  ProfileMetadata,
  ProfileTraits,
  TimelineItem,
  TimelinePage,
  TraitValue,
} from './types';
import type {
  SegmentCursor,
  SegmentEvent,
  SegmentExternalId,
  SegmentList,
  SegmentMetadata,
  SegmentTraitsPage,
} from './segment-shapes';

/** Everything fetched for the matched profile, before it is shaped for the plugin. */
export interface FetchedProfile {
  matched: IdentifierCandidate;
  traits: Record<string, unknown>;
  computedTraitNames: ReadonlySet<string>;
  audienceNames: ReadonlySet<string>;
  externalIds: SegmentList<SegmentExternalId> | null;
  metadata: SegmentMetadata | null;
  events: SegmentList<SegmentEvent> | null;
  linkedAccounts: LinkedAccount[];
  /** Cursors seen on the way: Segment puts the profile's use_ id in their url. */
  cursors: Array<SegmentCursor | undefined>;
}

const SEGMENT_ID = /^use_[A-Za-z0-9]{1,64}$/;
const SEGMENT_ID_IN_URL = /\/profiles\/(use_[A-Za-z0-9]{1,64})(?:\/|$|\?)/;
// Segment's predictions are computed traits with customer-chosen names; these words mark the ones
// made by Predictions (likelihood_to_purchase, churn propensity, ...). Only percentiles (0..1) are
// predictions in the answer's sense: predicted lifetime value is in USD and stays a computed trait.
const PREDICTION_NAME = /(^|[_\s-])(predicted|prediction|predictive|likelihood|propensity)([_\s-]|$)/i;

export function isPredictionTrait(name: string, value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1 && PREDICTION_NAME.test(name);
}

/** Splits traits by what the API said of them: class=audience, class=computed_trait, the rest custom. */
export function classifyTraits(
  traits: Record<string, unknown>,
  computedTraitNames: ReadonlySet<string>,
  audienceNames: ReadonlySet<string>,
): ProfileTraits {
  const split: ProfileTraits = { custom: {}, computed: {}, audiences: {}, predictive: {} };
  for (const [name, value] of Object.entries(traits)) {
    if (audienceNames.has(name)) split.audiences[name] = value === true;
    else if (computedTraitNames.has(name) && isPredictionTrait(name, value)) split.predictive[name] = value;
    else if (computedTraitNames.has(name)) split.computed[name] = value as TraitValue;
    else split.custom[name] = value as TraitValue;
  }
  return split;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The name an agent sees: name, else first and last name, else email or phone, else null. */
export function displayNameOf(traits: Record<string, unknown>, identifiers: ProfileIdentifier[]): string | null {
  const fullName = [text(traits.first_name) ?? text(traits.firstName), text(traits.last_name) ?? text(traits.lastName)]
    .filter(Boolean)
    .join(' ');
  const identifierOf = (type: string) => identifiers.find((identifier) => identifier.type === type)?.value;
  return (
    text(traits.name) ??
    (fullName || undefined) ??
    text(traits.email) ??
    text(identifierOf('email')) ??
    text(traits.phone) ??
    text(identifierOf('phone')) ??
    null
  );
}

export function toIdentifiers(list: SegmentList<SegmentExternalId> | null): ProfileIdentifier[] {
  return (list?.data ?? [])
    .filter((item) => typeof item.id === 'string' && typeof item.type === 'string')
    .map((item) => ({
      type: item.type as string,
      value: item.id as string,
      display: displayValueOf(item.type as string, item.id as string),
      ...(item.source_id ? { sourceId: item.source_id } : {}),
      ...(item.created_at ? { createdAt: item.created_at } : {}),
    }));
}

export function toMetadata(raw: SegmentMetadata | null): ProfileMetadata | null {
  const metadata = raw?.metadata;
  if (!metadata) return null;
  const result: ProfileMetadata = {};
  if (metadata.created_at) result.createdAt = metadata.created_at;
  if (metadata.updated_at) result.updatedAt = metadata.updated_at;
  if (metadata.first_source_id) result.firstSourceId = metadata.first_source_id;
  if (metadata.last_source_id) result.lastSourceId = metadata.last_source_id;
  return result;
}

/**
 * An id for an event Segment sent without a message_id: derived from the event itself, so the same
 * event on two pages gets the same id (the plugin merges pages by id) and two events never share one.
 */
function contentId(event: SegmentEvent): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([event.type, event.event, event.timestamp, event.properties]))
    .digest('hex');
  return `evt_${digest.slice(0, 24)}`;
}

function toTimelineItem(event: SegmentEvent): TimelineItem {
  const type = text(event.type) ?? 'track';
  const properties = (event.properties && typeof event.properties === 'object' ? event.properties : {}) as Record<
    string,
    TraitValue
  >;
  const name =
    type === 'track'
      ? text(event.event)
      : type === 'page' || type === 'screen'
        ? (text(properties.name) ?? text(event.event))
        : undefined;
  return {
    id: text(event.message_id) ?? contentId(event),
    type,
    ...(name ? { name } : {}),
    timestamp: text(event.timestamp) ?? '',
    ...(event.source_id ? { sourceId: event.source_id } : {}),
    properties,
  };
}

export function nextCursorOf(cursor: SegmentCursor | undefined): string | null {
  return cursor?.has_more && typeof cursor.next === 'string' && cursor.next !== '' ? cursor.next : null;
}

export function toTimelinePage(list: SegmentList<SegmentEvent> | null): TimelinePage {
  const data = Array.isArray(list?.data) ? list!.data : [];
  return { items: data.map((event) => toTimelineItem(event)), next: nextCursorOf(list?.cursor) };
}

/** The profile's use_ id, from wherever Segment mentioned it; null if it never did. */
export function segmentIdOf(fetched: FetchedProfile): string | null {
  // Looked up by its use_ id (a link to the task): that id pages /profile-events for this very profile.
  const used = fetched.matched.segmentId;
  if (typeof used === 'string' && SEGMENT_ID.test(used)) return used;
  for (const item of fetched.externalIds?.data ?? []) {
    if (item.type === 'segment_id' && typeof item.id === 'string' && SEGMENT_ID.test(item.id)) return item.id;
  }
  for (const cursor of [...fetched.cursors, fetched.externalIds?.cursor, fetched.events?.cursor]) {
    const match = typeof cursor?.url === 'string' ? SEGMENT_ID_IN_URL.exec(cursor.url) : null;
    if (match) return match[1];
  }
  for (const event of fetched.events?.data ?? []) {
    const id = event.related?.users;
    if (typeof id === 'string' && SEGMENT_ID.test(id)) return id;
  }
  return null;
}

export function assembleProfile(fetched: FetchedProfile): CustomerProfile {
  const identifiers = toIdentifiers(fetched.externalIds);
  const segmentId = segmentIdOf(fetched);
  const timeline = toTimelinePage(fetched.events);
  return {
    segmentId: segmentId ?? '',
    displayName: displayNameOf(fetched.traits, identifiers),
    matchedIdentifier: { type: fetched.matched.type, value: fetched.matched.value },
    identifiers,
    traits: classifyTraits(fetched.traits, fetched.computedTraitNames, fetched.audienceNames),
    metadata: toMetadata(fetched.metadata),
    linkedAccounts: fetched.linkedAccounts,
    // Without the use_ id /profile-events cannot ask for the next page.
    timeline: segmentId ? timeline : { items: timeline.items, next: null },
  };
}

export function traitsOf(page: SegmentTraitsPage | null): Record<string, unknown> {
  const traits = page?.traits;
  return traits && typeof traits === 'object' && !Array.isArray(traits) ? traits : {};
}
