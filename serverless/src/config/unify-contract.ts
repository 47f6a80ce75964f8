/**
 * The wire contract of /unify-config and /unify-check: what the Functions answer and the plugin's
 * Unify view reads. Type-only and import-free, so the plugin can share it without server code.
 */

export type SegmentRegion = 'us' | 'eu';

/** A secret as the view may know it: whether it is set, and its last four characters. Never the value. */
export interface SecretState {
  set: boolean;
  last4: string | null;
  /** Where the value in effect comes from: saved in the Unify tab, or the Functions' environment. */
  source: 'saved' | 'environment' | null;
}

/**
 * How the Customer tab shows a trait's value: `reversedPercentile` is risk-like (low is good),
 * `currency` takes an ISO 4217 code (else USD).
 */
export type TraitDisplayType =
  'text' | 'number' | 'currency' | 'date' | 'percentile' | 'reversedPercentile' | 'link' | 'boolean';

/** One trait's display name and field type, as an admin sets them; what is not set is read from the trait. */
export interface TraitDisplaySetting {
  /** At most 60 characters. */
  label?: string;
  type?: TraitDisplayType;
  /** Only with type currency: an ISO 4217 code such as EUR. */
  currency?: string;
}

/**
 * How the Customer tab lays a profile out, as an admin sets it in the Unify view. Every part is
 * optional: what is not set keeps the tab's defaults.
 */
export interface CustomerTabLayout {
  /** Where the header reads the customer's name, the line under it and the picture. */
  header?: {
    /** Traits joined with spaces for the name, in order (e.g. first_name, last_name); at most 3. */
    nameTraits?: string[];
    /** The line under the name (default: company). */
    secondaryTrait?: string;
    /** A trait holding an https image address, shown instead of the initials. */
    avatarTrait?: string;
  };
  /** Named trait groups, in order; traits in none of them keep the default groups below. At most 12. */
  traitGroups?: Array<{ title: string; traits: string[] }>;
  /**
   * The Segment events the history shows besides Flex's own interactions, each with its display
   * name, the property holding its date (else when Segment received it) and up to two properties
   * summed up under it. When set, other events are left out. At most 30.
   */
  historyEvents?: Array<{
    event: string;
    label?: string;
    dateProperty?: string;
    primaryProperty?: string;
    secondaryProperty?: string;
  }>;
  /**
   * Per identifier type: its display name, whether agents may search by it (email, phone, user_id
   * and anonymous_id are searchable unless turned off here), and extra task attributes /profile
   * reads it from (e.g. `account_email`, `pre_engagement_data.customer_email`).
   */
  identifiers?: Record<string, { label?: string; searchable?: boolean; taskAttributes?: string[] }>;
}

/** The connection to a Segment workspace, as an admin edits it in the Unify view. */
export interface UnifyConnectionView {
  workspaceSlug: string | null;
  spaceId: string | null;
  region: SegmentRegion;
  /** The Profile API host the region (or SEGMENT_PROFILE_API_URL) resolves to. */
  profileApiUrl: string;
  profileApiToken: SecretState;
  writeKey: SecretState;
  /** The identifier types /profile tries, highest priority first (saved here, else the environment's, else the default). */
  identifierPriority: string[];
  /**
   * Task channel types (voice, sms, whatsapp, web, email, messenger…) whose engagements /engagement
   * does not send to Segment: saved here, else UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS, else none.
   */
  engagementExcludedChannels: string[];
  /**
   * Computed and predictive traits the Customer tab highlights, in order: saved here, else the
   * recommended ones (total_inbounds, frequent_inbound_channel). Optional: answers before it existed lack it.
   */
  highlightedTraits?: string[];
  /** Display names and field types by trait name (at most 100); {} when none is set. Optional like highlightedTraits. */
  traitDisplay?: Record<string, TraitDisplaySetting>;
  /** The Customer tab's header, trait groups, history events and identifiers; {} when none is set. */
  customerTab?: CustomerTabLayout;
}

/**
 * The four steps of Twilio's guided "Segment for Flex" setup, in order: select the data source,
 * add connections, identifiers and traits, enable sources and test connections.
 */
export type UnifySetupStepId = 'data_source' | 'connections' | 'identity' | 'enable_sources';

/** One setup step as the admins ticked it off: done or not, by whom and when it last changed. */
export interface UnifySetupStepState {
  done: boolean;
  by: string;
  at: string;
}

/** The setup checklist, remembered per account: only steps someone has ticked (or unticked) appear. */
export interface UnifySetupChecklist {
  steps: Partial<Record<UnifySetupStepId, UnifySetupStepState>>;
}

/**
 * One change to the saved settings: who, when, which fields. Never a value of a secret. A tick of
 * the setup checklist names its step as `setupChecklist.<step id>`.
 */
export interface UnifyAuditEntry {
  at: string;
  by: string;
  fields: string[];
}

/** What /unify-config answers (supervisors and admins). */
export interface UnifyConfigResponse {
  connection: UnifyConnectionView;
  /** The saved document's revision, sent back with a write so a concurrent edit is not lost. */
  revision: string | null;
  /** Settings a lookup needs that are neither saved nor in the environment. */
  missing: string[];
  /** The last 50 changes, newest first. */
  audit: UnifyAuditEntry[];
  /** The last connection check, if any: the Overview says "Ready" only when it passed. */
  lastCheck: UnifyCheckResult | null;
  /** Whether the caller may change the settings (admins). */
  canEdit: boolean;
  /** How long a saved change takes to reach every Function instance, in seconds. */
  settingsCacheSeconds: number;
  /**
   * Variables the Functions need before settings can be saved here (e.g. UNIFIED_PROFILES_CONFIG_KEY);
   * empty when saving works. Optional: answers before it existed lack it.
   */
  configStoreMissing?: string[];
  /**
   * Whether lookups on the instance that answered are failing fast because Segment stopped answering
   * (its circuit breaker is open), and since when. A measurement of this instance, not a check.
   */
  segmentHealth?: { degraded: boolean; since: string | null };
  /** The setup checklist's progress. Optional: answers before it existed lack it. */
  setupChecklist?: UnifySetupChecklist;
}

/**
 * A write to /unify-config (admins only): the fields to change, and the revision the admin started
 * from. Absent fields stay as they are; a secret is replaced only when sent (an empty string clears it).
 */
export interface UnifyConfigWrite {
  /**
   * Required with any connection setting. A write of `setupChecklist` alone needs none: a tick
   * changes only its own steps, never conflicts, and does not move the revision.
   */
  revision?: string | null;
  workspaceSlug?: string | null;
  spaceId?: string | null;
  region?: SegmentRegion;
  profileApiToken?: string;
  writeKey?: string;
  /** The identifier types in priority order; null goes back to the environment's order. */
  identifierPriority?: string[] | null;
  /** The channel types kept out of Segment ([] sends every channel); null goes back to the environment's. */
  engagementExcludedChannels?: string[] | null;
  /** Traits the Customer tab highlights (at most 12, each once); null goes back to the recommended ones. */
  highlightedTraits?: string[] | null;
  /** Display names and field types by trait name, replacing the saved ones; null (or {}) clears them. */
  traitDisplay?: Record<string, TraitDisplaySetting> | null;
  /** The Customer tab's layout, replacing the saved one; null (or {}) goes back to the defaults. */
  customerTab?: CustomerTabLayout | null;
  /** Ticks or unticks setup steps (only those sent); JSON only. Audited; keeps the last check. */
  setupChecklist?: { steps: Partial<Record<UnifySetupStepId, { done: boolean }>> };
}

/**
 * 409 `config_conflict`: another admin saved first. The answer's error carries `changedFields` (what
 * they changed since `revision`), `changedBy` and `changedAt`, and the current config.
 */
export interface UnifyConfigConflict {
  error: { code: 'config_conflict'; message: string; changedFields: string[]; changedBy: string; changedAt: string };
  current: UnifyConfigResponse;
}

/** The faults /unify-check tells apart; each has its own fix in the view. */
export type UnifyCheckCode =
  | 'ok'
  | 'not_configured'
  | 'token_rejected'
  | 'space_not_found'
  | 'wrong_region'
  | 'segment_unreachable'
  | 'no_profiles_yet'
  | 'write_key_missing'
  | 'write_key_rejected'
  | 'no_flex_events_yet';

export interface UnifyCheckStep {
  /** What was checked: the Profile API connection, profiles in the space, the Flex events source. */
  step: 'profile_api' | 'profiles' | 'tracking_api' | 'flex_events';
  code: UnifyCheckCode;
  /** Passed, failed (lookups will fail), or a warning (lookups work, something is not set up yet). */
  status: 'passed' | 'failed' | 'warning' | 'skipped';
  message: string;
}

/** What /unify-check answers (admins and supervisors): a measurement, with when and by whom. */
export interface UnifyCheckResult {
  /** passed: agents see profiles now; failed: lookups fail; warning: lookups work, setup is incomplete. */
  status: 'passed' | 'failed' | 'warning';
  /** The first failure or warning, or ok. */
  code: UnifyCheckCode;
  steps: UnifyCheckStep[];
  checkedAt: string;
  checkedBy: string;
  ms: number;
}
