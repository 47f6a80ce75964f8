import type { CustomerTabLayout } from '../../serverless/src/config/unify-contract';
import type { ProfileIdentifier } from '../../serverless/src/profile/types';
import type { PluginStringKey } from '../strings/en';
import type { Translate } from './PluginProviders';
import { humanizeTraitKey } from './humanizeKey';

/** Identifier types agents meet most, by their display names; the rest are humanised. */
const IDENTIFIER_NAMES: Record<string, PluginStringKey> = {
  user_id: 'UnifiedProfilesIdentifierUserId',
  email: 'UnifiedProfilesIdentifierEmail',
  phone: 'UnifiedProfilesIdentifierPhone',
  anonymous_id: 'UnifiedProfilesIdentifierAnonymousId',
  group_id: 'UnifiedProfilesIdentifierGroupId',
  ga_client_id: 'UnifiedProfilesIdentifierGaClientId',
};

/** Per identifier type, the display name and searchability an admin set (as /profile answers them). */
export type IdentifierSettings = CustomerTabLayout['identifiers'];

/** The admin's setting for a type, never something inherited (a type may be named `constructor`). */
export function identifierSettingOf(settings: IdentifierSettings, type: string) {
  return settings && Object.prototype.hasOwnProperty.call(settings, type) ? settings[type] : undefined;
}

/** An identifier type's display name: the admin's, else the plugin's, else humanised. */
export function identifierTypeName(type: string, t: Translate, settings?: IdentifierSettings): string {
  const label = identifierSettingOf(settings, type)?.label;
  if (label) return label;
  const key = Object.prototype.hasOwnProperty.call(IDENTIFIER_NAMES, type) ? IDENTIFIER_NAMES[type] : undefined;
  return key ? t(key) : humanizeTraitKey(type);
}

type Identifier = Pick<ProfileIdentifier, 'type' | 'value' | 'display'>;

/**
 * The value as people read it: the Functions' `display` (phones in international format, made
 * with libphonenumber on the server so the bundle does not carry its metadata), else as stored.
 */
export function readableValue(identifier: Identifier, known: Identifier[] = []): string {
  const same = known.find(({ type, value }) => type === identifier.type && value === identifier.value);
  return identifier.display ?? same?.display ?? identifier.value;
}

/** "phone +1 415 555 0100": an identifier in words, for "Matched by …" and "No customer matched …". */
export function identifierInWords(
  identifier: Identifier,
  t: Translate,
  known: Identifier[] = [],
  settings?: IdentifierSettings,
): string {
  const name = identifierTypeName(identifier.type, t, settings);
  // Lower case mid-sentence, but an acronym ("ID") keeps its capitals.
  const inSentence = /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return `${inSentence} ${readableValue(identifier, known)}`;
}
