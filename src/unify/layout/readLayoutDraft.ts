import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import { identifierTypeName } from '../../shared/identifierFormat';
import type { Translate } from '../../shared/PluginProviders';
import type { CustomerTabLayoutDraft, HistoryEventDraft, TraitGroupDraft } from './layoutDraft';
import {
  eventField,
  groupField,
  groupName,
  HEADER_FIELDS,
  identifierField,
  SECTION_FIELDS,
  searchableByDefault,
} from './layoutDraft';

/** As /unify-config checks a layout (customer-tab-layout.ts, LAYOUT_LIMITS and its name shapes). */
export const LAYOUT_LIMITS = {
  nameTraits: 3,
  traitGroups: 12,
  traitsPerGroup: 40,
  groupTitleChars: 40,
  historyEvents: 30,
  eventNameChars: 200,
  labelChars: 60,
  propertyChars: 100,
  taskAttributesPerIdentifier: 5,
  bytes: 6_000,
} as const;
const TRAIT_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$/;
const TASK_ATTRIBUTE_SHAPE = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z_][A-Za-z0-9_-]{0,63}){0,3}$/;
// eslint-disable-next-line no-control-regex
const PROPERTY_SHAPE = /^[^\u0000-\u001f]+$/;

/** A problem and the field it is shown next to (its `field` names the input: see layoutElementId). */
export interface LayoutProblem {
  field: string;
  message: string;
  /** The fields whose editing shows it; when absent, its own field. */
  revealedBy?: string[];
}

const listOf = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** UTF-8 bytes, as the server measures the layout (Buffer.byteLength), without TextEncoder (jsdom lacks it). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

type AddProblem = (field: string, message: string, revealedBy?: string[]) => void;
const badTrait = (names: string[]) => names.find((name) => !TRAIT_NAME_SHAPE.test(name));

function readHeader(draft: CustomerTabLayoutDraft, t: Translate, add: AddProblem): CustomerTabLayout['header'] {
  const header: NonNullable<CustomerTabLayout['header']> = {};
  const nameTraits = listOf(draft.nameTraits);
  const badName = badTrait(nameTraits);
  if (badName) add(HEADER_FIELDS.nameTraits, t('UnifiedProfilesUnifyLayoutBadTraitInList', { name: badName }));
  else if (nameTraits.length > LAYOUT_LIMITS.nameTraits) {
    add(HEADER_FIELDS.nameTraits, t('UnifiedProfilesUnifyLayoutTooManyNameTraits', { max: LAYOUT_LIMITS.nameTraits }));
  }
  if (nameTraits.length > 0) header.nameTraits = nameTraits;
  for (const part of ['secondaryTrait', 'avatarTrait'] as const) {
    const trait = draft[part].trim();
    if (!trait) continue;
    if (!TRAIT_NAME_SHAPE.test(trait))
      add(HEADER_FIELDS[part], t('UnifiedProfilesUnifyLayoutBadTrait', { name: trait }));
    header[part] = trait;
  }
  return Object.keys(header).length > 0 ? header : undefined;
}

function readGroups(rows: TraitGroupDraft[], t: Translate, add: AddProblem): CustomerTabLayout['traitGroups'] {
  const groups = rows.filter((group) => group.title.trim() || listOf(group.traits).length > 0);
  if (groups.length > LAYOUT_LIMITS.traitGroups) {
    add(
      SECTION_FIELDS.traitGroups,
      t('UnifiedProfilesUnifyLayoutTooManyGroups', { max: LAYOUT_LIMITS.traitGroups, count: groups.length }),
    );
  }
  const groupWithTrait = new Map<string, TraitGroupDraft>();
  const nameOf = (group: TraitGroupDraft) => groupName(group, rows.indexOf(group) + 1, t);
  groups.forEach((group, index) => {
    const n = rows.indexOf(group) + 1;
    const title = group.title.trim();
    const traits = listOf(group.traits);
    const titleField = groupField(group, 'title');
    const traitsField = groupField(group, 'traits');
    const sameTitle = groups.slice(0, index).find((other) => other.title.trim().toLowerCase() === title.toLowerCase());
    if (!title) add(titleField, t('UnifiedProfilesUnifyLayoutGroupNoTitle', { n }));
    else if (title.length > LAYOUT_LIMITS.groupTitleChars) {
      add(titleField, t('UnifiedProfilesUnifyLayoutGroupTitleLong', { n, max: LAYOUT_LIMITS.groupTitleChars }));
    } else if (sameTitle) {
      add(
        titleField,
        t('UnifiedProfilesUnifyLayoutGroupTitleTwice', {
          n,
          other: rows.indexOf(sameTitle) + 1,
          title: sameTitle.title.trim(),
        }),
        [titleField, groupField(sameTitle, 'title')],
      );
    }

    const bad = badTrait(traits);
    const twice = traits.find((trait, at) => traits.indexOf(trait) !== at);
    const elsewhere = traits.find((trait) => groupWithTrait.has(trait));
    if (traits.length === 0) add(traitsField, t('UnifiedProfilesUnifyLayoutGroupNoTraits', { group: nameOf(group) }));
    else if (bad) add(traitsField, t('UnifiedProfilesUnifyLayoutGroupBadTrait', { name: bad, group: nameOf(group) }));
    else if (traits.length > LAYOUT_LIMITS.traitsPerGroup) {
      add(
        traitsField,
        t('UnifiedProfilesUnifyLayoutGroupTooManyTraits', {
          group: nameOf(group),
          count: traits.length,
          max: LAYOUT_LIMITS.traitsPerGroup,
        }),
      );
    } else if (twice) {
      add(traitsField, t('UnifiedProfilesUnifyLayoutTraitTwiceInGroup', { trait: twice, group: nameOf(group) }));
    } else if (elsewhere) {
      const other = groupWithTrait.get(elsewhere)!;
      add(
        traitsField,
        t('UnifiedProfilesUnifyLayoutTraitInTwoGroups', {
          trait: elsewhere,
          group: nameOf(group),
          other: nameOf(other),
        }),
        [traitsField, groupField(other, 'traits')],
      );
    }
    traits.forEach((trait) => {
      if (!groupWithTrait.has(trait)) groupWithTrait.set(trait, group);
    });
  });
  return groups.length > 0
    ? groups.map((group) => ({ title: group.title.trim(), traits: listOf(group.traits) }))
    : undefined;
}

function readEvents(rows: HistoryEventDraft[], t: Translate, add: AddProblem): CustomerTabLayout['historyEvents'] {
  const events = rows.filter((event) =>
    [event.event, event.label, event.dateProperty, event.primaryProperty, event.secondaryProperty].some((part) =>
      part.trim(),
    ),
  );
  if (events.length > LAYOUT_LIMITS.historyEvents) {
    add(
      SECTION_FIELDS.historyEvents,
      t('UnifiedProfilesUnifyLayoutTooManyEvents', { max: LAYOUT_LIMITS.historyEvents, count: events.length }),
    );
  }
  const read = events.map((event, index) => {
    const n = rows.indexOf(event) + 1;
    const name = event.event.trim();
    const nameField = eventField(event, 'event');
    const earlier = events.slice(0, index).find((other) => other.event.trim() === name);
    if (!name) add(nameField, t('UnifiedProfilesUnifyLayoutEventNoName', { n }));
    else if (name.length > LAYOUT_LIMITS.eventNameChars) {
      add(nameField, t('UnifiedProfilesUnifyLayoutEventNameLong', { n, max: LAYOUT_LIMITS.eventNameChars }));
    } else if (earlier) {
      add(nameField, t('UnifiedProfilesUnifyLayoutEventTwice', { event: name, n, other: rows.indexOf(earlier) + 1 }), [
        nameField,
        eventField(earlier, 'event'),
      ]);
    }
    const wire: NonNullable<CustomerTabLayout['historyEvents']>[number] = { event: name };
    const label = event.label.trim();
    if (label.length > LAYOUT_LIMITS.labelChars) {
      add(
        eventField(event, 'label'),
        t('UnifiedProfilesUnifyLayoutEventLabelLong', { n, max: LAYOUT_LIMITS.labelChars }),
      );
    }
    if (label) wire.label = label;
    for (const part of ['dateProperty', 'primaryProperty', 'secondaryProperty'] as const) {
      const property = event[part].trim();
      if (!property) continue;
      if (property.length > LAYOUT_LIMITS.propertyChars || !PROPERTY_SHAPE.test(property)) {
        add(
          eventField(event, part),
          t('UnifiedProfilesUnifyLayoutEventBadProperty', { n, max: LAYOUT_LIMITS.propertyChars }),
        );
      }
      wire[part] = property;
    }
    return wire;
  });
  return read.length > 0 ? read : undefined;
}

function readIdentifiers(
  entries: CustomerTabLayoutDraft['identifiers'],
  t: Translate,
  add: AddProblem,
): CustomerTabLayout['identifiers'] {
  const identifiers: NonNullable<CustomerTabLayout['identifiers']> = {};
  for (const [type, entry] of Object.entries(entries)) {
    const identifier = identifierTypeName(type, t);
    const label = entry.label.trim();
    const attributes = listOf(entry.taskAttributes);
    const badAttribute = attributes.find((attribute) => !TASK_ATTRIBUTE_SHAPE.test(attribute));
    if (label.length > LAYOUT_LIMITS.labelChars) {
      add(
        identifierField(type, 'label'),
        t('UnifiedProfilesUnifyLayoutIdentifierLabelLong', { identifier, max: LAYOUT_LIMITS.labelChars }),
      );
    }
    if (badAttribute) {
      add(
        identifierField(type, 'taskAttributes'),
        t('UnifiedProfilesUnifyLayoutBadTaskAttribute', { name: badAttribute, identifier }),
      );
    } else if (attributes.length > LAYOUT_LIMITS.taskAttributesPerIdentifier) {
      add(
        identifierField(type, 'taskAttributes'),
        t('UnifiedProfilesUnifyLayoutTooManyTaskAttributes', {
          identifier,
          max: LAYOUT_LIMITS.taskAttributesPerIdentifier,
        }),
      );
    }
    const wire: NonNullable<CustomerTabLayout['identifiers']>[string] = {};
    if (label) wire.label = label;
    if (entry.searchable !== searchableByDefault(type)) wire.searchable = entry.searchable;
    if (attributes.length > 0) wire.taskAttributes = attributes;
    if (Object.keys(wire).length > 0) identifiers[type] = wire;
  }
  return Object.keys(identifiers).length > 0 ? identifiers : undefined;
}

/** The layout a draft stands for (blank rows and defaults left out), and every problem in it, in reading order. */
function readDraft(
  draft: CustomerTabLayoutDraft,
  t: Translate,
): { value: CustomerTabLayout; problems: LayoutProblem[] } {
  const problems: LayoutProblem[] = [];
  const add: AddProblem = (field, message, revealedBy) => problems.push({ field, message, revealedBy });
  const parts: CustomerTabLayout = {
    header: readHeader(draft, t, add),
    traitGroups: readGroups(draft.traitGroups, t, add),
    historyEvents: readEvents(draft.historyEvents, t, add),
    identifiers: readIdentifiers(draft.identifiers, t, add),
  };
  const value = Object.fromEntries(Object.entries(parts).filter(([, part]) => part !== undefined)) as CustomerTabLayout;
  if (utf8Bytes(JSON.stringify(value)) > LAYOUT_LIMITS.bytes) {
    add(SECTION_FIELDS.layout, t('UnifiedProfilesUnifyLayoutTooLong'));
  }
  return { value, problems };
}

/** Every problem of the draft, each with the field it belongs next to. */
export function layoutProblems(draft: CustomerTabLayoutDraft, t: Translate): LayoutProblem[] {
  return readDraft(draft, t).problems;
}

/**
 * The layout as /unify-config takes it, or the first problem in the admin's words (then `value`
 * is only a best effort: do not save it). Blank groups and events are left out, and so is
 * anything equal to its default.
 */
export function readLayoutDraft(
  draft: CustomerTabLayoutDraft,
  t: Translate,
): { value: CustomerTabLayout; problem?: string } {
  const { value, problems } = readDraft(draft, t);
  return problems.length > 0 ? { value, problem: problems[0].message } : { value };
}
