import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { Translate } from '../../shared/PluginProviders';

/** Agents can search by these unless an admin turns it off (unify-contract.ts, CustomerTabLayout.identifiers). */
const SEARCHABLE_BY_DEFAULT = ['email', 'phone', 'user_id', 'anonymous_id'];
export const searchableByDefault = (type: string) => SEARCHABLE_BY_DEFAULT.includes(type);

/** A trait group as the admin types it: traits as comma-separated text; `key` keeps its inputs while it moves. */
export interface TraitGroupDraft {
  key: string;
  title: string;
  traits: string;
}

/** A history event as the admin types it; '' is "not set". */
export interface HistoryEventDraft {
  key: string;
  event: string;
  label: string;
  dateProperty: string;
  primaryProperty: string;
  secondaryProperty: string;
}

export interface IdentifierDraft {
  label: string;
  searchable: boolean;
  /** Comma-separated. */
  taskAttributes: string;
}

/** The layout as the editor holds it while the admin types: lists are comma-separated text. */
export interface CustomerTabLayoutDraft {
  nameTraits: string;
  secondaryTrait: string;
  avatarTrait: string;
  traitGroups: TraitGroupDraft[];
  historyEvents: HistoryEventDraft[];
  /** By identifier type; a type without an entry has the defaults (identifierDraft). */
  identifiers: Record<string, IdentifierDraft>;
}

export const HEADER_FIELDS = {
  nameTraits: 'name-traits',
  secondaryTrait: 'secondary-trait',
  avatarTrait: 'avatar-trait',
} as const;

/** Problems about a whole list or the whole layout, shown as soon as they exist (no field to leave). */
export const SECTION_FIELDS = { traitGroups: 'trait-groups', historyEvents: 'history-events', layout: 'layout' };

export const layoutElementId = (field: string) => `unified-profiles-unify-layout-${field}`;
export const groupField = (group: TraitGroupDraft, part: 'title' | 'traits') => `group-${group.key}-${part}`;
export const eventField = (event: HistoryEventDraft, part: Exclude<keyof HistoryEventDraft, 'key'>) =>
  `event-${event.key}-${part}`;
export const identifierField = (type: string, part: 'label' | 'taskAttributes') => `identifier-${type}-${part}`;

let rowCount = 0;
const rowKey = (kind: 'group' | 'event') => `${kind}${++rowCount}`;

export const newTraitGroup = (): TraitGroupDraft => ({ key: rowKey('group'), title: '', traits: '' });
export const newHistoryEvent = (): HistoryEventDraft => ({
  key: rowKey('event'),
  event: '',
  label: '',
  dateProperty: '',
  primaryProperty: '',
  secondaryProperty: '',
});

/** A type's entry, else its defaults; own entries only, since `constructor` is an identifier type too. */
export const identifierDraft = (draft: CustomerTabLayoutDraft, type: string): IdentifierDraft =>
  Object.prototype.hasOwnProperty.call(draft.identifiers, type)
    ? draft.identifiers[type]
    : { label: '', searchable: searchableByDefault(type), taskAttributes: '' };

/** A saved layout (or none) as the editor's draft. */
export function layoutDraft(layout: CustomerTabLayout | undefined): CustomerTabLayoutDraft {
  return {
    nameTraits: (layout?.header?.nameTraits ?? []).join(', '),
    secondaryTrait: layout?.header?.secondaryTrait ?? '',
    avatarTrait: layout?.header?.avatarTrait ?? '',
    traitGroups: (layout?.traitGroups ?? []).map(({ title, traits }) => ({
      ...newTraitGroup(),
      title,
      traits: traits.join(', '),
    })),
    historyEvents: (layout?.historyEvents ?? []).map((event) => ({
      ...newHistoryEvent(),
      event: event.event,
      label: event.label ?? '',
      dateProperty: event.dateProperty ?? '',
      primaryProperty: event.primaryProperty ?? '',
      secondaryProperty: event.secondaryProperty ?? '',
    })),
    identifiers: Object.fromEntries(
      Object.entries(layout?.identifiers ?? {}).map(([type, { label, searchable, taskAttributes }]) => [
        type,
        {
          label: label ?? '',
          searchable: searchable ?? searchableByDefault(type),
          taskAttributes: (taskAttributes ?? []).join(', '),
        },
      ]),
    ),
  };
}

/** How messages and buttons name a group: its title, else "Group 2". */
export function groupName(group: TraitGroupDraft, n: number, t: Translate): string {
  return group.title.trim() || t('UnifiedProfilesUnifyLayoutGroupNumber', { n });
}
