import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { TimelineItem, TraitValue } from '../../../serverless/src/profile/types';
import type { Translate } from '../../shared/PluginProviders';
import { channelInWords, formatMoney } from '../format/traitFormat';
import { formatDuration } from '../../shared/timeFormat';

/** What kind of thing happened: Flex's own interactions apart from what other sources sent. */
export type TimelineKind = 'flex' | 'order' | 'web' | 'support' | 'other';
export const TIMELINE_KINDS: TimelineKind[] = ['flex', 'order', 'web', 'support', 'other'];

const FLEX_EVENT = /^Flex - /;

/** An event an admin listed for the history, with its display name and the properties it shows. */
export type HistoryEventSetting = NonNullable<CustomerTabLayout['historyEvents']>[number];

export function timelineKindOf(item: TimelineItem): TimelineKind {
  const name = item.name ?? '';
  if (item.type === 'track' && FLEX_EVENT.test(name)) return 'flex';
  if (/order|purchase|checkout|payment/i.test(name)) return 'order';
  if (item.type === 'page' || item.type === 'screen' || /viewed|clicked|signed/i.test(name)) return 'web';
  if (/ticket|support|complaint|case/i.test(name)) return 'support';
  return 'other';
}

const text = (value: TraitValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

interface SummaryContext {
  t: Translate;
  locale?: string;
}

function flexSummary(item: TimelineItem, { t, locale }: SummaryContext): string {
  const props = item.properties;
  const inbound = String(props.direction ?? '').toLowerCase() !== 'outbound';
  const parts = [
    t(inbound ? 'UnifiedProfilesHistoryInbound' : 'UnifiedProfilesHistoryOutbound', {
      channel: channelInWords(props.channelType, t) || t('UnifiedProfilesHistoryInteraction'),
    }),
  ];
  const queue = text(props.queue);
  if (queue) parts.push(t('UnifiedProfilesHistoryQueue', { queue }));
  if (typeof props.duration === 'number') parts.push(formatDuration(props.duration, locale));
  const sentiment = text(props.sentiment);
  if (sentiment) parts.push(t('UnifiedProfilesHistorySentiment', { sentiment }));
  const outcome = text(props.disposition) ?? text(props.dispositionCode) ?? text(props.outcome);
  if (outcome) parts.push(outcome);
  const note = text(props.wrapupNote) ?? text(props.notes);
  if (note) parts.push(`“${note}”`);
  return parts.join(' · ');
}

/** The admin's setting for a track event they listed; undefined for any other event. */
export function historyEventSettingOf(
  item: TimelineItem,
  events: HistoryEventSetting[] | undefined,
): HistoryEventSetting | undefined {
  return item.type === 'track' ? events?.find(({ event }) => event === item.name) : undefined;
}

/** Whether the history shows an event: every one, unless an admin listed some (then those and Flex's own). */
export function isShownInHistory(item: TimelineItem, events: HistoryEventSetting[] | undefined): boolean {
  if (!events?.length) return true;
  return timelineKindOf(item) === 'flex' || historyEventSettingOf(item, events) !== undefined;
}

/** When an event happened; `dayOnly` when its date property named a calendar day and no time. */
export interface TimelineWhen {
  time: string;
  dayOnly: boolean;
}

// A date-time with its offset, as the Functions read an ISO time: one without could be any zone.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The agent's local midnight of a calendar day, or undefined for a day that does not exist (2025-02-30). */
function localDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(0);
  date.setFullYear(year, month - 1, day);
  date.setHours(0, 0, 0, 0);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** A date property's value as a moment: an ISO 8601 date-time with its offset, or a day (YYYY-MM-DD). */
function readDateProperty(value: TraitValue | undefined): TimelineWhen | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (ISO_DATE_TIME.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : { time: new Date(time).toISOString(), dayOnly: false };
  }
  const day = ISO_DATE.exec(text);
  // A day is that day where the agent is, not midnight UTC (the evening before in the Americas).
  const date = day && localDay(Number(day[1]), Number(day[2]), Number(day[3]));
  return date ? { time: date.toISOString(), dayOnly: true } : undefined;
}

/** When the event happened: the admin's date property when it holds a date, else when Segment received it. */
export function timelineWhen(item: TimelineItem, events?: HistoryEventSetting[]): TimelineWhen {
  const property = historyEventSettingOf(item, events)?.dateProperty;
  const read = property ? readDateProperty(propertyOf(item, property)) : undefined;
  return read ?? { time: item.timestamp, dayOnly: false };
}

/** An event property by name, or by a dotted path into nested properties (`order.total`). */
function propertyOf(item: TimelineItem, name: string): TraitValue | undefined {
  if (Object.prototype.hasOwnProperty.call(item.properties, name)) return item.properties[name];
  let value: unknown = item.properties;
  for (const key of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value as TraitValue;
}

/** Properties that hold an amount of money (Segment's e-commerce spec), by their whole name: not `total_items`. */
const MONEY_PROPERTIES = new Set([
  'revenue',
  'total',
  'subtotal',
  'price',
  'value',
  'amount',
  'tax',
  'shipping',
  'discount',
]);

/** Whether a chosen property is money: its name, or the last part of a dotted path (`order.total`). */
const isMoneyProperty = (name: string) => MONEY_PROPERTIES.has(name.split('.').pop()?.toLowerCase() ?? '');

/** A property the admin chose, as the agent reads it: money with the event's currency, else the value. */
function propertyText(item: TimelineItem, name: string, { t, locale }: SummaryContext): string | undefined {
  const value = propertyOf(item, name);
  const currency = text(item.properties.currency)?.toUpperCase();
  if (typeof value === 'number' && currency && isMoneyProperty(name)) return formatMoney(value, { locale, currency });
  if (typeof value === 'boolean') return t(value ? 'UnifiedProfilesYes' : 'UnifiedProfilesNo');
  return text(value);
}

/** The event's headline: the admin's name for it, its name in the timeline, or what an untitled call means. */
export function timelineTitle(item: TimelineItem, t: Translate, events?: HistoryEventSetting[]): string {
  const setting = historyEventSettingOf(item, events);
  if (setting) return setting.label ?? setting.event;
  if (item.name === 'Flex - Engagement Initiated') return t('UnifiedProfilesHistoryFlexInitiated');
  if (item.name === 'Flex - Engagement Completed') return t('UnifiedProfilesHistoryFlexCompleted');
  if (item.type === 'page') return t('UnifiedProfilesHistoryPageViewed');
  if (item.type === 'screen') return t('UnifiedProfilesHistoryScreenViewed');
  if (item.type === 'identify') return t('UnifiedProfilesHistoryIdentify');
  if (item.type === 'group') return t('UnifiedProfilesHistoryGroup');
  return item.name ?? item.type;
}

/**
 * One line from the event's properties: the ones an admin chose, else an order's total with its
 * currency, a page's title, a call's channel and length.
 */
export function timelineSummary(item: TimelineItem, context: SummaryContext, events?: HistoryEventSetting[]): string {
  const setting = historyEventSettingOf(item, events);
  const chosen = [setting?.primaryProperty, setting?.secondaryProperty].filter((name): name is string => !!name);
  if (chosen.length > 0)
    return chosen
      .map((name) => propertyText(item, name, context))
      .filter(Boolean)
      .join(' · ');
  const props = item.properties;
  switch (timelineKindOf(item)) {
    case 'flex':
      return flexSummary(item, context);
    case 'order': {
      const total = props.revenue ?? props.total ?? props.value;
      const currency = text(props.currency)?.toUpperCase();
      const amount = typeof total === 'number' ? formatMoney(total, { locale: context.locale, currency }) : undefined;
      return [amount, text(props.order_id)].filter(Boolean).join(' · ');
    }
    case 'web':
      return text(props.title) ?? text(props.name) ?? text(props.product) ?? text(props.path) ?? text(props.url) ?? '';
    case 'support':
      return text(props.subject) ?? text(props.title) ?? '';
    default:
      return (
        Object.entries(props)
          .map(([, value]) => text(value))
          .find(Boolean) ?? ''
      );
  }
}
