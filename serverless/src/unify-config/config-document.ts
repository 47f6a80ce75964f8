import { z } from 'zod';

import type {
  CustomerTabLayout,
  SegmentRegion,
  TraitDisplaySetting,
  UnifyAuditEntry,
  UnifyCheckResult,
  UnifySetupChecklist,
  UnifySetupStepId,
} from '../config/unify-contract';
import { readStoredLayout } from './customer-tab-layout';
import { IDENTIFIER_TYPE_SHAPE, MAX_IDENTIFIER_TYPES, TRAIT_NAME_SHAPE } from './setting-shapes';
import type { SealedSecret } from './secret-box';

/** The settings an admin edits, in the order the audit trail and conflicts name them. */
export const SETTING_FIELDS = [
  'workspaceSlug',
  'spaceId',
  'region',
  'profileApiToken',
  'writeKey',
  'identifierPriority',
  'engagementExcludedChannels',
  'highlightedTraits',
  'traitDisplay',
  'customerTab',
  'setupChecklist',
] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
/** The setup checklist is progress, not a connection setting: no revision, no conflict, no new check. */
export const CHECKLIST_FIELD = 'setupChecklist' satisfies SettingField;

/** The guided setup's steps, in order (unify-contract.ts, UnifySetupStepId). */
export const SETUP_STEP_IDS = [
  'data_source',
  'connections',
  'identity',
  'enable_sources',
] as const satisfies readonly UnifySetupStepId[];
export type SecretField = 'profileApiToken' | 'writeKey';

export { IDENTIFIER_TYPE_SHAPE, MAX_IDENTIFIER_TYPES, TRAIT_NAME_SHAPE };

/** A task channel type (`voice`, `sms`, `whatsapp`, `web`…), as /engagement reads it from a task. */
export const CHANNEL_TYPE_SHAPE = /^[a-z0-9_-]{1,40}$/;
/** The most channel types a saved exclusion lists. */
export const MAX_EXCLUDED_CHANNELS = 20;

/** The most traits the Customer tab's highlights list. */
export const MAX_HIGHLIGHTED_TRAITS = 12;
/** Highlighted when nothing is saved: how often the customer reached out, and how. */
export const DEFAULT_HIGHLIGHTED_TRAITS: readonly string[] = ['total_inbounds', 'frequent_inbound_channel'];

/** How the Customer tab may show a trait (unify-contract.ts, TraitDisplayType). */
export const TRAIT_DISPLAY_TYPES = [
  'text',
  'number',
  'currency',
  'date',
  'percentile',
  'reversedPercentile',
  'link',
  'boolean',
] as const;
/** The most traits given a display name or type. */
export const MAX_TRAIT_DISPLAY_ENTRIES = 100;
/** The longest display name. */
export const MAX_TRAIT_LABEL_CHARS = 60;
/** An ISO 4217 currency code, such as USD or EUR. */
export const CURRENCY_SHAPE = /^[A-Z]{3}$/;

/** An audit entry as stored: with the settings revision it made, so a conflict can list what came after. */
export interface StoredAuditEntry extends UnifyAuditEntry {
  revision: number;
}

/** The `data` of the Sync document `unified-profiles-config`. Secrets only sealed (secret-box.ts). */
export interface StoredUnifyConfig {
  schema: 1;
  /**
   * Counts settings saves; the `revision` the view shows and a write sends back. Not Sync's own
   * revision, which a recorded check also moves: a check must not make an admin's save conflict.
   */
  settingsRevision: number;
  workspaceSlug: string | null;
  spaceId: string | null;
  region: SegmentRegion | null;
  profileApiToken: SealedSecret | null;
  writeKey: SealedSecret | null;
  /** The identifier types /profile tries, highest first; null: the environment's order (or the default). */
  identifierPriority: string[] | null;
  /** Channel types /engagement keeps out of Segment ([]: none); null: the environment's. */
  engagementExcludedChannels: string[] | null;
  /** Computed and predictive traits the Customer tab highlights, in order; null: DEFAULT_HIGHLIGHTED_TRAITS. */
  highlightedTraits: string[] | null;
  /** Per trait, the display name and field type the Customer tab uses; null: names and types read from the trait. */
  traitDisplay: Record<string, TraitDisplaySetting> | null;
  /** The Customer tab's header, trait groups, history events and identifiers (customer-tab-layout.ts); null: the defaults. */
  customerTab: CustomerTabLayout | null;
  /** Newest first, at most AUDIT_LIMIT. */
  audit: StoredAuditEntry[];
  lastCheck: UnifyCheckResult | null;
  /** Which guided setup steps an admin ticked off, by whom and when. */
  setupChecklist: UnifySetupChecklist;
}

export const AUDIT_LIMIT = 50;

export const EMPTY_CONFIG: StoredUnifyConfig = {
  schema: 1,
  settingsRevision: 0,
  workspaceSlug: null,
  spaceId: null,
  region: null,
  profileApiToken: null,
  writeKey: null,
  identifierPriority: null,
  engagementExcludedChannels: null,
  highlightedTraits: null,
  traitDisplay: null,
  customerTab: null,
  audit: [],
  lastCheck: null,
  setupChecklist: { steps: {} },
};

const sealed = z.object({
  v: z.literal(1),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
  last4: z.string().nullable(),
});

const auditEntry = z.object({
  at: z.string(),
  by: z.string(),
  fields: z.array(z.string()),
  revision: z.number().int(),
});

const checkStep = z.object({
  step: z.enum(['profile_api', 'profiles', 'tracking_api', 'flex_events']),
  code: z.string(),
  status: z.enum(['passed', 'failed', 'warning', 'skipped']),
  message: z.string(),
});

const checkResult = z.object({
  status: z.enum(['passed', 'failed', 'warning']),
  code: z.string(),
  steps: z.array(checkStep),
  checkedAt: z.string(),
  checkedBy: z.string(),
  ms: z.number(),
});

const setupStep = z.object({ done: z.boolean(), by: z.string(), at: z.string() });

/** Step by step: an unknown step id (or a damaged step) is dropped, the others kept. */
const setupChecklist = z
  .object({ steps: z.record(z.unknown()) })
  .transform(({ steps }) => ({
    steps: Object.fromEntries(
      SETUP_STEP_IDS.flatMap((id) => {
        const step = setupStep.safeParse(steps[id]);
        return step.success ? [[id, step.data]] : [];
      }),
    ),
  }))
  .catch({ steps: {} });

/** Field by field, so one damaged field (a hand edit in the console) loses that field, not the whole config. */
const storedConfig = z.object({
  schema: z.literal(1).catch(1),
  settingsRevision: z.number().int().nonnegative().catch(0),
  workspaceSlug: z.string().nullable().catch(null),
  spaceId: z.string().nullable().catch(null),
  region: z.enum(['us', 'eu']).nullable().catch(null),
  profileApiToken: sealed.nullable().catch(null),
  writeKey: sealed.nullable().catch(null),
  // A document saved before the field existed lacks it: the environment's order applies.
  identifierPriority: z
    .array(z.string().regex(IDENTIFIER_TYPE_SHAPE))
    .min(1)
    .max(MAX_IDENTIFIER_TYPES)
    .refine((types) => new Set(types).size === types.length)
    .nullable()
    .catch(null),
  // Likewise: without it (or damaged), UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS applies.
  engagementExcludedChannels: z
    .array(z.string().regex(CHANNEL_TYPE_SHAPE))
    .max(MAX_EXCLUDED_CHANNELS)
    .refine((channels) => new Set(channels).size === channels.length)
    .nullable()
    .catch(null),
  // Without it (or damaged), the recommended highlights.
  highlightedTraits: z
    .array(z.string().regex(TRAIT_NAME_SHAPE))
    .max(MAX_HIGHLIGHTED_TRAITS)
    .refine((traits) => new Set(traits).size === traits.length)
    .nullable()
    .catch(null),
  // Without it (or damaged), names and types are read from each trait.
  traitDisplay: z
    .record(
      z.object({
        label: z.string().min(1).max(MAX_TRAIT_LABEL_CHARS).optional(),
        type: z.enum(TRAIT_DISPLAY_TYPES).optional(),
        currency: z.string().regex(CURRENCY_SHAPE).optional(),
      }),
    )
    .refine(
      (entries) =>
        Object.keys(entries).length <= MAX_TRAIT_DISPLAY_ENTRIES &&
        Object.keys(entries).every((name) => TRAIT_NAME_SHAPE.test(name)),
    )
    .nullable()
    .catch(null),
  // Without it (or damaged), the tab's default layout.
  customerTab: z.unknown().transform(readStoredLayout),
  audit: z
    .array(z.unknown())
    .catch([])
    .transform((entries) => entries.flatMap((entry) => auditEntry.safeParse(entry).data ?? [])),
  lastCheck: checkResult.nullable().catch(null),
  // A document saved before the checklist existed lacks it: nothing ticked yet.
  setupChecklist,
});

/** The document's data as the store works with it; anything missing or malformed reads as not set. */
export function readConfigDocument(data: unknown): StoredUnifyConfig {
  const parsed = storedConfig.safeParse(data ?? {});
  return parsed.success ? (parsed.data as StoredUnifyConfig) : EMPTY_CONFIG;
}

/** The revision a client sees and sends back: null before the first save. */
export function publicRevision(config: StoredUnifyConfig): string | null {
  return config.settingsRevision > 0 ? String(config.settingsRevision) : null;
}
