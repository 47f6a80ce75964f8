import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

import type { PluginStringKey } from '../../strings/en';
import type { Translate } from '../../shared/PluginProviders';
import { humanizeTraitKey } from './traitFormat';

/** Identifier types agents meet most, by their display names; the rest are humanised. */
const IDENTIFIER_NAMES: Record<string, PluginStringKey> = {
  user_id: 'UnifiedProfilesIdentifierUserId',
  email: 'UnifiedProfilesIdentifierEmail',
  phone: 'UnifiedProfilesIdentifierPhone',
  anonymous_id: 'UnifiedProfilesIdentifierAnonymousId',
  group_id: 'UnifiedProfilesIdentifierGroupId',
  ga_client_id: 'UnifiedProfilesIdentifierGaClientId',
};

export function identifierTypeName(type: string, t: Translate): string {
  const key = IDENTIFIER_NAMES[type];
  return key ? t(key) : humanizeTraitKey(type);
}

/** `+14155550100` → `+1 415 555 0100`: E.164 as people read it; anything else as written. */
export function formatPhoneForReading(value: string): string {
  const phone = parsePhoneNumberFromString(value);
  return phone ? phone.formatInternational() : value;
}

export function formatIdentifierValue(type: string, value: string): string {
  return type === 'phone' ? formatPhoneForReading(value) : value;
}

/** "phone +1 415 555 0100": an identifier in words, for "Matched by …" and "No customer matched …". */
export function identifierInWords(identifier: { type: string; value: string }, t: Translate): string {
  const name = identifierTypeName(identifier.type, t);
  // Lower case mid-sentence, but an acronym ("ID") keeps its capitals.
  const inSentence = /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return `${inSentence} ${formatIdentifierValue(identifier.type, identifier.value)}`;
}
