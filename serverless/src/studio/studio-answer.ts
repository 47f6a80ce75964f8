import type { TaskProfileLink, TraitValue } from '../profile/types';
import type { StudioMissReason, StudioProfileAnswer, StudioRoutingHints } from './studio-contract';

/**
 * The traits a flow gets, by name: the computed and predictive traits the Customer tab's
 * highlights read (value, plan, churn and purchase predictions, the Flex engagement traits). The
 * current list, fixed here; an admin-configured list can replace it later.
 */
export const HIGHLIGHTED_TRAITS = [
  'lifetime_value',
  'predicted_ltv',
  'plan',
  'likelihood_to_churn',
  'likelihood_to_purchase',
  'total_inbounds',
  'frequent_inbound_channel',
  'sentiment_in_last_interaction',
] as const;

/** Traits the display name is made of (as the Customer tab's header makes it). */
export const NAME_TRAITS = ['name', 'first_name', 'firstName', 'last_name', 'lastName', 'email', 'phone'] as const;

/** Audiences whose members are routed first. */
export const VIP_AUDIENCES = new Set(['vip', 'vips', 'vip_customers', 'high_value_customers']);
/** likelihood_to_churn from which a caller is a churn risk: the top 20%. */
export const CHURN_RISK_FROM = 0.8;

export const PRIORITY = { vip: 10, attention: 5, none: 0 } as const;

/** What a lookup found, as cached: no link time, which belongs to each answer. */
export interface StudioMatch {
  /** The identifier that found it, normalised. */
  type: string;
  value: string;
  segmentId: string | null;
  displayName: string | null;
  traits: Record<string, TraitValue>;
  audiences: string[];
}

/** The routing rule (documented in docs/studio.md): a VIP audience first, then a churn risk or a bad last call. */
export function routingHintsOf(traits: Record<string, TraitValue>, audiences: string[]): StudioRoutingHints {
  const vip = audiences.some((audience) => VIP_AUDIENCES.has(audience));
  const churn = traits.likelihood_to_churn;
  const churnRisk = typeof churn === 'number' && churn >= CHURN_RISK_FROM && churn <= 1;
  const negative =
    typeof traits.sentiment_in_last_interaction === 'string' &&
    traits.sentiment_in_last_interaction.toLowerCase() === 'negative';
  if (vip) return { priority: PRIORITY.vip, vip, churnRisk, reason: 'vip_audience' };
  if (churnRisk) return { priority: PRIORITY.attention, vip, churnRisk, reason: 'churn_risk' };
  if (negative) return { priority: PRIORITY.attention, vip, churnRisk, reason: 'negative_sentiment' };
  return { priority: PRIORITY.none, vip, churnRisk, reason: null };
}

export function foundAnswer(match: StudioMatch, now: Date): StudioProfileAnswer {
  const identifier = `${match.type}:${match.value}`;
  const link: TaskProfileLink = {
    ...(match.segmentId ? { segment_id: match.segmentId } : {}),
    identifier,
    linked_at: now.toISOString(),
    linked_by: 'studio',
  };
  return {
    found: true,
    degraded: false,
    segmentId: match.segmentId,
    displayName: match.displayName,
    identifier,
    traits: match.traits,
    audiences: match.audiences,
    routing: routingHintsOf(match.traits, match.audiences),
    taskAttributes: { unified_profiles: { link } },
  };
}

const DEGRADED_REASONS = new Set<StudioMissReason>([
  'segment_unavailable',
  'rate_limited',
  'segment_auth_failed',
  'not_configured',
]);

/** No profile: every field present, so a flow's Liquid reads the same names whatever happened. */
export function missAnswer(reason: StudioMissReason): StudioProfileAnswer {
  return {
    found: false,
    degraded: DEGRADED_REASONS.has(reason),
    reason,
    segmentId: null,
    displayName: null,
    identifier: null,
    traits: {},
    audiences: [],
    routing: routingHintsOf({}, []),
    taskAttributes: {},
  };
}
