import { ApiError } from '../http/api-error';
import type { FunctionContext } from '../http/twilio-runtime';
import { searchableTypesOf } from '../profile/identity';
import { DEFAULT_PROFILE_API_URL, withSettingDefaults, type SegmentSettings } from '../profile/settings';
import { savedSettings } from '../unify-config/saved-settings';
import { environmentSettings, type SegmentSettingsInput, type SettingsSource } from './settings-source';

/** The environment's defaults, then what an admin saved in the Unify tab on top (design.md). */
export const SETTINGS_SOURCES: readonly SettingsSource[] = [environmentSettings, savedSettings];

/** The variable each required or checked setting is read from, for messages that name it. */
const VARIABLE_OF = {
  spaceId: 'SEGMENT_SPACE_ID',
  profileApiToken: 'SEGMENT_PROFILE_API_TOKEN',
  profileApiUrl: 'SEGMENT_PROFILE_API_URL',
  defaultCountry: 'SEGMENT_DEFAULT_COUNTRY',
} as const;

function merge(layers: SegmentSettingsInput[]): SegmentSettingsInput {
  const merged: SegmentSettingsInput = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer) as Array<[keyof SegmentSettingsInput, unknown]>) {
      if (value !== undefined && value !== '') Object.assign(merged, { [name]: value });
    }
  }
  return merged;
}

function notConfigured(message: string): ApiError {
  return new ApiError(503, 'not_configured', message);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The Basic token travels with every call: https, except to a simulator on this machine's loopback. */
function isSafeProfileApiUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}

/** Settings problems that make every lookup fail: named by variable, never showing a value. */
function checkSettings(input: SegmentSettingsInput): void {
  const missing = missingSettings(input);
  if (missing.length > 0) {
    const names = missing.join(' and ');
    throw notConfigured(
      `Segment is not configured: set ${names} for the Functions, or connect a space in the Unify tab.`,
    );
  }
  if (input.profileApiUrl && !isSafeProfileApiUrl(input.profileApiUrl)) {
    throw notConfigured(
      `${VARIABLE_OF.profileApiUrl} must be an https URL such as ${DEFAULT_PROFILE_API_URL} (plain http only on loopback).`,
    );
  }
  if (input.defaultCountry && !/^[A-Za-z]{2}$/.test(input.defaultCountry)) {
    throw notConfigured(`${VARIABLE_OF.defaultCountry} must be a two-letter country code such as US or GB.`);
  }
}

/**
 * The Segment settings for this request: each source in turn (environment first), later ones
 * overriding earlier ones; 503 not_configured when the space or token is missing.
 */
export async function readSegmentSettings(
  context: FunctionContext,
  sources: readonly SettingsSource[] = SETTINGS_SOURCES,
): Promise<SegmentSettings> {
  return checkedSettings(await readSettingsInput(context, sources));
}

/** The merged settings a lookup uses; 503 not_configured when the space or token is missing. */
export function checkedSettings(merged: SegmentSettingsInput): SegmentSettings {
  checkSettings(merged);
  const identifierAttributes = Object.fromEntries(
    Object.entries(merged.customerTab?.identifiers ?? {}).flatMap(([type, { taskAttributes }]) =>
      taskAttributes?.length ? [[type, taskAttributes]] : [],
    ),
  );
  const searchableTypes = searchableTypesOf(merged.customerTab?.identifiers);
  return withSettingDefaults({ ...merged, identifierAttributes, searchableTypes });
}

/** The merged settings as the sources hold them, unchecked: for showing what is (not) configured. */
export async function readSettingsInput(
  context: FunctionContext,
  sources: readonly SettingsSource[] = SETTINGS_SOURCES,
): Promise<SegmentSettingsInput> {
  return merge(await Promise.all(sources.map((source) => source.read(context))));
}

/** The variables a lookup needs that are not set, by name. */
export function missingSettings(input: SegmentSettingsInput): string[] {
  return (['spaceId', 'profileApiToken'] as const).filter((name) => !input[name]).map((name) => VARIABLE_OF[name]);
}
