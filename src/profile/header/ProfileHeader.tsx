import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';
import { LinkIcon } from '@twilio-paste/icons/cjs/LinkIcon';

import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { Translate, useLocale, useStrings } from '../../shared/PluginProviders';
import { identifierInWords } from '../../shared/identifierFormat';
import { formatDate } from '../../shared/timeFormat';
import { displayFieldType, formatTraitValue, traitDisplayOf } from '../format/traitFormat';
import { HeadingLevelOffset, headingTag, sectionElement } from '../profileOutline';
import { CustomerPicture } from './CustomerPicture';
import { avatarUrlOf, headerLayoutOf, headerNameOf, headerTraitOf } from './headerLayout';

export interface HeaderActions {
  onRefresh: () => void;
  /** Absent when an admin turned off every type to search by. */
  onSearchAnother?: () => void;
  /** Absent when the task cannot be linked (not assigned or wrapping), or is linked already. */
  onLink?: () => void;
  /** Present only when the profile shown is the task's linked one. */
  onUnlink?: () => void;
  linking: boolean;
}

/** The company the customer belongs to: the linked B2B account's name, else a `company` trait. */
export function companyOf(profile: CustomerProfile): string | undefined {
  const accountName = profile.linkedAccounts
    .map((account) => account.traits.name)
    .find((name) => typeof name === 'string');
  const trait = profile.traits.custom.company;
  return (accountName as string | undefined) ?? (typeof trait === 'string' && trait ? trait : undefined);
}

/** The line under the name: the admin's trait, formatted as in the details, else the company. */
function secondaryOf(profile: CustomerProfile, context: { t: Translate; locale: string; now: number }) {
  const key = headerLayoutOf(profile).secondaryTrait;
  if (!key) return companyOf(profile);
  const trait = headerTraitOf(profile, key);
  if (!trait || trait.value === null || trait.value === '') return undefined;
  const display = traitDisplayOf(profile.presentation?.traitDisplay, key);
  const type = displayFieldType(key, trait.value, trait.isPrediction, display);
  return formatTraitValue(key, trait.value, { ...context, currency: display?.currency }, type).text;
}

/**
 * The header's actions as a row of small buttons rather than Paste's Menu: the menu brings reakit,
 * ~33 KB gzipped of the 150 KB budget, for three actions that fit on one line.
 */
function HeaderActionsBar({ onRefresh, onSearchAnother, onLink, onUnlink, linking }: HeaderActions) {
  const t = useStrings();
  return (
    <Box
      role="group"
      aria-label={t('UnifiedProfilesMenuLabel')}
      display="flex"
      columnGap="space20"
      flexWrap="wrap"
      rowGap="space20"
    >
      {onLink && (
        <Button variant="primary" size="small" onClick={onLink} loading={linking}>
          <LinkIcon decorative />
          {t('UnifiedProfilesLink')}
        </Button>
      )}
      <Button variant="secondary" size="small" onClick={onRefresh}>
        {t('UnifiedProfilesRefresh')}
      </Button>
      {onSearchAnother && (
        <Button variant="secondary" size="small" onClick={onSearchAnother}>
          {t('UnifiedProfilesSearchAnother')}
        </Button>
      )}
      {onUnlink && (
        <Button variant="destructive_secondary" size="small" onClick={onUnlink} loading={linking}>
          {t('UnifiedProfilesUnlink')}
        </Button>
      )}
    </Box>
  );
}

/** Who this is at a glance: name, avatar, since when, how they were found, their company, and what to do. */
export function ProfileHeader({
  profile,
  linked,
  actions,
  now,
  headingLevelOffset = 0,
}: {
  profile: CustomerProfile;
  /** The task carries a link to this profile (made by an agent or a Studio flow). */
  linked: boolean;
  /** Absent in the Unify view's preview, where nothing is to be done with the customer. */
  actions?: HeaderActions;
  now: number;
  /** Below the Customer tab's own outline (the Unify view's preview): lower headings, no landmarks. */
  headingLevelOffset?: HeadingLevelOffset;
}) {
  const t = useStrings();
  const locale = useLocale();
  const knownName = headerNameOf(profile);
  const name = knownName ?? t('UnifiedProfilesNoName');
  const secondary = secondaryOf(profile, { t, locale, now });
  const since = profile.metadata?.createdAt;
  const how = linked
    ? t(profile.link?.linked_by === 'studio' ? 'UnifiedProfilesLinkedByStudio' : 'UnifiedProfilesLinkedByAgent')
    : t('UnifiedProfilesMatchedBy', {
        identifier: identifierInWords(
          profile.matchedIdentifier,
          t,
          profile.identifiers,
          profile.presentation?.customerTab?.identifiers,
        ),
      });

  return (
    <Box
      {...sectionElement(headingLevelOffset)}
      aria-labelledby="unified-profiles-name"
      display="flex"
      columnGap="space40"
      alignItems="flex-start"
    >
      <CustomerPicture src={avatarUrlOf(profile)} name={knownName ?? '?'} />
      <Box flexGrow={1} minWidth="size0">
        <Heading
          as={headingTag(2, headingLevelOffset)}
          id="unified-profiles-name"
          variant="heading30"
          marginBottom="space0"
        >
          {name}
        </Heading>
        <Text as="p" color="colorTextWeak" fontSize="fontSize30">
          {[secondary, since ? t('UnifiedProfilesCustomerSince', { date: formatDate(since, locale) }) : undefined]
            .filter(Boolean)
            .join(' · ') || t('UnifiedProfilesSinceUnknown')}
        </Text>
        <Box marginTop="space20" display="flex" columnGap="space20" alignItems="center" flexWrap="wrap">
          {/* Paste's Badge seeds an id per child, so its children are elements only. */}
          {linked ? (
            <Badge as="span" variant="success">
              <LinkIcon decorative />
              <span>{how}</span>
            </Badge>
          ) : (
            <Badge as="span" variant="neutral">
              <span>{how}</span>
            </Badge>
          )}
        </Box>
        {actions && (
          <Box marginTop="space30">
            <HeaderActionsBar {...actions} />
          </Box>
        )}
      </Box>
    </Box>
  );
}
