import type { TimelineItem, TraitValue } from '../../../serverless/src/profile/types';
import type { Translate } from '../../shared/PluginProviders';
import { channelInWords, formatMoney } from '../format/traitFormat';
import { formatDuration } from '../../shared/timeFormat';

/** What kind of thing happened: Flex's own interactions apart from what other sources sent. */
export type TimelineKind = 'flex' | 'order' | 'web' | 'support' | 'other';
export const TIMELINE_KINDS: TimelineKind[] = ['flex', 'order', 'web', 'support', 'other'];

const FLEX_EVENT = /^Flex - /;

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

/** The event's headline: its name in the timeline, or what an untitled call means. */
export function timelineTitle(item: TimelineItem, t: Translate): string {
  if (item.name === 'Flex - Engagement Initiated') return t('UnifiedProfilesHistoryFlexInitiated');
  if (item.name === 'Flex - Engagement Completed') return t('UnifiedProfilesHistoryFlexCompleted');
  if (item.type === 'page') return t('UnifiedProfilesHistoryPageViewed');
  if (item.type === 'screen') return t('UnifiedProfilesHistoryScreenViewed');
  if (item.type === 'identify') return t('UnifiedProfilesHistoryIdentify');
  if (item.type === 'group') return t('UnifiedProfilesHistoryGroup');
  return item.name ?? item.type;
}

/** One line from the event's properties: an order's total with its currency, a page's title, a call's channel and length. */
export function timelineSummary(item: TimelineItem, context: SummaryContext): string {
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
