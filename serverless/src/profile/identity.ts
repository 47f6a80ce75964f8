import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { CustomerTabLayout } from '../config/unify-contract';
import { ApiError } from '../http/api-error';
import type { SegmentSettings } from './settings';
import { TASK_PROFILE_ATTRIBUTE, type TaskProfileLink } from './types';

/** One way to find the customer in Segment, already normalised and safe to put in a URL path. */
export interface IdentifierCandidate {
  /** Segment identifier type, e.g. `phone`, `email`, `user_id`. */
  type: string;
  /** Normalised value, e.g. `+14155550100` or `ana@example.com`. */
  value: string;
  /**
   * The profile id in the request path: `type:value` with the value URL-encoded (one path segment
   * that cannot escape the route), or Segment's `use_…` id for a lookup by `segmentId`.
   */
  pathId: string;
  /** The cache key: `type:value` unencoded, or the `use_…` id for a lookup by `segmentId`. */
  key: string;
  /**
   * Set when the profile is looked up by Segment's own id (a link to the task carried it): `pathId`
   * and `key` are then that id, and `type`/`value` the identifier the answer reports as matched.
   */
  segmentId?: string;
}

/** The profile linked to a task: the link as read (normalised), and the one thing to look up. */
export interface LinkedProfile {
  link: TaskProfileLink;
  candidate: IdentifierCandidate;
}

/** A value the task carried, with what kind of identifier it can be and where it came from. */
interface Sighting {
  kind: 'address' | string;
  raw: unknown;
  field: string;
  /** Fields that can only hold an identifier: a bad value there is worth a 400 if nothing else is usable. */
  explicit: boolean;
}

const BLOCKED_VALUES = new Set(['-1', 'null', 'anonymous', 'undefined']);
const ALL_ZEROS_OR_DASHES = /^[0-]*$/;
// Characters that could change a request path or query, or that no identifier carries.
const UNSAFE_CHARACTERS = /[/\\?#%\s\p{Cc}]/u;
const CONTROL_CHARACTERS = /\p{Cc}/u;
// With the u flag a well-formed pair is one code point: only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const PHONE_SHAPE = /^\+?[0-9().\-\s]{3,32}$/;
const EMAIL_SHAPE = /^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$/;
const TYPE_SHAPE = /^[a-z][a-z0-9_.]{0,63}$/;
// Channel prefixes Flex puts before a phone number in `from`/`to`/`customerAddress`.
const PHONE_CHANNEL_PREFIX = /^(whatsapp|sms|mms|tel|rcs):/i;
const TYPE_ALIASES: Record<string, string> = { whatsapp: 'phone', tel: 'phone', sms: 'phone', userid: 'user_id' };
const MAX_VALUE_LENGTH = 256;
const SEGMENT_ID = /^use_[A-Za-z0-9]{1,64}$/;
// An ISO 8601 date and time with its offset, as new Date().toISOString() and Studio's liquid write it.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
// As the request schema bounds a typed identifier.
const MAX_LINKED_IDENTIFIER_LENGTH = 512;

function invalid(message: string): ApiError {
  return new ApiError(400, 'invalid_identifier', message);
}

function normaliseEmail(raw: string, field: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_SHAPE.test(email) || UNSAFE_CHARACTERS.test(email)) {
    throw invalid(`${field} is not a valid email address.`);
  }
  return email;
}

function normalisePhone(raw: string, field: string, defaultCountry: string): string {
  const text = raw.trim();
  if (!PHONE_SHAPE.test(text)) throw invalid(`${field} is not a phone number.`);
  const phone = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  // isPossible, not isValid: fictional ranges (555-01xx, Ofcom's 07700 900xxx) are real test customers.
  if (!phone || !phone.isPossible()) {
    throw invalid(`${field} is not a phone number that can be written in E.164 (default country ${defaultCountry}).`);
  }
  return phone.number;
}

function normaliseOther(raw: string, field: string): string {
  const value = raw.trim().toLowerCase(); // Segment finds identifier values only in lower case.
  if (value.length === 0) throw invalid(`${field} is empty.`);
  if (value.length > MAX_VALUE_LENGTH) throw invalid(`${field} is longer than ${MAX_VALUE_LENGTH} characters.`);
  if (CONTROL_CHARACTERS.test(value)) throw invalid(`${field} contains control characters.`);
  if (UNSAFE_CHARACTERS.test(value)) throw invalid(`${field} contains a space, '/', '\\', '?', '#' or '%'.`);
  return value;
}

/**
 * `value` URL-encoded for the request path. encodeURIComponent throws URIError on an unpaired
 * surrogate; normaliseIdentifier refuses those first, and this keeps any other way in a 400 too.
 */
function encodePathValue(value: string, field: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw invalid(`${field} contains a broken character (an unpaired UTF-16 surrogate).`);
  }
}

function candidateOf(type: string, value: string, field: string): IdentifierCandidate {
  return { type, value, key: `${type}:${value}`, pathId: `${type}:${encodePathValue(value, field)}` };
}

/** Normalises one value of a known type; throws invalid_identifier saying what is wrong with `field`. */
export function normaliseIdentifier(
  type: string,
  raw: unknown,
  field: string,
  settings: Pick<SegmentSettings, 'defaultCountry'>,
): IdentifierCandidate {
  if (typeof raw !== 'string' && typeof raw !== 'number') throw invalid(`${field} must be a string.`);
  const text = String(raw);
  if (text.length > 1024) throw invalid(`${field} is longer than 1024 characters.`);
  if (CONTROL_CHARACTERS.test(text)) throw invalid(`${field} contains control characters.`);
  // Half of a UTF-16 pair alone (JSON's "\ud800") is no character at all: no identifier holds one.
  if (LONE_SURROGATE.test(text)) {
    throw invalid(`${field} contains a broken character (an unpaired UTF-16 surrogate).`);
  }
  if (text.trim().length === 0) throw invalid(`${field} is empty.`);
  let value: string;
  if (type === 'email') value = normaliseEmail(text, field);
  else if (type === 'phone')
    value = normalisePhone(text.replace(PHONE_CHANNEL_PREFIX, ''), field, settings.defaultCountry);
  else value = normaliseOther(text, field);
  if (ALL_ZEROS_OR_DASHES.test(value) || BLOCKED_VALUES.has(value)) {
    throw invalid(`${field} is a placeholder value (such as 0000, -1, null or anonymous), not a customer identifier.`);
  }
  return candidateOf(type, value, field);
}

/** Email or phone, decided by shape; null when the value is neither (a web chat friendly name, a client: caller). */
function addressCandidate(raw: string, field: string, settings: SegmentSettings): IdentifierCandidate | null {
  const text = raw.trim();
  if (/^(client|sip|messenger|instagram|rcs-agent|web):/i.test(text)) return null;
  const bare = text.replace(PHONE_CHANNEL_PREFIX, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return null; // any other channel scheme is not a customer id
  try {
    if (bare.includes('@')) return normaliseIdentifier('email', bare, field, settings);
    if (PHONE_SHAPE.test(bare)) return normaliseIdentifier('phone', bare, field, settings);
  } catch {
    return null;
  }
  return null;
}

function priorityOf(type: string, priority: string[]): number {
  const index = priority.indexOf(type);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** Keeps types the configuration allows, drops duplicates, orders by the configured priority (stable). */
export function orderByPriority(candidates: IdentifierCandidate[], priority: string[]): IdentifierCandidate[] {
  const seen = new Set<string>();
  return candidates
    .filter((candidate) => priority.includes(candidate.type))
    .filter((candidate) => !seen.has(candidate.key) && seen.add(candidate.key))
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) => priorityOf(a.candidate.type, priority) - priorityOf(b.candidate.type, priority) || a.order - b.order,
    )
    .map(({ candidate }) => candidate);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `pre_engagement_data.customer_email` → the nested value, or undefined. */
function attributeAt(attributes: Record<string, unknown>, path: string): unknown {
  let value: unknown = attributes;
  for (const key of path.split('.')) {
    const record = asRecord(value);
    if (!record || !Object.hasOwn(record, key)) return undefined;
    value = record[key];
  }
  return value;
}

/**
 * Where Flex tasks carry the customer: the attributes an admin named first, then by channel, by
 * Flex Insights convention, and explicit ids.
 */
function sightingsOf(attributes: Record<string, unknown>, named: Record<string, string[]> = {}): Sighting[] {
  const sightings: Sighting[] = [];
  const add = (kind: string, raw: unknown, field: string, explicit: boolean) => {
    if (raw !== undefined && raw !== null && raw !== '') sightings.push({ kind, raw, field, explicit });
  };
  for (const [type, paths] of Object.entries(named)) {
    for (const path of paths) add(type, attributeAt(attributes, path), `taskAttributes.${path}`, true);
  }
  const direction = typeof attributes.direction === 'string' ? attributes.direction.toLowerCase() : 'inbound';
  // On an outbound call or message the customer is the one dialled; otherwise the one calling.
  // outbound_to alone marks an outbound call too: Flex reads it before `from` for the customer.
  if (direction.startsWith('outbound') || typeof attributes.outbound_to === 'string') {
    add('address', attributes.outbound_to, 'taskAttributes.outbound_to', false);
    add('address', attributes.to, 'taskAttributes.to', false);
  } else {
    add('address', attributes.from, 'taskAttributes.from', false);
  }
  add('address', attributes.customerAddress, 'taskAttributes.customerAddress', false);
  add('address', attributes.name, 'taskAttributes.name', false);

  const preEngagement = asRecord(attributes.pre_engagement_data);
  if (preEngagement) {
    add('email', preEngagement.email, 'taskAttributes.pre_engagement_data.email', true);
    add('phone', preEngagement.phone ?? preEngagement.phone_number, 'taskAttributes.pre_engagement_data.phone', true);
  }
  const customers = asRecord(attributes.customers);
  if (customers) {
    add('email', customers.email, 'taskAttributes.customers.email', true);
    add('phone', customers.phone, 'taskAttributes.customers.phone', true);
    // Flex Insights' external_id is the customer's id in the business's own systems: Segment's user_id.
    add('user_id', customers.external_id, 'taskAttributes.customers.external_id', true);
  }
  for (const field of ['user_id', 'userId', 'customer_id', 'customerId']) {
    add('user_id', attributes[field], `taskAttributes.${field}`, true);
  }
  for (const field of ['anonymous_id', 'anonymousId']) {
    add('anonymous_id', attributes[field], `taskAttributes.${field}`, true);
  }
  for (const field of ['email', 'customerEmail', 'customer_email']) {
    add('email', attributes[field], `taskAttributes.${field}`, true);
  }
  for (const field of ['phone', 'customerPhone', 'customer_phone']) {
    add('phone', attributes[field], `taskAttributes.${field}`, true);
  }
  return sightings;
}

/**
 * The candidate identifiers of a task, normalised and in priority order. Values that are not
 * identifiers are skipped; if nothing usable remains but an id-only field held a bad value,
 * that is reported as invalid_identifier so the agent learns what is wrong.
 */
export function resolveIdentifiers(
  attributes: Record<string, unknown>,
  settings: SegmentSettings,
): IdentifierCandidate[] {
  const candidates: IdentifierCandidate[] = [];
  let firstRejection: ApiError | undefined;
  for (const sighting of sightingsOf(attributes, settings.identifierAttributes)) {
    if (sighting.kind === 'address') {
      if (typeof sighting.raw !== 'string') continue;
      const candidate = addressCandidate(sighting.raw, sighting.field, settings);
      if (candidate) candidates.push(candidate);
      continue;
    }
    try {
      candidates.push(normaliseIdentifier(sighting.kind, sighting.raw, sighting.field, settings));
    } catch (error) {
      if (sighting.explicit && error instanceof ApiError) firstRejection ??= error;
    }
  }
  const ordered = orderByPriority(candidates, settings.identifierPriority);
  if (ordered.length === 0 && firstRejection) throw firstRejection;
  return ordered;
}

/**
 * An identifier as an agent types it: `type:value` (`email:Ana@Example.com`, `user_id:abc`,
 * `phone:+1 415 555 0100`), or a bare email or phone.
 */
export function parseTypedIdentifier(text: string, settings: SegmentSettings): IdentifierCandidate {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw invalid('identifier is empty.');
  const typed = /^([A-Za-z][A-Za-z0-9_.]*):(.*)$/s.exec(trimmed);
  if (!typed) {
    if (trimmed.includes('@')) return normaliseIdentifier('email', trimmed, 'identifier', settings);
    if (PHONE_SHAPE.test(trimmed)) return normaliseIdentifier('phone', trimmed, 'identifier', settings);
    throw invalid('identifier is neither an email nor a phone number: type it as type:value, e.g. user_id:abc123.');
  }
  let type = typed[1].toLowerCase();
  const allowed = settings.identifierPriority;
  if (!allowed.includes(type) && TYPE_ALIASES[type] && allowed.includes(TYPE_ALIASES[type])) type = TYPE_ALIASES[type];
  if (!TYPE_SHAPE.test(type) || !allowed.includes(type)) {
    throw invalid(
      `identifier type '${type.slice(0, 40)}' is not one of the configured identifiers: ${allowed.join(', ')}.`,
    );
  }
  return normaliseIdentifier(type, typed[2], `identifier (${type})`, settings);
}

/** The types agents search by unless an admin turns them off, as the Customer tab's search offers them. */
const SEARCHABLE_BY_DEFAULT: readonly string[] = ['email', 'phone', 'user_id', 'anonymous_id'];

/** The identifier types agents may search by: the default ones not turned off, then those turned on. */
export function searchableTypesOf(identifiers: CustomerTabLayout['identifiers'] = {}): string[] {
  const searchable = (type: string) => (Object.hasOwn(identifiers, type) ? identifiers[type].searchable : undefined);
  return [
    ...SEARCHABLE_BY_DEFAULT.filter((type) => searchable(type) !== false),
    ...Object.keys(identifiers).filter((type) => !SEARCHABLE_BY_DEFAULT.includes(type) && searchable(type) === true),
  ];
}

/**
 * An agent's typed search, read as parseTypedIdentifier reads it (a bare email or phone counts as
 * its type), then refused with 400 identifier_not_searchable when its type is not one agents may
 * search by (`settings.searchableTypes`): an admin's choice holds on the server, not only in the tab.
 */
export function parseSearchedIdentifier(text: string, settings: SegmentSettings): IdentifierCandidate {
  const candidate = parseTypedIdentifier(text, settings);
  const { searchableTypes, identifierPriority } = settings;
  if (!searchableTypes || searchableTypes.includes(candidate.type)) return candidate;
  const allowed = searchableTypes.filter((type) => identifierPriority.includes(type));
  throw new ApiError(
    400,
    'identifier_not_searchable',
    `Agents do not search by ${candidate.type} here (the Unify view's Customer tab layout sets which identifiers are searchable): ${
      allowed.length > 0 ? `search by ${allowed.join(', ')}.` : 'no identifier is searchable now.'
    }`,
  );
}

/**
 * The profile linked to the task (`taskAttributes.unified_profiles.link`, see `TaskProfileLink`),
 * or undefined when there is none or it is malformed in any way: not an object, a field of the
 * wrong type, a `segment_id` that is not `use_` and letters/digits, an `identifier` that does not
 * parse as a typed search would (`parseTypedIdentifier`: its type must still be a configured
 * identifier), `linked_at` not an ISO time, `linked_by` not `agent` or `studio`.
 *
 * A malformed link is ignored, never an error: the caller then resolves the task's other attributes
 * as if there were no link. A link is written by a plugin or a Studio flow, maybe an older or broken
 * one, and must not cost the agent the customer the task itself names.
 *
 * With a `segment_id` the lookup goes by it (Segment's Profile API accepts the use_ id in place of
 * `type:value`); without one (absent, null or empty: Segment did not reveal it), by the identifier.
 */
export function linkedProfileOf(
  attributes: Record<string, unknown>,
  settings: SegmentSettings,
): LinkedProfile | undefined {
  const link = asRecord(asRecord(attributes[TASK_PROFILE_ATTRIBUTE])?.link);
  if (!link) return undefined;
  const { segment_id: segmentId, identifier, linked_at: linkedAt, linked_by: linkedBy } = link;
  if (linkedBy !== 'agent' && linkedBy !== 'studio') return undefined;
  if (typeof linkedAt !== 'string' || !ISO_TIME.test(linkedAt) || Number.isNaN(Date.parse(linkedAt))) {
    return undefined;
  }
  let bySegmentId: string | undefined;
  if (segmentId !== undefined && segmentId !== null && segmentId !== '') {
    if (typeof segmentId !== 'string' || !SEGMENT_ID.test(segmentId)) return undefined;
    bySegmentId = segmentId;
  }
  if (typeof identifier !== 'string' || identifier.length > MAX_LINKED_IDENTIFIER_LENGTH) return undefined;
  let found: IdentifierCandidate;
  try {
    found = parseTypedIdentifier(identifier, settings);
  } catch {
    return undefined;
  }
  const normalised: TaskProfileLink = {
    ...(bySegmentId ? { segment_id: bySegmentId } : {}),
    identifier: found.key,
    linked_at: linkedAt,
    linked_by: linkedBy,
  };
  const candidate: IdentifierCandidate = bySegmentId
    ? { type: found.type, value: found.value, pathId: bySegmentId, key: bySegmentId, segmentId: bySegmentId }
    : found;
  return { link: normalised, candidate };
}
