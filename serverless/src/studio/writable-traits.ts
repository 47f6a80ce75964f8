import { ApiError } from '../http/api-error';
import { contextValue, type FunctionContext } from '../http/twilio-runtime';

/** How a writable trait's value is read from its (text) form field. */
export type TraitKind = 'string' | 'number' | 'boolean' | 'date';

export interface WritableTrait {
  name: string;
  kind: TraitKind;
}

export const WRITABLE_TRAITS_VARIABLE = 'UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS';

const KINDS: readonly TraitKind[] = ['string', 'number', 'boolean', 'date'];
const TRAIT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/**
 * Who a profile is, never written from a flow: a flow can neither give a profile another user_id
 * nor, by an email or phone trait, merge it with another profile. Compared without case or `_`.
 */
const IDENTITY_TRAITS = new Set(['userid', 'anonymousid', 'id', 'segmentid', 'email', 'phone']);
const identityKey = (name: string) => name.toLowerCase().replace(/_/g, '');

const MAX_TEXT_CHARS = 256;
const NUMBER = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,10})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const CONTROL_OR_BROKEN = /[\p{Cc}\p{Cs}]/u;

const misconfigured = (detail: string) =>
  new ApiError(503, 'not_configured', `${WRITABLE_TRAITS_VARIABLE} ${detail} (a comma list of name or name:type).`);

/**
 * The traits an admin lets a flow write: UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS, a comma list of
 * `name` or `name:type` (string by default; number, boolean, date). Empty or unset: none. An entry
 * that is malformed or names an identifier (user_id, anonymous_id, email, phone, or any identifier
 * type the space resolves by) makes every write a 503, so the mistake is seen rather than skipped.
 */
export function writableTraitsOf(context: FunctionContext, identifierTypes: string[]): Map<string, WritableTrait> {
  const allowed = new Map<string, WritableTrait>();
  const identity = new Set([...IDENTITY_TRAITS, ...identifierTypes.map(identityKey)]);
  for (const entry of (contextValue(context, WRITABLE_TRAITS_VARIABLE) ?? '').split(',')) {
    const text = entry.trim();
    if (!text) continue;
    const [name, kind = 'string', ...rest] = text.split(':').map((part) => part.trim());
    if (!TRAIT_NAME.test(name) || rest.length > 0) {
      throw misconfigured(`holds "${text.slice(0, 40)}", which is not a trait name (letters, digits and _)`);
    }
    if (!KINDS.includes(kind as TraitKind)) {
      throw misconfigured(`gives ${name} the type "${kind.slice(0, 20)}"; the types are ${KINDS.join(', ')}`);
    }
    if (identity.has(identityKey(name))) {
      throw misconfigured(`lists ${name}, an identifier: a flow never changes who a profile is`);
    }
    allowed.set(name, { name, kind: kind as TraitKind });
  }
  return allowed;
}

const invalidTrait = (name: string, problem: string) => new ApiError(400, 'invalid_trait', `trait.${name} ${problem}.`);

/** A form field's text as the trait's value, or 400 invalid_trait saying what is wrong. */
export function traitValueOf(trait: WritableTrait, raw: string): string | number | boolean {
  const text = raw.trim();
  if (CONTROL_OR_BROKEN.test(text)) throw invalidTrait(trait.name, 'contains control or broken characters');
  if (text === '') throw invalidTrait(trait.name, 'is empty');
  switch (trait.kind) {
    case 'number':
      if (!NUMBER.test(text)) throw invalidTrait(trait.name, 'must be a number such as 42 or 4.5');
      return Number(text);
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw invalidTrait(trait.name, 'must be true or false');
      return text === 'true';
    case 'date':
      if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) {
        throw invalidTrait(trait.name, 'must be an ISO 8601 date such as 2026-11-20 or 2026-11-20T10:00:00Z');
      }
      return text;
    default:
      if (text.length > MAX_TEXT_CHARS) throw invalidTrait(trait.name, `is longer than ${MAX_TEXT_CHARS} characters`);
      return text;
  }
}
