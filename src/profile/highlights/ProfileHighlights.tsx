import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { CustomerProfile, TimelineItem } from '../../../serverless/src/profile/types';
import { useLocale, useStrings } from '../../shared/PluginProviders';
import { TONE_COLOR } from '../format/traitFormat';
import { HeadingLevelOffset, headingTag, sectionElement } from '../profileOutline';
import { RevealOnFocus } from '../RevealOnFocus';
import { buildHighlights } from './buildHighlights';

/** The few lines an agent reads first; each reveals its source (trait or event) on hover and focus. */
export function ProfileHighlights({
  profile,
  timeline,
  now,
  headingLevelOffset = 0,
}: {
  profile: CustomerProfile;
  timeline: TimelineItem[];
  now: number;
  headingLevelOffset?: HeadingLevelOffset;
}) {
  const t = useStrings();
  const locale = useLocale();
  const lines = React.useMemo(
    () => buildHighlights(profile, timeline, { t, locale, now }),
    [profile, timeline, t, locale, now],
  );
  if (lines.length === 0) return null;
  return (
    <Box
      {...sectionElement(headingLevelOffset)}
      aria-labelledby="unified-profiles-highlights"
      padding="space40"
      backgroundColor="colorBackground"
      borderRadius="borderRadius20"
    >
      <Heading as={headingTag(3, headingLevelOffset)} id="unified-profiles-highlights" variant="heading50">
        {t('UnifiedProfilesHighlightsHeading')}
      </Heading>
      <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
        {lines.map((line) => (
          <Box as="li" key={line.id} marginBottom="space20" data-highlight={line.id}>
            <RevealOnFocus detail={line.source} color={TONE_COLOR[line.tone ?? 'neutral']} fontSize="fontSize30">
              {line.text}
            </RevealOnFocus>
          </Box>
        ))}
      </Box>
      <Text as="p" fontSize="fontSize20" color="colorTextWeak">
        {t('UnifiedProfilesHighlightsHint')}
      </Text>
    </Box>
  );
}
