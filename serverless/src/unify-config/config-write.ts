import { z } from 'zod';

import type { CustomerTabLayout, SegmentRegion, TraitDisplaySetting, UnifySetupStepId } from '../config/unify-contract';
import { ApiError } from '../http/api-error';
import {
  CHANNEL_TYPE_SHAPE,
  IDENTIFIER_TYPE_SHAPE,
  MAX_EXCLUDED_CHANNELS,
  CURRENCY_SHAPE,
  MAX_HIGHLIGHTED_TRAITS,
  MAX_IDENTIFIER_TYPES,
  MAX_TRAIT_DISPLAY_ENTRIES,
  MAX_TRAIT_LABEL_CHARS,
  TRAIT_DISPLAY_TYPES,
  CHECKLIST_FIELD,
  SETTING_FIELDS,
  SETUP_STEP_IDS,
  TRAIT_NAME_SHAPE,
  type SettingField,
} from './config-document';
import { customerTabWrite } from './customer-tab-layout';
import { fromJsonText } from './setting-shapes';

/**
 * A validated write: what to change (null clears), and the revision the admin started from
 * (undefined only for a write of the setup checklist alone, which needs none).
 */
export interface UnifyConfigChange {
  revision?: string | null;
  workspaceSlug?: string | null;
  spaceId?: string | null;
  region?: SegmentRegion;
  profileApiToken?: string | null;
  writeKey?: string | null;
  identifierPriority?: string[] | null;
  engagementExcludedChannels?: string[] | null;
  highlightedTraits?: string[] | null;
  traitDisplay?: Record<string, TraitDisplaySetting> | null;
  customerTab?: CustomerTabLayout | null;
  setupChecklist?: { steps: Partial<Record<UnifySetupStepId, { done: boolean }>> };
}

/** A form post cannot send null: an empty value clears a setting (and is "no revision yet"). */
const emptyAsNull = (value: unknown) => (value === '' ? null : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

function text(what: string) {
  return z.string({ invalid_type_error: `${what} must be text.` });
}

const workspaceSlug = z.preprocess(
  (value) => emptyAsNull(trimmed(value)),
  text('The workspace slug')
    .max(100, 'The workspace slug is at most 100 characters: copy only the part after app.segment.com/.')
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'Use the workspace slug from your Segment address (app.segment.com/<slug>/…): lowercase letters, digits and hyphens, such as acme-support.',
    )
    .nullable(),
);

const spaceId = z.preprocess(
  (value) => emptyAsNull(trimmed(value)),
  text('The Unify space id')
    .max(64, 'A Unify space id is at most 64 characters: copy only the id, such as spa_9aQ1Lj62S4bomZKLF4DPqW.')
    .regex(
      /^spa_[A-Za-z0-9]+$/,
      'A Unify space id starts with spa_ and then letters and digits, such as spa_9aQ1Lj62S4bomZKLF4DPqW (Unify › Unify settings › API access).',
    )
    .nullable(),
);

const region = z.enum(['us', 'eu'], {
  errorMap: () => ({ message: 'Choose us or eu: the region your Segment workspace is hosted in.' }),
});

/** A token or key as Segment shows it: visible characters only, of a length a real one has. */
function secret(name: string, whereFound: string) {
  return z.preprocess(
    emptyAsNull,
    text(name)
      .regex(/^\S*$/, `${name} has a space or line break in it: copy it again from ${whereFound}.`)
      .regex(/^[\x21-\x7e]*$/, `${name} has characters a Segment secret never has: copy it again from ${whereFound}.`)
      .min(8, `This is too short for a ${name.replace(/^The /, '')}: paste the whole value from ${whereFound}.`)
      .max(512, `This is longer than a ${name.replace(/^The /, '')}: paste only the value from ${whereFound}.`)
      .nullable(),
  );
}

/** A value echoed in a message: short, so a pasted paragraph does not fill the form. */
const quoted = (value: string) => `'${value.length > 40 ? `${value.slice(0, 39)}…` : value}'`;

/** Highest first; a form post sends `email,phone,user_id` (an empty value clears, as for the other fields). */
const identifierPriority = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const list = value.trim();
    return list === '' ? null : list.split(',').map((type) => type.trim());
  },
  z
    .array(text('Each identifier type'), {
      invalid_type_error:
        'The identifier priority must be a list of identifier types, highest first, or a comma-separated text such as email,phone,user_id.',
    })
    .min(
      1,
      'List at least one identifier type, such as email or phone (send null to use SEGMENT_IDENTIFIER_PRIORITY or the default order).',
    )
    .max(MAX_IDENTIFIER_TYPES, `List at most ${MAX_IDENTIFIER_TYPES} identifier types.`)
    .superRefine((types, ctx) => {
      const bad = types.find((type) => !IDENTIFIER_TYPE_SHAPE.test(type));
      if (bad !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(bad)} is not a Segment identifier type: lowercase letters, digits, _ and ., starting with a letter, at most 64 characters, such as email, phone or user_id.`,
        });
        return;
      }
      const twice = types.find((type, index) => types.indexOf(type) !== index);
      if (twice !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(twice)} is listed twice: list each identifier type once, highest priority first.`,
        });
      }
    })
    .nullable(),
);

/**
 * The channel types kept out of Segment; [] sends every channel. A form post sends `sms,email`
 * (an empty value clears it, as for the other fields: back to the environment's list).
 */
const engagementExcludedChannels = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const list = value.trim();
    return list === '' ? null : list.split(',').map((channel) => channel.trim());
  },
  z
    .array(text('Each channel type'), {
      invalid_type_error:
        'The excluded channels must be a list of channel types, such as ["sms", "email"] ([] sends every channel), or a comma-separated text such as sms,email.',
    })
    .max(MAX_EXCLUDED_CHANNELS, `List at most ${MAX_EXCLUDED_CHANNELS} channel types to exclude.`)
    .superRefine((channels, ctx) => {
      const bad = channels.find((channel) => !CHANNEL_TYPE_SHAPE.test(channel));
      if (bad !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(bad)} is not a task channel type: lowercase letters, digits, - and _, at most 40 characters, such as voice, sms, whatsapp, web, email or messenger.`,
        });
        return;
      }
      const twice = channels.find((channel, index) => channels.indexOf(channel) !== index);
      if (twice !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(twice)} is listed twice: list each channel type to exclude once.`,
        });
      }
    })
    .nullable(),
);

/**
 * The computed and predictive traits the Customer tab highlights, in order ([] highlights none
 * beyond the built-in lines). A form post sends `total_inbounds,frequent_inbound_channel`; an empty
 * value clears it (back to the recommended ones).
 */
const highlightedTraits = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const list = value.trim();
    return list === '' ? null : list.split(',').map((trait) => trait.trim());
  },
  z
    .array(text('Each trait name'), {
      invalid_type_error:
        'The highlighted traits must be a list of trait names, such as ["total_inbounds", "frequent_inbound_channel"], or a comma-separated text.',
    })
    .max(
      MAX_HIGHLIGHTED_TRAITS,
      `Highlight at most ${MAX_HIGHLIGHTED_TRAITS} traits: agents read the highlights first.`,
    )
    .superRefine((traits, ctx) => {
      const bad = traits.find((trait) => !TRAIT_NAME_SHAPE.test(trait));
      if (bad !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(bad)} is not a trait name: letters, digits, _ . : and -, at most 100 characters, as Segment shows it, such as total_inbounds.`,
        });
        return;
      }
      const twice = traits.find((trait, index) => traits.indexOf(trait) !== index);
      if (twice !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${quoted(twice)} is listed twice: list each highlighted trait once.`,
        });
      }
    })
    .nullable(),
);

/** The saved display settings stay well inside Sync's 16 KiB document with the rest of the config. */
const MAX_TRAIT_DISPLAY_BYTES = 8_000;
const TYPE_NAMES = TRAIT_DISPLAY_TYPES.join(', ');

/**
 * Display names and field types by trait name: `{ "lifetime_value": { "label": "Spend", "type":
 * "currency", "currency": "EUR" } }`. Replaces what is saved; null or {} clears it. A form post
 * sends the same as JSON text.
 */
const traitDisplay = z.preprocess(
  fromJsonText,
  z
    .record(z.unknown(), {
      invalid_type_error:
        'The trait display settings must be an object by trait name, such as { "lifetime_value": { "label": "Lifetime spend", "type": "currency", "currency": "EUR" } }.',
    })
    .superRefine((entries, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      const names = Object.keys(entries);
      if (names.length > MAX_TRAIT_DISPLAY_ENTRIES) {
        return issue(`Set a display name or type for at most ${MAX_TRAIT_DISPLAY_ENTRIES} traits.`);
      }
      for (const name of names) {
        if (!TRAIT_NAME_SHAPE.test(name)) {
          return issue(
            `${quoted(name)} is not a trait name: letters, digits, _ . : and -, at most 100 characters, as Segment shows it, such as lifetime_value.`,
          );
        }
        const entry = entries[name] as Record<string, unknown> | null;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          return issue(`${quoted(name)} must be an object such as { "label": "Lifetime spend", "type": "currency" }.`);
        }
        const extra = Object.keys(entry).find((key) => !['label', 'type', 'currency'].includes(key));
        if (extra !== undefined) {
          return issue(`${quoted(name)} has ${quoted(extra)}: a trait's display has only label, type and currency.`);
        }
        const { label, type, currency } = entry;
        if (label === undefined && type === undefined) {
          return issue(`${quoted(name)} needs a label or a type (or leave it out).`);
        }
        if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
          return issue(`The label of ${quoted(name)} must be text (leave it out to name the trait from its key).`);
        }
        if (typeof label === 'string' && label.trim().length > MAX_TRAIT_LABEL_CHARS) {
          return issue(`The label of ${quoted(name)} is longer than ${MAX_TRAIT_LABEL_CHARS} characters.`);
        }
        if (type !== undefined && !(TRAIT_DISPLAY_TYPES as readonly unknown[]).includes(type)) {
          return issue(`The type of ${quoted(name)} must be one of ${TYPE_NAMES}.`);
        }
        if (currency !== undefined && type !== 'currency') {
          return issue(`${quoted(name)} has a currency but is not of type currency.`);
        }
        if (currency !== undefined && (typeof currency !== 'string' || !CURRENCY_SHAPE.test(currency))) {
          return issue(
            `The currency of ${quoted(name)} must be a three-letter ISO 4217 code in capitals, such as USD or EUR.`,
          );
        }
      }
      if (Buffer.byteLength(JSON.stringify(entries)) > MAX_TRAIT_DISPLAY_BYTES) {
        issue('The trait display settings are too long together: use shorter labels or fewer traits.');
      }
    })
    .transform((entries) =>
      Object.fromEntries(
        Object.entries(entries as Record<string, TraitDisplaySetting>).map(([name, { label, type, currency }]) => [
          name,
          {
            ...(label !== undefined ? { label: label.trim() } : {}),
            ...(type !== undefined ? { type } : {}),
            ...(currency !== undefined ? { currency } : {}),
          },
        ]),
      ),
    )
    .nullable(),
);

const STEP_NAMES = SETUP_STEP_IDS.join(', ');

/** Ticks: `{ steps: { data_source: { done: true } } }`, only the guided setup's step ids, at least one. */
const setupChecklist = z
  .object(
    {
      steps: z.record(z.unknown(), {
        required_error: `Send the steps to tick as { steps: { <step id>: { done: true } } }; the step ids are ${STEP_NAMES}.`,
        invalid_type_error: `The steps must be an object such as { data_source: { done: true } }; the step ids are ${STEP_NAMES}.`,
      }),
    },
    {
      invalid_type_error: `The setup checklist must be a JSON object such as { steps: { data_source: { done: true } } }.`,
    },
  )
  .strict(`The setup checklist has only steps: send { steps: { <step id>: { done: true } } }.`)
  .superRefine(({ steps }, ctx) => {
    const ids = Object.keys(steps);
    if (ids.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Name at least one step to tick: ${STEP_NAMES}.` });
      return;
    }
    const unknown = ids.find((id) => !(SETUP_STEP_IDS as readonly string[]).includes(id));
    if (unknown !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${quoted(unknown)} is not a setup step: the step ids are ${STEP_NAMES}.`,
      });
      return;
    }
    const bad = ids.find((id) => {
      const step = steps[id] as Record<string, unknown> | null;
      return (
        typeof step !== 'object' || step === null || typeof step.done !== 'boolean' || Object.keys(step).length !== 1
      );
    });
    if (bad !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `Step ${quoted(bad)} must be { done: true } or { done: false }: who ticked it and when are recorded for you.`,
      });
    }
  })
  .transform(({ steps }) => ({ steps: steps as Partial<Record<UnifySetupStepId, { done: boolean }>> }));

const REVISION_REQUIRED =
  'Send the revision you loaded (null before the first save), so another admin’s change is not overwritten.';

const revision = z.preprocess(
  emptyAsNull,
  z
    .string({
      required_error: REVISION_REQUIRED,
      invalid_type_error: 'The revision must be the text /unify-config gave you, or null before the first save.',
    })
    .regex(/^\d{1,9}$/, 'This revision was not given out by /unify-config: reload the settings and save again.')
    .nullable()
    .optional(),
);

const writeSchema = z.object({
  revision,
  workspaceSlug: workspaceSlug.optional(),
  spaceId: spaceId.optional(),
  region: region.optional(),
  profileApiToken: secret('The Profile API token', 'Unify › Unify settings › API access').optional(),
  writeKey: secret('The write key', 'Connections › Sources › your Flex source › Settings › API Keys').optional(),
  identifierPriority: identifierPriority.optional(),
  engagementExcludedChannels: engagementExcludedChannels.optional(),
  highlightedTraits: highlightedTraits.optional(),
  traitDisplay: traitDisplay.optional(),
  customerTab: customerTabWrite.optional(),
  setupChecklist: setupChecklist.optional(),
});

/** Whether the body changes anything: a body with setting fields is a write, any other a read. */
export function isConfigWrite(body: Record<string, unknown>): boolean {
  return SETTING_FIELDS.some((field) => body[field] !== undefined);
}

/**
 * The change a /unify-config write asks for. An invalid one is 400 invalid_config with one
 * message per field (`error.fields`), in words an admin can act on.
 */
export function readConfigWrite(body: Record<string, unknown>): UnifyConfigChange {
  const parsed = writeSchema.safeParse(body);
  // A tick of the setup checklist alone needs no revision; a connection setting always does.
  const needsRevision = SETTING_FIELDS.some((field) => field !== CHECKLIST_FIELD && body[field] !== undefined);
  const revisionMissing = needsRevision && body.revision === undefined;
  if (parsed.success && !revisionMissing) return parsed.data as UnifyConfigChange;
  const fields: Partial<Record<SettingField | 'revision', string>> = {};
  if (revisionMissing) fields.revision = REVISION_REQUIRED;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] as SettingField | 'revision';
    fields[field] ??= issue.message;
  }
  throw invalidConfig(fields);
}

/** 400 invalid_config: one message per bad field (`error.fields`), nothing saved. */
export function invalidConfig(fields: Partial<Record<SettingField | 'revision', string>>): ApiError {
  const names = Object.keys(fields).join(', ');
  return new ApiError(400, 'invalid_config', `Some settings are not valid (${names}); nothing was saved.`, {
    error: { fields },
  });
}
