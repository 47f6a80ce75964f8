/**
 * The wire contract of /studio-profile and /studio-traits: what a Studio flow reads with Liquid
 * (`{{widgets.<widget>.parsed.…}}`). Type-only, like profile/types.ts.
 */
import type { TaskProfileLink, TraitValue } from '../profile/types';

/** Why a lookup found no profile, when it did not. */
export type StudioMissReason =
  /** Segment has no profile for the caller's identifiers. */
  | 'not_found'
  /** The caller gave nothing to look up by (a `client:` or `sip:` caller, a blank field). */
  | 'no_identifier'
  /** Segment did not answer within the flow's budget (3 s), or answered with an error. */
  | 'segment_unavailable'
  | 'rate_limited'
  | 'segment_auth_failed'
  /** No Segment space is configured for the Functions. */
  | 'not_configured';

export interface StudioRoutingHints {
  /** A TaskRouter priority for Send to Flex: 10 for a VIP audience, 5 for a churn risk or a negative last interaction, else 0. */
  priority: number;
  /** In an audience named vip, vips, vip_customers or high_value_customers. */
  vip: boolean;
  /** likelihood_to_churn at 0.8 or above: in the 20% most likely to churn. */
  churnRisk: boolean;
  /** What set the priority: vip_audience, churn_risk, negative_sentiment; null for none. */
  reason: 'vip_audience' | 'churn_risk' | 'negative_sentiment' | null;
}

/** `attributes.unified_profiles` of the task Send to Flex makes: the profile linked before any agent. */
export interface StudioTaskAttributes {
  unified_profiles?: { link: TaskProfileLink };
}

export interface StudioProfileAnswer {
  found: boolean;
  /** True when `found` is false because Segment could not answer in time, not because there is no profile. */
  degraded: boolean;
  /** Why `found` is false; absent when it is true. */
  reason?: StudioMissReason;
  segmentId: string | null;
  displayName: string | null;
  /** The identifier the profile was found by, `type:value` (normalised); what /studio-traits takes. */
  identifier: string | null;
  /** The highlighted traits the profile holds (see HIGHLIGHTED_TRAITS); absent ones are left out. */
  traits: Record<string, TraitValue>;
  /** The audiences the profile is in, by name, sorted. */
  audiences: string[];
  routing: StudioRoutingHints;
  /** To merge into Send to Flex's attributes: `"unified_profiles": {{…parsed.taskAttributes.unified_profiles | to_json}}`. */
  taskAttributes: StudioTaskAttributes;
}

export interface StudioTraitsAnswer {
  written: true;
  /** The Tracking API messageId: the same execution, step, identifier and values always give the same one. */
  messageId: string;
  /** The traits written, by name. */
  traits: string[];
}
