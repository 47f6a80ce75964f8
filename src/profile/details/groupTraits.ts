import type { CustomerProfile, TraitValue } from '../../../serverless/src/profile/types';
import type { PluginStringKey } from '../../strings/en';
import { displayFieldType, TraitFieldType, traitDisplayOf } from '../format/traitFormat';
import { headerTraitsOf } from '../header/headerLayout';

export interface TraitRow {
  key: string;
  value: TraitValue;
  type: TraitFieldType;
  /** The display name an admin set in the Unify view; without it the key is humanized. */
  label?: string;
  /** For a currency an admin set: its ISO 4217 code. */
  currency?: string;
}

export interface TraitGroup {
  id: string;
  title: PluginStringKey;
  rows: TraitRow[];
}

/**
 * Default groups until an admin configures their own in the Unify view: what an agent asks about
 * first (the account), then where the customer is, then Segment's computed and predictive traits.
 */
const NAMED_GROUPS: { id: string; title: PluginStringKey; traits: string[] }[] = [
  {
    id: 'account',
    title: 'UnifiedProfilesGroupAccount',
    traits: ['plan', 'status', 'tier', 'lifetime_value', 'ltv', 'total_spent', 'predicted_ltv', 'currency'],
  },
  {
    id: 'contact',
    title: 'UnifiedProfilesGroupContact',
    traits: ['city', 'state', 'country', 'address', 'timezone', 'language', 'preferred_channel', 'preferred_language'],
  },
];

/** Traits whose value is one of the profile's identifiers (email, phone…): the identifiers list shows them once. */
function identifierTraits(profile: CustomerProfile): Set<string> {
  const values = new Set(profile.identifiers.map(({ type, value }) => `${type}:${String(value).toLowerCase()}`));
  const custom = profile.traits.custom;
  return new Set(Object.keys(custom).filter((key) => values.has(`${key}:${String(custom[key]).toLowerCase()}`)));
}

/** The profile's traits in display groups, each trait once, in a stable order. */
export function groupTraits(profile: CustomerProfile): TraitGroup[] {
  const { custom, computed, predictive } = profile.traits;
  // Shown in the header or the identifiers list, so never again here.
  const hidden = new Set([...headerTraitsOf(profile), ...identifierTraits(profile)]);
  const used = new Set<string>();
  const all: Record<string, TraitValue> = { ...custom, ...computed };
  const rowOf = (key: string, isPrediction = false): TraitRow => {
    used.add(key);
    const value = isPrediction ? predictive[key] : all[key];
    const display = traitDisplayOf(profile.presentation?.traitDisplay, key);
    const type = displayFieldType(key, value, isPrediction, display);
    const row: TraitRow = { key, value, type };
    if (display?.label) row.label = display.label;
    if (type === 'currency' && display?.currency) row.currency = display.currency;
    return row;
  };

  const groups: TraitGroup[] = NAMED_GROUPS.map(({ id, title, traits }) => ({
    id,
    title,
    rows: traits.filter((key) => key in all && !hidden.has(key)).map((key) => rowOf(key)),
  }));
  const byName = (a: string, b: string) => a.localeCompare(b);
  groups.push({
    id: 'computed',
    title: 'UnifiedProfilesGroupComputed',
    rows: Object.keys(computed)
      .filter((key) => !used.has(key) && !hidden.has(key))
      .sort(byName)
      .map((key) => rowOf(key)),
  });
  groups.push({
    id: 'predictions',
    title: 'UnifiedProfilesGroupPredictions',
    rows: Object.keys(predictive)
      .filter((key) => !hidden.has(key))
      .sort(byName)
      .map((key) => rowOf(key, true)),
  });
  groups.push({
    id: 'other',
    title: 'UnifiedProfilesGroupOther',
    rows: Object.keys(custom)
      .filter((key) => !used.has(key) && !hidden.has(key))
      .sort(byName)
      .map((key) => rowOf(key)),
  });
  return groups.filter((group) => group.rows.length > 0);
}
