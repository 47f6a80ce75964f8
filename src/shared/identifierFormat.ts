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

/** The plugin's name for an identifier type, else the type humanised. */
function builtInTypeName(type: string, t: Translate): string {
  const key = Object.prototype.hasOwnProperty.call(IDENTIFIER_NAMES, type) ? IDENTIFIER_NAMES[type] : undefined;
  return key ? t(key) : humanizeTraitKey(type);
}

/** An identifier type's display name: the admin's, else the plugin's, else humanised. */
export function identifierTypeName(type: string, t: Translate, settings?: IdentifierSettings): string {
  return identifierSettingOf(settings, type)?.label || builtInTypeName(type, t);
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

/** A built-in name mid-sentence: lower case, but an acronym ("ID") keeps its capitals. */
const builtInInSentence = (name: string) =>
  /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;

/** "phone +1 415 555 0100": an identifier in words, for "Matched by …" and "No customer matched …". */
export function identifierInWords(
  identifier: Identifier,
  t: Translate,
  known: Identifier[] = [],
  settings?: IdentifierSettings,
): string {
  // An admin's name is kept as typed ("Zendesk ID"): it may be a brand or a proper noun.
  const label = identifierSettingOf(settings, identifier.type)?.label;
  return `${label || builtInInSentence(builtInTypeName(identifier.type, t))} ${readableValue(identifier, known)}`;
}
