import type { ProfileTraitDisplay, TraitValue } from '../../../serverless/src/profile/types';
import type { PluginStringKey } from '../../strings/en';
import type { Translate } from '../../shared/PluginProviders';
import { humanizeTraitKey } from '../../shared/humanizeKey';
import { numberFormat } from '../../shared/intlCache';
import { formatDateExact, formatRelativeTime } from '../../shared/timeFormat';

/** How a trait's value is shown: the field types of Unified Profiles, told apart from name and value. */
export type TraitFieldType =
  | 'percentile'
  | 'reversedPercentile'
  | 'currency'
  | 'date'
  | 'link'
  | 'number'
  | 'boolean'
  | 'list'
  | 'object'
  | 'enum'
  | 'string';

/** What a trait value looks like on screen: its text, and what hover/focus reveals or a link opens. */
export interface FormattedValue {
  type: TraitFieldType;
  text: string;
  /** The exact value behind a rounded one (a date's time, a band's percentile). */
  exact?: string;
  href?: string;
  /** For percentile bands: whether this band is good, bad or neither for the business. */
  tone?: 'positive' | 'negative' | 'neutral';
  /** For objects: the raw JSON, shown collapsed. */
  json?: string;
}

/** The text colour of a tone, in Paste tokens: readable in Flex's light and dark themes. */
export const TONE_COLOR = {
  positive: 'colorTextSuccess',
  negative: 'colorTextError',
  neutral: 'colorText',
} as const;

export { humanizeTraitKey };

export interface FormatContext {
  t: Translate;
  locale?: string;
  now: number;
  /** ISO 4217 code for money; Segment's predicted lifetime value is in USD. */
  currency?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const URL_VALUE = /^https?:\/\/[^\s]+$/i;
// Risk-like predictions read the other way round: a high percentile is bad news.
const RISK_KEY = /churn|risk|attrition|cancel|default|fraud/i;
const MONEY_KEY = /(^|_)(ltv|lifetime_value|revenue|spend|spent|amount|balance|price|total_value|order_value)(_|$)/i;
const CHANNEL_KEY = /channel/i;

/** Enum values Flex and Segment write in code form, as words. */
const CHANNEL_WORDS: Record<string, PluginStringKey> = {
  voice: 'UnifiedProfilesChannelVoice',
  call: 'UnifiedProfilesChannelVoice',
  sms: 'UnifiedProfilesChannelSms',
  whatsapp: 'UnifiedProfilesChannelWhatsApp',
  web: 'UnifiedProfilesChannelWeb',
  chat: 'UnifiedProfilesChannelWeb',
  webchat: 'UnifiedProfilesChannelWeb',
  email: 'UnifiedProfilesChannelEmail',
  messenger: 'UnifiedProfilesChannelMessenger',
};

export const isPercentile = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

const isDateText = (value: string) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

/** The field type a trait most plausibly has, from what Segment said of it and its name and value. */
export function traitFieldType(key: string, value: TraitValue, isPrediction = false): TraitFieldType {
  if (isPrediction && isPercentile(value)) return RISK_KEY.test(key) ? 'reversedPercentile' : 'percentile';
  if (value === null) return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return MONEY_KEY.test(key) ? 'currency' : 'number';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (isDateText(value)) return 'date';
  if (URL_VALUE.test(value)) return 'link';
  if (CHANNEL_KEY.test(key) && CHANNEL_WORDS[value.toLowerCase()]) return 'enum';
  return 'string';
}

/** The field type an admin's setting names, as the formatter knows it. */
const SET_TYPE: Record<NonNullable<ProfileTraitDisplay['type']>, TraitFieldType> = {
  text: 'string',
  number: 'number',
  currency: 'currency',
  date: 'date',
  percentile: 'percentile',
  reversedPercentile: 'reversedPercentile',
  link: 'link',
  boolean: 'boolean',
};

const isNumeric = (value: TraitValue) =>
  typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

/** Whether a value can be shown as a type: a setting that does not fit the value is not applied. */
function fits(type: TraitFieldType, value: TraitValue): boolean {
  switch (type) {
    case 'number':
    case 'currency':
      return isNumeric(value);
    case 'percentile':
    case 'reversedPercentile':
      return isNumeric(value) && isPercentile(Number(value));
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'link':
      return typeof value === 'string' && URL_VALUE.test(value);
    default:
      return value === null || typeof value !== 'object';
  }
}

/**
 * The field type a trait is shown as: the one an admin set in the Unify view when it fits the
 * value (a "date" that is not a date is not shown as one), else the one read from name and value.
 */
export function displayFieldType(
  key: string,
  value: TraitValue,
  isPrediction = false,
  display?: ProfileTraitDisplay,
): TraitFieldType {
  const set = display?.type ? SET_TYPE[display.type] : undefined;
  return set && fits(set, value) ? set : traitFieldType(key, value, isPrediction);
}

/** A trait's setting from /profile's presentation, never something inherited (a trait may be named `constructor`). */
export function traitDisplayOf(
  settings: Record<string, ProfileTraitDisplay> | undefined,
  key: string,
): ProfileTraitDisplay | undefined {
  return settings && Object.prototype.hasOwnProperty.call(settings, key) ? settings[key] : undefined;
}

/** A channel code (`whatsapp`) in words (`WhatsApp`); unknown codes stay as written. */
export function channelInWords(channel: unknown, t: Translate): string {
  const text = typeof channel === 'string' ? channel : '';
  const key = CHANNEL_WORDS[text.toLowerCase()];
  return key ? t(key) : text;
}

export function formatMoney(amount: number, { locale, currency = 'USD' }: Pick<FormatContext, 'locale' | 'currency'>) {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A currency trait Intl does not know: the number, and the code as written.
    return `${numberFormat(locale).format(amount)} ${currency}`;
  }
}

type Band = 'top' | 'average' | 'bottom';
const bandOf = (percentile: number): Band => (percentile >= 0.75 ? 'top' : percentile <= 0.25 ? 'bottom' : 'average');

const BAND_TEXT: Record<'percentile' | 'reversedPercentile', Record<Band, PluginStringKey>> = {
  percentile: {
    top: 'UnifiedProfilesBandTop',
    average: 'UnifiedProfilesBandAverage',
    bottom: 'UnifiedProfilesBandBottom',
  },
  reversedPercentile: {
    top: 'UnifiedProfilesRiskHigh',
    average: 'UnifiedProfilesRiskAverage',
    bottom: 'UnifiedProfilesRiskLow',
  },
};

/** A percentile (0.85 = better than 85% of customers) as a band; for risk-like traits high is bad. */
export function formatPercentile(
  percentile: number,
  type: 'percentile' | 'reversedPercentile',
  { t, locale }: Pick<FormatContext, 't' | 'locale'>,
): FormattedValue {
  const band = bandOf(percentile);
  const good = type === 'percentile' ? band === 'top' : band === 'bottom';
  const bad = type === 'percentile' ? band === 'bottom' : band === 'top';
  const percent = numberFormat(locale, { style: 'percent' }).format(percentile);
  return {
    type,
    text: t(BAND_TEXT[type][band]),
    exact: t('UnifiedProfilesPercentileExact', { percent }),
    tone: good ? 'positive' : bad ? 'negative' : 'neutral',
  };
}

/** A trait value as the agent reads it, in the agent's locale. */
export function formatTraitValue(
  key: string,
  value: TraitValue,
  context: FormatContext,
  type: TraitFieldType = traitFieldType(key, value),
): FormattedValue {
  const { t, locale } = context;
  if (value === null || value === '') return { type, text: t('UnifiedProfilesValueMissing') };
  switch (type) {
    case 'percentile':
    case 'reversedPercentile':
      return formatPercentile(Number(value), type, context);
    case 'currency':
      return { type, text: formatMoney(Number(value), context) };
    case 'number':
      return { type, text: numberFormat(locale).format(Number(value)) };
    case 'boolean':
      return { type, text: t(value ? 'UnifiedProfilesYes' : 'UnifiedProfilesNo') };
    case 'date':
      return {
        type,
        text: formatRelativeTime(String(value), context.now, locale),
        exact: formatDateExact(String(value), locale),
      };
    case 'link':
      return { type, text: String(value), href: String(value) };
    case 'enum':
      return { type, text: channelInWords(value, t) };
    case 'list': {
      const items = (value as unknown[]).map((item) =>
        item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item),
      );
      return { type, text: items.join(', ') };
    }
    case 'object': {
      const keys = Object.keys(value as object);
      return {
        type,
        text: t('UnifiedProfilesObjectSummary', { count: keys.length, keys: keys.slice(0, 3).join(', ') }),
        json: JSON.stringify(value, null, 2),
      };
    }
    default:
      return { type, text: String(value) };
  }
}
