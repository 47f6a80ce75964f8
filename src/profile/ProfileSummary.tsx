import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';

import type { CustomerProfile, TraitValue } from '../../serverless/src/profile/types';
import { useStrings } from '../shared/PluginProviders';
import { formatTraitValue, humanizeTraitKey } from './formatTrait';

/** Traits an agent needs first; the rest follow alphabetically. */
const LEADING_TRAITS = ['email', 'phone', 'plan', 'company', 'city'];
/** Traits already shown as the heading. */
const NAME_TRAITS = new Set(['name', 'first_name', 'last_name', 'firstName', 'lastName']);

function orderTraits(traits: Record<string, TraitValue>): [string, TraitValue][] {
  const rank = (key: string) => {
    const index = LEADING_TRAITS.indexOf(key);
    return index === -1 ? LEADING_TRAITS.length : index;
  };
  return Object.entries(traits)
    .filter(([key]) => !NAME_TRAITS.has(key))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

interface DescriptionRow {
  key: string;
  label: string;
  value: string;
}

const traitRow = ([key, value]: [string, TraitValue]): DescriptionRow => ({
  key,
  label: humanizeTraitKey(key),
  value: formatTraitValue(value),
});

/** A description list: the semantics screen readers expect for label/value pairs. */
function DescriptionRows({ rows }: { rows: DescriptionRow[] }) {
  return (
    <Box
      as="dl"
      margin="space0"
      display="grid"
      columnGap="space40"
      rowGap="space20"
      gridTemplateColumns="minmax(8rem, max-content) 1fr"
    >
      {rows.map(({ key, label, value }) => (
        <React.Fragment key={key}>
          <Text as="dt" color="colorTextWeak" fontSize="fontSize20">
            {label}
          </Text>
          <Text as="dd" margin="space0" fontSize="fontSize20" wordBreak="break-word">
            {value}
          </Text>
        </React.Fragment>
      ))}
    </Box>
  );
}

export function ProfileSummary({ profile }: { profile: CustomerProfile }) {
  const t = useStrings();
  const traits = orderTraits({ ...profile.traits.custom, ...profile.traits.computed });
  const audiences = Object.entries(profile.traits.audiences).filter(([, member]) => member);
  const predictions = Object.entries(profile.traits.predictive);

  return (
    <Stack orientation="vertical" spacing="space60">
      <Box>
        <Heading as="h2" variant="heading30">
          {profile.displayName ?? t('UnifiedProfilesNoName')}
        </Heading>
        <Badge as="span" variant="neutral">
          {t('UnifiedProfilesMatchedBy', { type: profile.matchedIdentifier.type })}
        </Badge>
      </Box>

      <Box as="section" aria-labelledby="unified-profiles-traits">
        <Heading as="h3" id="unified-profiles-traits" variant="heading50">
          {t('UnifiedProfilesTraitsHeading')}
        </Heading>
        {traits.length > 0 ? (
          <DescriptionRows rows={traits.map(traitRow)} />
        ) : (
          <Text as="p">{t('UnifiedProfilesNoTraits')}</Text>
        )}
      </Box>

      {predictions.length > 0 && (
        <Box as="section" aria-labelledby="unified-profiles-predictions">
          <Heading as="h3" id="unified-profiles-predictions" variant="heading50">
            {t('UnifiedProfilesPredictionsHeading')}
          </Heading>
          <DescriptionRows
            rows={predictions.map(([key, percentile]) => ({
              key,
              label: humanizeTraitKey(key),
              value: t('UnifiedProfilesPercentile', { percent: Math.max(1, Math.round((1 - percentile) * 100)) }),
            }))}
          />
        </Box>
      )}

      {audiences.length > 0 && (
        <Box as="section" aria-labelledby="unified-profiles-audiences">
          <Heading as="h3" id="unified-profiles-audiences" variant="heading50">
            {t('UnifiedProfilesAudiencesHeading')}
          </Heading>
          <Box display="flex" flexWrap="wrap" columnGap="space20" rowGap="space20">
            {audiences.map(([key]) => (
              <Badge as="span" key={key} variant="decorative10">
                {humanizeTraitKey(key)}
              </Badge>
            ))}
          </Box>
        </Box>
      )}

      <Box as="section" aria-labelledby="unified-profiles-identifiers">
        <Heading as="h3" id="unified-profiles-identifiers" variant="heading50">
          {t('UnifiedProfilesIdentifiersHeading')}
        </Heading>
        <DescriptionRows
          rows={profile.identifiers.map(({ type, value }) => ({ key: `${type}:${value}`, label: type, value }))}
        />
      </Box>
    </Stack>
  );
}
