import { IdentifierSettings, identifierSettingOf } from '../../shared/identifierFormat';
import type { PluginStringKey } from '../../strings/en';

/** The identifier types an agent can search by unless an admin turns them off in the Unify view. */
export const SEARCH_TYPES = ['email', 'phone', 'user_id', 'anonymous_id'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The search's type choices: the default ones an admin did not turn off, then the ones they made searchable. */
export function searchTypesOf(settings?: IdentifierSettings): string[] {
  const defaults: readonly string[] = SEARCH_TYPES;
  const added = Object.keys(settings ?? {}).filter(
    (type) => !defaults.includes(type) && identifierSettingOf(settings, type)?.searchable === true,
  );
  return [...defaults.filter((type) => isSearchableType(type, settings)), ...added];
}

/**
 * Whether an agent may search by a type, as /profile decides it: a default one unless an admin
 * turned it off, another only when an admin made it searchable.
 */
export function isSearchableType(type: string, settings?: IdentifierSettings): boolean {
  const searchable = identifierSettingOf(settings, type)?.searchable;
  return (SEARCH_TYPES as readonly string[]).includes(type) ? searchable !== false : searchable === true;
}

const EMAIL_SHAPE = /^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$/;
const PHONE_SHAPE = /^\+?[0-9().\-\s]{3,32}$/;
const TYPED = /^([a-z][a-z0-9_.]{0,63}):(.+)$/i;
const CHANNEL_PREFIX = /^(whatsapp|sms|tel|client):/i;
// Characters the Functions refuse in an identifier value (they would change the Segment URL).
const UNSAFE_IN_ID = /[\s/\\?#%]/;

/** The customer's address on the task, as Flex reads it, for "No customer matched …" and to prefill the search. */
export function taskContactOf(attributes: Record<string, unknown>): { type: SearchType; value: string } | undefined {
  const pre = attributes.pre_engagement_data as Record<string, unknown> | undefined;
  const customers = attributes.customers as Record<string, unknown> | undefined;
  const candidates = [
    attributes.outbound_to,
    attributes.customerAddress,
    attributes.from,
    pre?.email,
    customers?.email,
    customers?.phone,
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const value = candidate.replace(CHANNEL_PREFIX, '').trim();
    if (EMAIL_SHAPE.test(value)) return { type: 'email', value: value.toLowerCase() };
    if (PHONE_SHAPE.test(value) && /\d{5}/.test(value.replace(/\D/g, ''))) return { type: 'phone', value };
  }
  return undefined;
}

/**
 * The type a bare value most plausibly is, among the search's choices: an email, a phone number,
 * else a user id, else the first choice; undefined only when there is no choice at all.
 */
export function guessSearchType(value: string, choices: readonly string[] = SEARCH_TYPES): string | undefined {
  const text = value.trim();
  const looksLike = text.includes('@') ? 'email' : PHONE_SHAPE.test(text) && /\d/.test(text) ? 'phone' : 'user_id';
  return [looksLike, 'user_id'].find((type) => choices.includes(type)) ?? choices[0];
}

/** `type:value` as typed by someone who knows Segment; the picker's type is used otherwise. */
export function splitTypedValue(value: string): { type?: string; value: string } {
  const match = TYPED.exec(value.trim());
  return match && !/^(whatsapp|sms|tel)$/i.test(match[1])
    ? { type: match[1].toLowerCase(), value: match[2].trim() }
    : { value: value.trim() };
}

/** What is wrong with a value for a type, in the agent's words; undefined when it can be searched. */
export function searchValueProblem(type: string, value: string): PluginStringKey | undefined {
  if (value === '') return 'UnifiedProfilesSearchEmpty';
  if (type === 'email') return EMAIL_SHAPE.test(value) ? undefined : 'UnifiedProfilesSearchBadEmail';
  // The shape only: the Functions check the number itself (and read a national one in their default country).
  if (type === 'phone')
    return PHONE_SHAPE.test(value) && /\d{4}/.test(value) ? undefined : 'UnifiedProfilesSearchBadPhone';
  return UNSAFE_IN_ID.test(value) ? 'UnifiedProfilesSearchBadId' : undefined;
}
