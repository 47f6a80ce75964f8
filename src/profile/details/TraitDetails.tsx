import * as React from 'react';
import { Anchor } from '@twilio-paste/core/anchor';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Text } from '@twilio-paste/core/text';

import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { useLocale, useStrings } from '../../shared/PluginProviders';
import { identifierTypeName, readableValue } from '../../shared/identifierFormat';
import { FormattedValue, formatTraitValue, humanizeTraitKey, TONE_COLOR } from '../format/traitFormat';
import { HeadingLevelOffset, headingTag, sectionElement } from '../profileOutline';
import { RevealOnFocus } from '../RevealOnFocus';
import { groupTraits, TraitRow } from './groupTraits';

/** Rows shown in the last group before the agent filters or asks for all. */
const FIRST_ROWS = 20;

function ValueText({ value }: { value: FormattedValue }) {
  const t = useStrings();
  if (value.href) {
    return (
      <Anchor href={value.href} showExternal>
        {value.text}
      </Anchor>
    );
  }
  if (value.json) {
    return (
      // Native <details>: collapsed, keyboard-operable, and free (Paste's Disclosure brings reakit, ~33 KB gzipped).
      <details>
        <summary>{value.text}</summary>
        <Box
          as="pre"
          fontSize="fontSize20"
          margin="space0"
          whiteSpace="pre-wrap"
          aria-label={t('UnifiedProfilesObjectRaw')}
        >
          {value.json}
        </Box>
      </details>
    );
  }
  if (value.exact) {
    return (
      <RevealOnFocus detail={value.exact} color={TONE_COLOR[value.tone ?? 'neutral']}>
        {value.text}
      </RevealOnFocus>
    );
  }
  return <>{value.text}</>;
}

/** Label/value pairs as a description list: the semantics screen readers expect. */
function DescriptionRows({ rows }: { rows: { key: string; label: string; value: React.ReactNode }[] }) {
  return (
    <Box
      as="dl"
      margin="space0"
      display="grid"
      columnGap="space40"
      rowGap="space20"
      gridTemplateColumns="minmax(7rem, 40%) 1fr"
    >
      {rows.map(({ key, label, value }) => (
        <React.Fragment key={key}>
          <Text as="dt" color="colorTextWeak" fontSize="fontSize30">
            {label}
          </Text>
          <Text as="dd" margin="space0" fontSize="fontSize30" wordBreak="break-word">
            {value}
          </Text>
        </React.Fragment>
      ))}
    </Box>
  );
}

function Section({
  id,
  title,
  headingLevelOffset,
  children,
}: {
  id: string;
  title: string;
  headingLevelOffset: HeadingLevelOffset;
  children: React.ReactNode;
}) {
  return (
    <Box {...sectionElement(headingLevelOffset)} aria-labelledby={`unified-profiles-${id}`} marginBottom="space50">
      <Heading as={headingTag(3, headingLevelOffset)} id={`unified-profiles-${id}`} variant="heading50">
        {title}
      </Heading>
      {children}
    </Box>
  );
}

function TraitRows({ rows, now }: { rows: TraitRow[]; now: number }) {
  const t = useStrings();
  const locale = useLocale();
  return (
    <DescriptionRows
      rows={rows.map(({ key, value, type, label, currency }) => ({
        key,
        label: label ?? humanizeTraitKey(key),
        value: <ValueText value={formatTraitValue(key, value, { t, locale, now, currency }, type)} />,
      }))}
    />
  );
}

/** The long tail of traits: a filter box, and the first rows until the agent asks for all. */
function FilterableTraits({ rows, now }: { rows: TraitRow[]; now: number }) {
  const t = useStrings();
  const [filter, setFilter] = React.useState('');
  const [showAll, setShowAll] = React.useState(false);
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? rows.filter(({ key, value, label }) =>
        `${label ?? humanizeTraitKey(key)} ${key} ${String(value)}`.toLowerCase().includes(needle),
      )
    : rows;
  const shown = showAll || needle ? matching : matching.slice(0, FIRST_ROWS);
  return (
    <>
      {rows.length > FIRST_ROWS && (
        <Box marginBottom="space30">
          <Label htmlFor="unified-profiles-trait-filter">{t('UnifiedProfilesTraitFilterLabel')}</Label>
          <Input
            id="unified-profiles-trait-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </Box>
      )}
      {shown.length > 0 ? (
        <TraitRows rows={shown} now={now} />
      ) : (
        <Text as="p">{t('UnifiedProfilesTraitFilterNone', { filter })}</Text>
      )}
      {shown.length < matching.length && (
        <Box marginTop="space30">
          <Button variant="link" onClick={() => setShowAll(true)}>
            {t('UnifiedProfilesTraitShowAll', { count: matching.length })}
          </Button>
        </Box>
      )}
    </>
  );
}

/** Everything known of the customer, grouped, each value formatted by its type, nothing twice. */
export function TraitDetails({
  profile,
  now,
  headingLevelOffset = 0,
}: {
  profile: CustomerProfile;
  now: number;
  headingLevelOffset?: HeadingLevelOffset;
}) {
  const t = useStrings();
  const groups = React.useMemo(() => groupTraits(profile), [profile]);
  const audiences = Object.entries(profile.traits.audiences).filter(([, member]) => member);

  return (
    <>
      {groups.map((group) => (
        <Section
          key={group.id}
          id={`traits-${group.id}`}
          headingLevelOffset={headingLevelOffset}
          title={'text' in group.title ? group.title.text : t(group.title.key)}
        >
          {group.id === 'other' ? (
            <FilterableTraits rows={group.rows} now={now} />
          ) : (
            <TraitRows rows={group.rows} now={now} />
          )}
        </Section>
      ))}
      {groups.length === 0 && <Text as="p">{t('UnifiedProfilesNoTraits')}</Text>}

      {audiences.length > 0 && (
        <Section id="audiences" title={t('UnifiedProfilesAudiencesHeading')} headingLevelOffset={headingLevelOffset}>
          <Box display="flex" flexWrap="wrap" columnGap="space20" rowGap="space20">
            {audiences.map(([key]) => (
              <Badge as="span" key={key} variant="info">
                {humanizeTraitKey(key)}
              </Badge>
            ))}
          </Box>
        </Section>
      )}

      {profile.identifiers.length > 0 && (
        <Section
          id="identifiers"
          title={t('UnifiedProfilesIdentifiersHeading')}
          headingLevelOffset={headingLevelOffset}
        >
          <DescriptionRows
            rows={profile.identifiers.map((identifier) => ({
              key: `${identifier.type}:${identifier.value}`,
              label: identifierTypeName(identifier.type, t, profile.presentation?.customerTab?.identifiers),
              value: readableValue(identifier),
            }))}
          />
        </Section>
      )}
    </>
  );
}
