import type { CustomerProfile, TimelineItem, TraitValue } from '../../../serverless/src/profile/types';
import type { Translate } from '../../shared/PluginProviders';
import {
  channelInWords,
  formatMoney,
  formatPercentile,
  displayFieldType,
  formatTraitValue,
  humanizeTraitKey,
  isPercentile,
  traitDisplayOf,
} from '../format/traitFormat';
import { formatDateExact, formatRelativeTime } from '../../shared/timeFormat';
import { timelineKindOf, timelineSummary, timelineTitle } from '../history/timelineEvents';

/** One line of the summary, and where it came from (shown on hover and focus). */
export interface Highlight {
  id: string;
  text: string;
  source: string;
  tone?: 'positive' | 'negative' | 'neutral';
}

interface HighlightContext {
  t: Translate;
  locale?: string;
  now: number;
}

const VALUE_TRAITS = ['lifetime_value', 'ltv', 'total_spent', 'predicted_ltv'];
const CHURN_TRAITS = ['likelihood_to_churn', 'churn_risk', 'churn_propensity'];
const PURCHASE_TRAITS = ['likelihood_to_purchase', 'purchase_propensity'];

function allTraits(profile: CustomerProfile): Record<string, TraitValue> {
  const { custom, computed, predictive } = profile.traits;
  return { ...custom, ...computed, ...predictive };
}

const firstPresent = (traits: Record<string, TraitValue>, keys: string[]) => keys.find((key) => traits[key] != null);

/**
 * A short, deterministic summary of who this is and what happened last, built from traits and the
 * events already loaded: the same profile always reads the same, offline, with no AI.
 */
export function buildHighlights(profile: CustomerProfile, timeline: TimelineItem[], context: HighlightContext) {
  const { t, locale, now } = context;
  const traits = allTraits(profile);
  const displays = profile.presentation?.traitDisplay;
  /** A trait's name as an admin set it in the Unify view, else from its key. */
  const traitName = (key: string) => traitDisplayOf(displays, key)?.label ?? humanizeTraitKey(key);
  const traitSource = (key: string) => t('UnifiedProfilesSourceTrait', { trait: traitName(key), key });
  const eventSource = (item: TimelineItem) =>
    t('UnifiedProfilesSourceEvent', { event: timelineTitle(item, t), time: formatDateExact(item.timestamp, locale) });
  const lines: Highlight[] = [];
  /** The traits a line already reads out, so a configured one is not said twice. */
  const said = new Set<string>();

  const valueKey = firstPresent(traits, VALUE_TRAITS);
  if (valueKey && typeof traits[valueKey] === 'number') {
    // The currency an admin set for this trait, else the profile's own currency trait, else USD.
    const fromTrait = typeof traits.currency === 'string' ? traits.currency.toUpperCase() : 'USD';
    const currency = traitDisplayOf(displays, valueKey)?.currency ?? fromTrait;
    const amount = formatMoney(traits[valueKey] as number, { locale, currency });
    const template =
      valueKey === 'predicted_ltv' ? 'UnifiedProfilesHighlightPredictedValue' : 'UnifiedProfilesHighlightValue';
    lines.push({ id: 'value', text: t(template, { amount }), source: traitSource(valueKey) });
    said.add(valueKey);
  }

  // A prediction as its band: churn reads the other way round (high is bad news).
  const predictionLine = (
    id: string,
    keys: string[],
    type: 'percentile' | 'reversedPercentile',
    template: 'UnifiedProfilesHighlightChurn' | 'UnifiedProfilesHighlightPurchase',
  ) => {
    const key = firstPresent(traits, keys);
    if (!key || !isPercentile(traits[key])) return;
    const band = formatPercentile(traits[key] as number, type, context);
    lines.push({ id, text: t(template, { band: band.text }), source: traitSource(key), tone: band.tone });
    said.add(key);
  };
  predictionLine('churn', CHURN_TRAITS, 'reversedPercentile', 'UnifiedProfilesHighlightChurn');
  predictionLine('purchase', PURCHASE_TRAITS, 'percentile', 'UnifiedProfilesHighlightPurchase');

  if (typeof traits.plan === 'string' && traits.plan) {
    lines.push({
      id: 'plan',
      text: t('UnifiedProfilesHighlightPlan', { plan: traits.plan }),
      source: traitSource('plan'),
    });
    said.add('plan');
  }

  const lastInteraction = timeline.find((item) => timelineKindOf(item) === 'flex');
  if (lastInteraction) {
    lines.push({
      id: 'last-interaction',
      text: t('UnifiedProfilesHighlightLastInteraction', {
        when: formatRelativeTime(lastInteraction.timestamp, now, locale),
        summary: timelineSummary(lastInteraction, context),
      }),
      source: eventSource(lastInteraction),
    });
  } else if (typeof traits.total_inbounds === 'number' && traits.total_inbounds > 0) {
    const channel = channelInWords(traits.frequent_inbound_channel, t);
    lines.push({
      id: 'inbounds',
      text: channel
        ? t('UnifiedProfilesHighlightInboundsChannel', { count: traits.total_inbounds, channel })
        : t('UnifiedProfilesHighlightInbounds', { count: traits.total_inbounds }),
      source: traitSource('total_inbounds'),
    });
    said.add('total_inbounds');
    if (channel) said.add('frequent_inbound_channel');
  }

  // An issue the customer raised lately is what they are most likely calling about.
  const openIssue = timeline.find((item) => timelineKindOf(item) === 'support');
  if (openIssue) {
    lines.push({
      id: 'open-issue',
      text: t('UnifiedProfilesHighlightIssue', {
        when: formatRelativeTime(openIssue.timestamp, now, locale),
        subject: timelineSummary(openIssue, context) || timelineTitle(openIssue, t),
      }),
      source: eventSource(openIssue),
      tone: 'negative',
    });
  }

  // Then the traits an admin chose in the Unify view, in their order: each one present on the
  // profile and not already read out by a line above.
  for (const key of profile.presentation?.highlightedTraits ?? []) {
    const isPrediction = Object.prototype.hasOwnProperty.call(profile.traits.predictive, key);
    const value = isPrediction ? profile.traits.predictive[key] : ownValue(traits, key);
    if (value == null || value === '' || said.has(key)) continue;
    said.add(key);
    const display = traitDisplayOf(displays, key);
    const type = displayFieldType(key, value, isPrediction, display);
    const currency = type === 'currency' ? display?.currency : undefined;
    const shown = formatTraitValue(key, value, { ...context, currency }, type);
    lines.push({
      id: `trait-${key}`,
      text: t('UnifiedProfilesHighlightTrait', { trait: traitName(key), value: shown.text }),
      source: traitSource(key),
      tone: shown.tone,
    });
  }

  return lines;
}

/** A trait's value, never something inherited (a trait named `constructor` is a trait like any other). */
const ownValue = (traits: Record<string, TraitValue>, key: string) =>
  Object.prototype.hasOwnProperty.call(traits, key) ? traits[key] : undefined;
