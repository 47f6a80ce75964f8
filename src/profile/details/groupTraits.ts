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
  /** A default group's title as a string key; an admin's group's title as the admin wrote it. */
  title: { key: PluginStringKey } | { text: string };
  rows: TraitRow[];
}

/**
 * Default groups for the traits an admin did not place in a group of their own: what an agent asks
 * about first (the account), then where the customer is, then Segment's computed and predictive traits.
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

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** The profile's traits in display groups (the admin's first, in their order), each trait once, in a stable order. */
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

  const shown = (key: string) => !used.has(key) && !hidden.has(key);

  const groups: TraitGroup[] = (profile.presentation?.customerTab?.traitGroups ?? []).map(
    ({ title, traits }, index) => ({
      id: `admin-${index}`,
      title: { text: title },
      // A prediction keeps its typing (a percentile band) in whichever group it is placed.
      rows: traits
        .filter((key) => shown(key) && (has(predictive, key) || has(all, key)))
        .map((key) => rowOf(key, has(predictive, key))),
    }),
  );
  for (const { id, title, traits } of NAMED_GROUPS) {
    groups.push({
      id,
      title: { key: title },
      rows: traits.filter((key) => has(all, key) && shown(key)).map((key) => rowOf(key)),
    });
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  groups.push({
    id: 'computed',
    title: { key: 'UnifiedProfilesGroupComputed' },
    rows: Object.keys(computed)
      .filter(shown)
      .sort(byName)
      .map((key) => rowOf(key)),
  });
  groups.push({
    id: 'predictions',
    title: { key: 'UnifiedProfilesGroupPredictions' },
    rows: Object.keys(predictive)
      .filter(shown)
      .sort(byName)
      .map((key) => rowOf(key, true)),
  });
  groups.push({
    id: 'other',
    title: { key: 'UnifiedProfilesGroupOther' },
    rows: Object.keys(custom)
      .filter(shown)
      .sort(byName)
      .map((key) => rowOf(key)),
  });
  return groups.filter((group) => group.rows.length > 0);
}
