import { z } from 'zod';

import type { CustomerTabLayout } from '../config/unify-contract';
import { fromJsonText, IDENTIFIER_TYPE_SHAPE, MAX_IDENTIFIER_TYPES, TRAIT_NAME_SHAPE } from './setting-shapes';

/** Limits that keep the layout readable for agents and the whole config inside Sync's 16 KiB document. */
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

const traitName = z
  .string({ invalid_type_error: 'a trait name must be text' })
  .regex(
    TRAIT_NAME_SHAPE,
    'is not a trait name: letters, digits, _ . : and -, at most 100 characters, as Segment shows it',
  );

const label = (chars: number, whenEmpty = 'is empty: leave it out to use the default') =>
  z
    .string({ invalid_type_error: 'must be text' })
    .trim()
    .min(1, whenEmpty)
    .max(chars, `is longer than ${chars} characters`);

/** An event property as Segment keeps it (`revenue`, `order_id`, `context.page.path`): any text without control characters. */
const propertyName = z
  .string({ invalid_type_error: 'must be a property name' })
  .trim()
  .min(1, 'is empty: leave it out')
  .max(LAYOUT_LIMITS.propertyChars, `is longer than ${LAYOUT_LIMITS.propertyChars} characters`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f]+$/, 'holds control characters');

/** A task attribute, or a path into one (`pre_engagement_data.customer_email`), as Flex task attributes name them. */
const taskAttribute = z
  .string({ invalid_type_error: 'must be a task attribute name' })
  .regex(
    /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z_][A-Za-z0-9_-]{0,63}){0,3}$/,
    'is not a task attribute name: letters, digits, _ and -, with dots into nested attributes, such as pre_engagement_data.email',
  );

const unique = <T>(list: T[], key: (item: T) => string) => new Set(list.map(key)).size === list.length;

const layoutSchema = z
  .object(
    {
      header: z
        .object({
          nameTraits: z
            .array(traitName)
            .min(1, 'needs at least one trait (or leave it out to use name, or first_name and last_name)')
            .max(LAYOUT_LIMITS.nameTraits, `takes at most ${LAYOUT_LIMITS.nameTraits} traits`)
            .optional(),
          secondaryTrait: traitName.optional(),
          avatarTrait: traitName.optional(),
        })
        .strict('has only nameTraits, secondaryTrait and avatarTrait')
        .optional(),
      traitGroups: z
        .array(
          z
            .object({
              title: label(LAYOUT_LIMITS.groupTitleChars, 'needs a name agents will read, such as Billing'),
              traits: z
                .array(traitName)
                .min(1, 'needs at least one trait')
                .max(LAYOUT_LIMITS.traitsPerGroup, `takes at most ${LAYOUT_LIMITS.traitsPerGroup} traits`),
            })
            .strict('has only a title and traits'),
        )
        .max(LAYOUT_LIMITS.traitGroups, `take at most ${LAYOUT_LIMITS.traitGroups} groups`)
        .refine((groups) => unique(groups, (group) => group.title.toLowerCase()), 'need a different title each')
        .refine(
          (groups) =>
            unique(
              groups.flatMap((group) => group.traits),
              String,
            ),
          'list each trait in one group only',
        )
        .optional(),
      historyEvents: z
        .array(
          z
            .object({
              event: z
                .string({ invalid_type_error: 'must be an event name' })
                .trim()
                .min(1, 'needs the event name as Segment shows it, such as Order Completed')
                .max(LAYOUT_LIMITS.eventNameChars, `is longer than ${LAYOUT_LIMITS.eventNameChars} characters`),
              label: label(LAYOUT_LIMITS.labelChars).optional(),
              dateProperty: propertyName.optional(),
              primaryProperty: propertyName.optional(),
              secondaryProperty: propertyName.optional(),
            })
            .strict('has only event, label, dateProperty, primaryProperty and secondaryProperty'),
        )
        .max(LAYOUT_LIMITS.historyEvents, `take at most ${LAYOUT_LIMITS.historyEvents} events`)
        .refine((events) => unique(events, (event) => event.event), 'list each event once')
        .optional(),
      identifiers: z
        .record(
          z.string().regex(IDENTIFIER_TYPE_SHAPE, 'is not a Segment identifier type, such as email or phone'),
          z
            .object({
              label: label(LAYOUT_LIMITS.labelChars).optional(),
              searchable: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
              taskAttributes: z
                .array(taskAttribute)
                .max(
                  LAYOUT_LIMITS.taskAttributesPerIdentifier,
                  `take at most ${LAYOUT_LIMITS.taskAttributesPerIdentifier} task attributes`,
                )
                .optional(),
            })
            .strict('has only label, searchable and taskAttributes'),
        )
        .refine(
          (types) => Object.keys(types).length <= MAX_IDENTIFIER_TYPES,
          `set at most ${MAX_IDENTIFIER_TYPES} identifier types`,
        )
        .optional(),
    },
    { invalid_type_error: 'must be an object with header, traitGroups, historyEvents and identifiers' },
  )
  .strict('has only header, traitGroups, historyEvents and identifiers');

const PART_NAMES: Record<string, string> = {
  header: 'Header',
  nameTraits: 'name traits',
  secondaryTrait: 'line under the name',
  avatarTrait: 'picture trait',
  traitGroups: 'Trait groups',
  title: 'title',
  traits: 'traits',
  historyEvents: 'History events',
  event: 'event',
  label: 'display name',
  dateProperty: 'date property',
  primaryProperty: 'first property',
  secondaryProperty: 'second property',
  identifiers: 'Identifiers',
  searchable: 'searchable',
  taskAttributes: 'task attributes',
};

const quotedName = (name: string) => `'${name.slice(0, 40)}'`;

/** `['traitGroups', 1, 'title']` → "Trait groups › group 2 › title", in the words of the Unify view. */
function where(path: (string | number)[]): string {
  const parts: string[] = [];
  path.forEach((part, index) => {
    if (typeof part === 'number') {
      const parent = path[index - 1];
      const noun = parent === 'traitGroups' ? 'group' : parent === 'historyEvents' ? 'event' : 'item';
      parts.push(`${noun} ${part + 1}`);
    } else if (index === 1 && path[0] === 'identifiers') {
      // An identifier type is the admin's word, even one spelt like a field (label) or Object's (constructor).
      parts.push(quotedName(part));
    } else {
      parts.push(Object.hasOwn(PART_NAMES, part) ? PART_NAMES[part] : quotedName(part));
    }
  });
  return parts.join(' › ') || 'The Customer tab layout';
}

/**
 * The identifier types a layout reads from task attributes or offers agents to search by: /profile
 * does either only for a type in the identifier priority.
 */
export function identifierTypesUsed(layout: CustomerTabLayout | null | undefined): string[] {
  return Object.entries(layout?.identifiers ?? {}).flatMap(([type, { searchable, taskAttributes }]) =>
    searchable === true || (taskAttributes?.length ?? 0) > 0 ? [type] : [],
  );
}

/** Why a layout cannot set `type`'s task attributes or search: the type is not in the identifier priority. */
export const outsidePriorityMessage = (type: string) =>
  `Identifiers › ${quotedName(type)}: add ${type} to the identifier priority first (its task attributes and search are used only for types in the priority).`;

/** Drops empty parts, so a layout that sets nothing is stored as nothing. */
function withoutEmptyParts(layout: CustomerTabLayout): CustomerTabLayout {
  const kept: CustomerTabLayout = {};
  if (layout.header && Object.keys(layout.header).length > 0) kept.header = layout.header;
  if (layout.traitGroups?.length) kept.traitGroups = layout.traitGroups;
  if (layout.historyEvents?.length) kept.historyEvents = layout.historyEvents;
  if (layout.identifiers && Object.keys(layout.identifiers).length > 0) kept.identifiers = layout.identifiers;
  return kept;
}

/** A saved layout as the store reads it back: a damaged one is no layout (the defaults apply). */
export function readStoredLayout(value: unknown): CustomerTabLayout | null {
  const parsed = layoutSchema.safeParse(value);
  return parsed.success ? withoutEmptyParts(parsed.data) : null;
}

/**
 * The layout a /unify-config write sends (a form post sends it as JSON text); an empty text or {}
 * clears it. The message names where the fault is, in the view's words.
 */
export const customerTabWrite = z.preprocess(
  fromJsonText,
  z.unknown().transform((value, ctx): CustomerTabLayout | null => {
    if (value === null) return null;
    const parsed = layoutSchema.safeParse(value);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${where(issue.path)} ${issue.message}.` });
      return z.NEVER;
    }
    if (Buffer.byteLength(JSON.stringify(parsed.data)) > LAYOUT_LIMITS.bytes) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'The Customer tab layout is too long together: use fewer groups or events, or shorter names.',
      });
      return z.NEVER;
    }
    const layout = withoutEmptyParts(parsed.data);
    return Object.keys(layout).length > 0 ? layout : null;
  }),
);
