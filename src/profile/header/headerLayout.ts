import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { CustomerProfile, TraitValue } from '../../../serverless/src/profile/types';

type HeaderLayout = NonNullable<CustomerTabLayout['header']>;

/** The traits Segment's display name is made of: shown by the header unless an admin named others. */
const DEFAULT_NAME_TRAITS = ['name', 'first_name', 'last_name', 'firstName', 'lastName'];
const DEFAULT_SECONDARY_TRAIT = 'company';

export const headerLayoutOf = (profile: CustomerProfile): HeaderLayout =>
  profile.presentation?.customerTab?.header ?? {};

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** A trait of any class by name, and whether it is a prediction (its value is a percentile). */
export function headerTraitOf(
  profile: CustomerProfile,
  key: string,
): { value: TraitValue; isPrediction: boolean } | undefined {
  const { custom, computed, predictive } = profile.traits;
  const value = own(custom, key) ?? own(computed, key);
  if (value !== undefined) return { value, isPrediction: false };
  const prediction = own(predictive, key);
  return prediction === undefined ? undefined : { value: prediction, isPrediction: true };
}

const nameWord = (value: TraitValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** The admin's name traits that hold a value, joined; undefined when none does (or none is set). */
function namedByTraits(profile: CustomerProfile): string | undefined {
  const words = (headerLayoutOf(profile).nameTraits ?? [])
    .map((key) => nameWord(headerTraitOf(profile, key)?.value))
    .filter(Boolean);
  return words.length > 0 ? words.join(' ') : undefined;
}

/** The customer's name in the header: the admin's name traits, else Segment's display name. */
export function headerNameOf(profile: CustomerProfile): string | undefined {
  return namedByTraits(profile) ?? profile.displayName ?? undefined;
}

/**
 * The picture's address, when the admin's picture trait holds an https one. Anything else (http,
 * javascript:, data:, not an address) is no picture: the initials are shown.
 */
export function avatarUrlOf(profile: CustomerProfile): string | undefined {
  const key = headerLayoutOf(profile).avatarTrait;
  const value = key ? headerTraitOf(profile, key)?.value : undefined;
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The traits the header shows, so the details below never show them again. */
export function headerTraitsOf(profile: CustomerProfile): Set<string> {
  const { nameTraits, secondaryTrait, avatarTrait } = headerLayoutOf(profile);
  // When the admin's name traits are all empty the header falls back to the display name, made of the defaults.
  const nameFrom = namedByTraits(profile) ? (nameTraits ?? []) : [...(nameTraits ?? []), ...DEFAULT_NAME_TRAITS];
  const shown = new Set([...nameFrom, secondaryTrait ?? DEFAULT_SECONDARY_TRAIT]);
  // Hidden only behind a picture: a trait that shows none (unset, not https) is read in the details.
  if (avatarTrait && avatarUrlOf(profile)) shown.add(avatarTrait);
  return shown;
}
