import type { UnifyCheckResult } from '../config/unify-contract';
import {
  AUDIT_LIMIT,
  CHECKLIST_FIELD,
  SETTING_FIELDS,
  SETUP_STEP_IDS,
  type SecretField,
  type SettingField,
  type StoredUnifyConfig,
} from './config-document';
import type { UnifyConfigChange } from './config-write';
import { identifierTypesUsed, outsidePriorityMessage } from './customer-tab-layout';
import type { SealedSecret } from './secret-box';

/** Seals and opens secrets with the Functions' key (secret-box.ts); opening answers undefined when it cannot. */
export interface SecretSealer {
  seal(field: SecretField, secret: string): SealedSecret;
  tryOpen(field: SecretField, sealed: SealedSecret): string | undefined;
}

const SECRET_FIELDS = new Set<SettingField>(['profileApiToken', 'writeKey']);
/** Fields a connection check does not measure: changing them keeps the last check. */
const CHECK_NEUTRAL_FIELDS = new Set<SettingField>([
  'workspaceSlug',
  'engagementExcludedChannels',
  'highlightedTraits',
  'traitDisplay',
  'customerTab',
  CHECKLIST_FIELD,
]);

/** Sync refuses a document over 16 KiB; stay under it with room for Sync's own accounting. */
const SYNC_DOCUMENT_BYTES = 16_000;
const MAX_IDENTITY_CHARS = 64;
const MAX_CHECK_MESSAGE_CHARS = 300;

function secretChanged(sealed: SealedSecret | null, next: string | null, field: SecretField, box: SecretSealer) {
  if (next === null) return sealed !== null;
  return !sealed || box.tryOpen(field, sealed) !== next;
}

function sameList(saved: string[] | null, next: string[] | null): boolean {
  if (saved === null || next === null) return saved === next;
  return saved.length === next.length && saved.every((type, index) => type === next[index]);
}

/** Channel types are a set: the same ones in another order are no change. */
function sameSet(saved: string[] | null, next: string[] | null): boolean {
  if (saved === null || next === null) return saved === next;
  return saved.length === next.length && saved.every((channel) => next.includes(channel));
}

/** A JSON form where key order does not matter: the same display settings sent again are no change. */
function canonical(value: object | null): string {
  if (value === null || Object.keys(value).length === 0) return 'null';
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** The setup steps this change ticks or unticks, in the guided setup's order: one ticked again is no change. */
export function changedSteps(config: StoredUnifyConfig, change: UnifyConfigChange) {
  const sent = change.setupChecklist?.steps ?? {};
  return SETUP_STEP_IDS.filter((id) => {
    const next = sent[id];
    return next !== undefined && next.done !== (config.setupChecklist.steps[id]?.done ?? false);
  });
}

/** Whether a change (or an audit entry) touches connection settings, not only the setup checklist. */
export const changesSettings = (fields: readonly string[]) =>
  fields.some((field) => field !== CHECKLIST_FIELD && !field.startsWith(`${CHECKLIST_FIELD}.`));

/** The fields this change really changes: a value sent again as it is saved is not a change. */
export function changedFields(config: StoredUnifyConfig, change: UnifyConfigChange, box: SecretSealer): SettingField[] {
  return SETTING_FIELDS.filter((field) => {
    const next = change[field];
    if (next === undefined) return false;
    if (field === CHECKLIST_FIELD) return changedSteps(config, change).length > 0;
    if (field === 'profileApiToken' || field === 'writeKey') {
      return secretChanged(config[field], next as string | null, field, box);
    }
    if (field === 'identifierPriority' || field === 'highlightedTraits') {
      return !sameList(config[field], next as string[] | null);
    }
    if (field === 'traitDisplay' || field === 'customerTab') {
      return canonical(config[field]) !== canonical(next as object | null);
    }
    if (field === 'engagementExcludedChannels') {
      return !sameSet(config.engagementExcludedChannels, next as string[] | null);
    }
    return config[field] !== next;
  });
}

/**
 * What a write would leave unused: an identifier type the Customer tab layout reads from task
 * attributes or offers to search, outside the priority in effect after it (the one sent, else the
 * saved one, else `fallbackPriority`, the environment's or the default). Named on the layout the write
 * sends; else on a priority sent that drops a type the saved layout uses. Undefined when all is used.
 */
export function unusedIdentifierSettings(
  config: StoredUnifyConfig,
  change: UnifyConfigChange,
  fallbackPriority: readonly string[],
): Partial<Record<SettingField, string>> | undefined {
  const saved = config.identifierPriority ?? fallbackPriority;
  const after = change.identifierPriority === undefined ? saved : (change.identifierPriority ?? fallbackPriority);
  if (change.customerTab) {
    const unused = identifierTypesUsed(change.customerTab).find((type) => !after.includes(type));
    return unused === undefined ? undefined : { customerTab: outsidePriorityMessage(unused) };
  }
  if (change.customerTab === null || change.identifierPriority === undefined) return undefined;
  const dropped = identifierTypesUsed(config.customerTab).find((type) => saved.includes(type) && !after.includes(type));
  return dropped === undefined
    ? undefined
    : {
        identifierPriority: `'${dropped}' is read from task attributes or offered to search in the Customer tab layout: keep it in the priority, or take it out of the layout first.`,
      };
}

/**
 * The new document: the changed fields (secrets sealed), one more audit entry, and one more settings
 * revision unless only setup steps were ticked (progress, not settings: no other admin's form goes stale).
 */
export function applyChange(
  config: StoredUnifyConfig,
  change: UnifyConfigChange,
  fields: SettingField[],
  by: string,
  at: Date,
  box: SecretSealer,
): StoredUnifyConfig {
  const settingsRevision = config.settingsRevision + (changesSettings(fields) ? 1 : 0);
  const next: StoredUnifyConfig = { ...config, settingsRevision };
  // A check measured the settings as they were: after a change that reaches Segment it proves nothing.
  // The slug only labels links; the excluded channels change what is sent, not whether Segment answers;
  // the highlighted traits only change what agents read first;
  // a ticked setup step changes nothing at all.
  if (fields.some((field) => !CHECK_NEUTRAL_FIELDS.has(field))) next.lastCheck = null;
  const who = by.length > MAX_IDENTITY_CHARS ? `${by.slice(0, MAX_IDENTITY_CHARS - 1)}…` : by;
  const steps = fields.includes(CHECKLIST_FIELD) ? changedSteps(config, change) : [];
  for (const field of fields) {
    const value = change[field] ?? null;
    if (field === CHECKLIST_FIELD) {
      const ticked = { ...config.setupChecklist.steps };
      for (const id of steps)
        ticked[id] = { done: change.setupChecklist!.steps[id]!.done, by: who, at: at.toISOString() };
      next.setupChecklist = { steps: ticked };
    } else if (SECRET_FIELDS.has(field)) {
      const secret = field as SecretField;
      const sent = change[secret] ?? null;
      next[secret] = sent === null ? null : box.seal(secret, sent);
    } else if (field === 'traitDisplay' || field === 'customerTab') {
      // {} is no setting at all: stored as null, as if never set.
      const sent = change[field] ?? null;
      Object.assign(next, { [field]: sent && Object.keys(sent).length > 0 ? structuredClone(sent) : null });
    } else if (Array.isArray(value)) {
      Object.assign(next, { [field]: [...value] });
    } else {
      Object.assign(next, { [field]: value });
    }
  }
  // A tick is named by its step, so the trail says which step changed.
  const named = fields.flatMap((field) => (field === CHECKLIST_FIELD ? steps.map((id) => `${field}.${id}`) : [field]));
  const entry = { at: at.toISOString(), by: who, fields: named, revision: next.settingsRevision };
  next.audit = [entry, ...config.audit].slice(0, AUDIT_LIMIT);
  return next;
}

/** The document with a check result, messages shortened so a chatty check cannot push it past Sync's limit. */
export function withLastCheck(config: StoredUnifyConfig, result: UnifyCheckResult): StoredUnifyConfig {
  const steps = result.steps.map((step) => ({ ...step, message: step.message.slice(0, MAX_CHECK_MESSAGE_CHARS) }));
  return { ...config, lastCheck: { ...result, steps } };
}

/** Drops the oldest audit entries while the document is over Sync's size limit (long identities can do it). */
export function fitToSyncLimit(config: StoredUnifyConfig): StoredUnifyConfig {
  let fitted = config;
  while (Buffer.byteLength(JSON.stringify(fitted)) > SYNC_DOCUMENT_BYTES && fitted.audit.length > 1) {
    fitted = { ...fitted, audit: fitted.audit.slice(0, -1) };
  }
  return fitted;
}

/** What another admin changed since `revision`, read from the audit trail. */
export interface ChangesSince {
  changedFields: string[];
  changedBy: string;
  changedAt: string;
}

export function changesSince(config: StoredUnifyConfig, revision: string | null | undefined): ChangesSince {
  const since = revision == null ? 0 : Number(revision);
  // Ticks of the setup checklist never make a save conflict, so they are not what "changed".
  const settingsChanges = config.audit.filter((entry) => changesSettings(entry.fields));
  const newer = settingsChanges.filter((entry) => entry.revision > since);
  // A revision from the future (or past the 50 kept) still gets the latest change named.
  const entries = newer.length > 0 ? newer : settingsChanges.slice(0, 1);
  const latest = settingsChanges[0];
  return {
    changedFields: SETTING_FIELDS.filter((field) => entries.some((entry) => entry.fields.includes(field))),
    changedBy: latest?.by ?? 'unknown',
    changedAt: latest?.at ?? '',
  };
}
