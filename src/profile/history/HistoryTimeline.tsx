import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Text } from '@twilio-paste/core/text';
import { CallIcon } from '@twilio-paste/icons/cjs/CallIcon';
import { ChatIcon } from '@twilio-paste/icons/cjs/ChatIcon';
import { CreditCardIcon } from '@twilio-paste/icons/cjs/CreditCardIcon';
import { EmailIcon } from '@twilio-paste/icons/cjs/EmailIcon';
import { NeutralIcon } from '@twilio-paste/icons/cjs/NeutralIcon';
import { ShowIcon } from '@twilio-paste/icons/cjs/ShowIcon';
import { SMSIcon } from '@twilio-paste/icons/cjs/SMSIcon';
import { SupportIcon } from '@twilio-paste/icons/cjs/SupportIcon';

import type { TimelineItem } from '../../../serverless/src/profile/types';
import type { PluginStringKey } from '../../strings/en';
import { useLocale, useStrings } from '../../shared/PluginProviders';
import { formatDate, formatDateExact, formatTimeOfDay, localDayKey } from '../../shared/timeFormat';
import { HeadingLevelOffset, headingTag, sectionElement } from '../profileOutline';
import { RevealOnFocus } from '../RevealOnFocus';
import type { HistoryPages } from '../profileSlice';
import {
  HistoryEventSetting,
  isShownInHistory,
  TIMELINE_KINDS,
  TimelineKind,
  timelineKindOf,
  timelineSummary,
  timelineTitle,
  timelineWhen,
} from './timelineEvents';

const KIND_NAMES: Record<TimelineKind, PluginStringKey> = {
  flex: 'UnifiedProfilesHistoryKindFlex',
  order: 'UnifiedProfilesHistoryKindOrder',
  web: 'UnifiedProfilesHistoryKindWeb',
  support: 'UnifiedProfilesHistoryKindSupport',
  other: 'UnifiedProfilesHistoryKindOther',
};

/** Flex interactions by their channel; events from other sources by what they are. */
function EventIcon({ item, kind }: { item: TimelineItem; kind: TimelineKind }) {
  if (kind === 'flex') {
    const channel = String(item.properties.channelType ?? '').toLowerCase();
    if (channel === 'voice') return <CallIcon decorative color="colorTextPrimary" />;
    if (channel === 'email') return <EmailIcon decorative color="colorTextPrimary" />;
    if (channel === 'sms' || channel === 'whatsapp') return <SMSIcon decorative color="colorTextPrimary" />;
    return <ChatIcon decorative color="colorTextPrimary" />;
  }
  if (kind === 'order') return <CreditCardIcon decorative color="colorTextWeak" />;
  if (kind === 'web') return <ShowIcon decorative color="colorTextWeak" />;
  if (kind === 'support') return <SupportIcon decorative color="colorTextWeak" />;
  return <NeutralIcon decorative color="colorTextWeak" />;
}

function dayHeading(iso: string, now: number, locale: string, t: (key: PluginStringKey) => string) {
  const day = localDayKey(iso);
  if (day === localDayKey(now)) return t('UnifiedProfilesHistoryToday');
  if (day === localDayKey(now - 86_400_000)) return t('UnifiedProfilesHistoryYesterday');
  return formatDate(iso, locale);
}

/** One event: its icon, headline, one-line summary, and its time (exact on hover and focus). */
const HistoryEntry = React.memo(function HistoryEntry({
  item,
  events,
}: {
  item: TimelineItem;
  events?: HistoryEventSetting[];
}) {
  const t = useStrings();
  const locale = useLocale();
  const kind = timelineKindOf(item);
  const summary = timelineSummary(item, { t, locale }, events);
  const { time, dayOnly } = timelineWhen(item, events);
  return (
    <Box as="li" display="flex" columnGap="space30" paddingY="space20" data-kind={kind}>
      <EventIcon item={item} kind={kind} />
      <Box flexGrow={1} minWidth="size0">
        <Text as="p" fontSize="fontSize30" fontWeight="fontWeightSemibold">
          {timelineTitle(item, t, events)}
          {kind !== 'flex' && (
            <Text as="span" fontWeight="fontWeightNormal" color="colorTextWeak" fontSize="fontSize20">
              {' '}
              · {t('UnifiedProfilesHistoryExternal')}
            </Text>
          )}
        </Text>
        {summary && (
          <Text as="p" fontSize="fontSize30" color="colorTextWeak">
            {summary}
          </Text>
        )}
      </Box>
      {/* A day without a time (a date-only property) is said by the day's heading alone. */}
      {!dayOnly && (
        <RevealOnFocus detail={formatDateExact(time, locale)} fontSize="fontSize20" color="colorTextWeak">
          {formatTimeOfDay(time, locale)}
        </RevealOnFocus>
      )}
    </Box>
  );
});

/**
 * Entries shown at first and added by each "View more", as Flex's own history pages. Events already
 * fetched are revealed before Segment is asked for more, so the tab never renders a long history
 * the agent did not ask to see (a 1,000-event history costs ~1 s of rendering on a 2-core desktop).
 */
const ENTRIES_PER_VIEW = 20;

interface HistoryProps {
  items: TimelineItem[];
  hasMore: boolean;
  pages?: HistoryPages;
  /** The last refresh failed: some recent activity may be missing. */
  degraded: boolean;
  now: number;
  onLoadMore?: () => void;
  /** The events an admin chose to show besides Flex's own (with their names and properties); all when absent. */
  events?: HistoryEventSetting[];
  headingLevelOffset?: HeadingLevelOffset;
}

/** One timeline of Flex interactions and Segment events, newest first, by day, with "View more". */
export function HistoryTimeline({
  items,
  hasMore,
  pages,
  degraded,
  now,
  onLoadMore,
  events,
  headingLevelOffset = 0,
}: HistoryProps) {
  const t = useStrings();
  const locale = useLocale();
  const [kind, setKind] = React.useState<TimelineKind | 'all'>('all');
  const allowed = React.useMemo(() => items.filter((item) => isShownInHistory(item, events)), [items, events]);
  const sorted = React.useMemo(
    () =>
      allowed
        .map((item) => ({ item, time: timelineWhen(item, events).time }))
        .sort((a, b) => Date.parse(b.time) - Date.parse(a.time)),
    [allowed, events],
  );
  const shown = kind === 'all' ? sorted : sorted.filter(({ item }) => timelineKindOf(item) === kind);
  const [visible, setVisible] = React.useState(ENTRIES_PER_VIEW);
  const viewMore = () => {
    setVisible((count) => count + ENTRIES_PER_VIEW);
    // Ask Segment for the next page once what was fetched is nearly all on screen.
    if (hasMore && visible + 2 * ENTRIES_PER_VIEW > shown.length) onLoadMore?.();
  };
  const days: { key: string; heading: string; items: TimelineItem[] }[] = [];
  for (const { item, time } of shown.slice(0, visible)) {
    const key = localDayKey(time);
    if (days[days.length - 1]?.key !== key) days.push({ key, heading: dayHeading(time, now, locale, t), items: [] });
    days[days.length - 1].items.push(item);
  }

  return (
    <Box {...sectionElement(headingLevelOffset)} aria-labelledby="unified-profiles-history" marginBottom="space50">
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        columnGap="space30"
        flexWrap="wrap"
        marginBottom="space30"
      >
        <Heading
          as={headingTag(3, headingLevelOffset)}
          id="unified-profiles-history"
          variant="heading50"
          marginBottom="space0"
        >
          {t('UnifiedProfilesHistoryHeading')}
        </Heading>
        {allowed.length > 0 && (
          <Box display="flex" alignItems="center" columnGap="space30">
            <Label htmlFor="unified-profiles-history-kind" marginBottom="space0">
              {t('UnifiedProfilesHistoryFilterLabel')}
            </Label>
            <Select
              id="unified-profiles-history-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as TimelineKind | 'all')}
            >
              <Option value="all">{t('UnifiedProfilesHistoryKindAll')}</Option>
              {TIMELINE_KINDS.map((value) => (
                <Option key={value} value={value}>
                  {t(KIND_NAMES[value])}
                </Option>
              ))}
            </Select>
          </Box>
        )}
      </Box>

      {degraded && (
        <Box marginBottom="space30">
          <Alert variant="warning">
            <Text as="span">{t('UnifiedProfilesHistoryDegraded')}</Text>
          </Alert>
        </Box>
      )}

      {shown.length === 0 && (
        <Text as="p" color="colorTextWeak">
          {items.length === 0
            ? t('UnifiedProfilesHistoryEmpty')
            : allowed.length === 0
              ? t('UnifiedProfilesHistoryHiddenByLayout')
              : t('UnifiedProfilesHistoryFilterEmpty')}
        </Text>
      )}

      {days.map((day) => (
        <Box key={day.key} marginBottom="space40">
          <Text
            as={headingTag(4, headingLevelOffset)}
            fontSize="fontSize20"
            fontWeight="fontWeightSemibold"
            color="colorTextWeak"
            textTransform="uppercase"
          >
            {day.heading}
          </Text>
          <Box as="ol" margin="space0" paddingLeft="space0" listStyleType="none">
            {day.items.map((item) => (
              <HistoryEntry key={item.id} item={item} events={events} />
            ))}
          </Box>
        </Box>
      ))}

      {pages?.status === 'failed' && (
        <Box marginBottom="space30">
          <Alert variant="error">
            <Text as="span">{t('UnifiedProfilesHistoryMoreFailed')}</Text>
          </Alert>
        </Box>
      )}
      {(shown.length > visible || hasMore) && (
        <Button variant="secondary" size="small" onClick={viewMore} loading={pages?.status === 'loading'}>
          {t('UnifiedProfilesHistoryViewMore')}
        </Button>
      )}
    </Box>
  );
}
