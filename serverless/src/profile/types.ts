/**
 * The wire contract of /profile and /profile-events: what the Functions answer and the
 * plugin reads. Type-only (its one import is another type-only contract) so the plugin can
 * share it without pulling server code into the bundle.
 */

import type { CustomerTabLayout } from '../config/unify-contract';

/** Any JSON value. Written without recursion so Immer's draft types in the plugin's slice stay shallow. */
export type TraitValue = string | number | boolean | null | unknown[] | { [key: string]: unknown };

export interface ProfileIdentifier {
  type: string;
  value: string;
  /** The value as people read it: phones in international format (+1 415 555 0100), the rest as stored. */
  display?: string;
  sourceId?: string;
  createdAt?: string;
}

export interface ProfileTraits {
  /** Traits sent by sources (identify calls, Reverse ETL). */
  custom: Record<string, TraitValue>;
  /** Computed traits (class=computed_trait) that are not predictions. */
  computed: Record<string, TraitValue>;
  /** Audience memberships (class=audience): true when the profile is in the audience. */
  audiences: Record<string, boolean>;
  /** Predictions: percentiles from 0 to 1 (0.85 means the top 15%). */
  predictive: Record<string, number>;
}

export interface TimelineItem {
  /** Segment's message_id: stable, so pages can be merged without duplicates. */
  id: string;
  /** track, identify, page, screen or group. */
  type: string;
  /** The track event's name, or a page/screen name; absent on identify/group. */
  name?: string;
  timestamp: string;
  sourceId?: string;
  properties: Record<string, TraitValue>;
}

export interface TimelinePage {
  items: TimelineItem[];
  /** Opaque cursor for /profile-events, null when there is no more. */
  next: string | null;
}

export interface LinkedAccount {
  id: string;
  traits: Record<string, TraitValue>;
}

export interface ProfileMetadata {
  createdAt?: string;
  updatedAt?: string;
  firstSourceId?: string;
  lastSourceId?: string;
}

/** Where a task's attributes carry the profile linked to it: `attributes.unified_profiles.link`. */
export const TASK_PROFILE_ATTRIBUTE = 'unified_profiles';

/**
 * A profile linked to a task, as `attributes.unified_profiles.link` holds it. When a task carries a
 * valid one (and the request has no typed `identifier`), /profile looks up that profile alone, in one
 * round: by `segment_id` when present, else by `identifier`. A link that is not valid in every field
 * is ignored and the task's other attributes are resolved as if it were not there.
 */
export interface TaskProfileLink {
  /** Segment's profile id (use_…), when Segment revealed it. */
  segment_id?: string;
  /** The identifier the profile was found by, `type:value` (normalised), e.g. email:ana@example.com. */
  identifier: string;
  /** ISO time of linking. */
  linked_at: string;
  /** Who made the link: an agent in the Customer tab, or a Studio flow before the task. */
  linked_by: 'agent' | 'studio';
}

/**
 * How the Customer tab presents a profile, as admins set it in the Unify view (agents cannot read
 * /unify-config, so /profile carries it). Settings, not customer data: the same for every profile.
 */
export interface ProfilePresentation {
  /** Computed and predictive traits highlighted, in order, after the built-in lines. */
  highlightedTraits: string[];
  /**
   * Display names and field types by trait name, as admins set them (unify-contract.ts,
   * TraitDisplaySetting); a trait not listed is named and typed from its key and value.
   */
  traitDisplay: Record<string, ProfileTraitDisplay>;
  /**
   * The header's traits, trait groups, history events and identifier names an admin set
   * (unify-contract.ts, CustomerTabLayout); {} keeps the tab's defaults. Optional: older answers lack it.
   */
  customerTab?: CustomerTabLayout;
}

/** One trait's display name and field type; `reversedPercentile` is risk-like (low is good). */
export interface ProfileTraitDisplay {
  label?: string;
  type?: 'text' | 'number' | 'currency' | 'date' | 'percentile' | 'reversedPercentile' | 'link' | 'boolean';
  /** With type currency: an ISO 4217 code such as EUR. */
  currency?: string;
}

export interface CustomerProfile {
  /** Segment's profile id (use_…). */
  segmentId: string;
  displayName: string | null;
  /**
   * The identifier that found this profile, after normalisation (e.g. phone:+14155550100). For a
   * profile linked to the task, the link's identifier (even when the lookup went by segment_id).
   */
  matchedIdentifier: { type: string; value: string };
  /**
   * Present only when this answer is the profile linked to the task: the link as the Functions read
   * and used it (identifier normalised; segment_id only if the lookup went by it). The plugin says
   * "Linked by an agent" / "Linked by a Studio flow" from `linked_by`; without it, "Matched by
   * <matchedIdentifier>". Never cached with the profile: the same customer found by search has none.
   */
  link?: TaskProfileLink;
  identifiers: ProfileIdentifier[];
  traits: ProfileTraits;
  metadata: ProfileMetadata | null;
  linkedAccounts: LinkedAccount[];
  timeline: TimelinePage;
  /** The presentation settings in effect when /profile answered. Optional: answers before it existed lack it. */
  presentation?: ProfilePresentation;
}

export interface ProfileLookupResponse {
  profile: CustomerProfile;
}

export interface ProfileEventsResponse {
  timeline: TimelinePage;
}

/** Every error the Functions answer: `{"error": {"code": "...", "message": "..."}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}
