import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import type { CustomerProfile } from '../../serverless/src/profile/types';
import { useLocale, useStrings } from '../shared/PluginProviders';
import { useAfterFirstPaint } from '../shared/useAfterFirstPaint';
import { LinkedAccounts } from './details/LinkedAccounts';
import { TraitDetails } from './details/TraitDetails';
import { failureWordsKey } from './failureWords';
import { formatRelativeTime } from '../shared/timeFormat';
import { HeaderActions, ProfileHeader } from './header/ProfileHeader';
import { ProfileHighlights } from './highlights/ProfileHighlights';
import { HistoryTimeline } from './history/HistoryTimeline';
import type { HeadingLevelOffset } from './profileOutline';
import { HistoryPages, TaskLookup, timelineOf } from './profileSlice';

interface ProfileViewProps {
  profile: CustomerProfile;
  lookup: TaskLookup;
  history?: HistoryPages;
  linked: boolean;
  now: number;
  /** Both absent in the Unify view's preview: the profile as agents see it, without their actions or more history. */
  actions?: HeaderActions;
  onLoadMoreHistory?: () => void;
  /** Below another page's heading (the Unify view's preview): headings that many levels lower, no landmarks. */
  headingLevelOffset?: HeadingLevelOffset;
}

/** When the profile was fetched, and whether the last refresh failed (then what is shown is older). */
function Freshness({ lookup, now }: { lookup: TaskLookup; now: number }) {
  const t = useStrings();
  const locale = useLocale();
  const age = lookup.fetchedAt ? formatRelativeTime(Math.min(lookup.fetchedAt, now), now, locale) : undefined;
  if (lookup.refreshError) {
    return (
      <Alert variant="warning">
        <Text as="span">
          {t('UnifiedProfilesStale', { age: age ?? '', reason: t(failureWordsKey(lookup.refreshError.code)) })}
        </Text>
      </Alert>
    );
  }
  // Only a refresh is announced; the age that ticks by every minute is not (it would interrupt a call).
  return lookup.refreshing ? (
    <Text as="p" role="status" fontSize="fontSize20" color="colorTextWeak">
      {t('UnifiedProfilesRefreshing')}
    </Text>
  ) : (
    <Text as="p" fontSize="fontSize20" color="colorTextWeak">
      {age ? t('UnifiedProfilesUpdated', { age }) : null}
    </Text>
  );
}

/** The found customer, top to bottom: who, what matters now, what they did lately, the rest. */
export function ProfileView({
  profile,
  lookup,
  history,
  linked,
  actions,
  onLoadMoreHistory,
  now,
  headingLevelOffset = 0,
}: ProfileViewProps) {
  const timeline = React.useMemo(() => timelineOf(profile, history), [profile, history]);
  // Who and what matters paint first; the long sections follow a frame later.
  const showRest = useAfterFirstPaint();
  return (
    <Box display="flex" flexDirection="column" rowGap="space50">
      <ProfileHeader
        profile={profile}
        linked={linked}
        actions={actions}
        now={now}
        headingLevelOffset={headingLevelOffset}
      />
      <Freshness lookup={lookup} now={now} />
      <ProfileHighlights
        profile={profile}
        timeline={timeline.items}
        now={now}
        headingLevelOffset={headingLevelOffset}
      />
      {showRest && (
        <>
          <Box>
            <TraitDetails profile={profile} now={now} headingLevelOffset={headingLevelOffset} />
          </Box>
          <LinkedAccounts accounts={profile.linkedAccounts} now={now} headingLevelOffset={headingLevelOffset} />
          {/* A rule above the history (a bordered box, not Paste's Separator: 2 KB of bundle for one line). */}
          <Box borderTopStyle="solid" borderTopWidth="borderWidth10" borderTopColor="colorBorderWeak" />
          <HistoryTimeline
            items={timeline.items}
            hasMore={Boolean(onLoadMoreHistory && timeline.next && profile.segmentId)}
            pages={history}
            degraded={Boolean(lookup.refreshError)}
            now={now}
            onLoadMore={() => onLoadMoreHistory?.()}
            events={profile.presentation?.customerTab?.historyEvents}
            headingLevelOffset={headingLevelOffset}
          />
        </>
      )}
    </Box>
  );
}
