import * as React from 'react';
import { Avatar } from '@twilio-paste/core/avatar';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Menu, MenuButton, MenuItem, useMenuState } from '@twilio-paste/core/menu';
import { Text } from '@twilio-paste/core/text';
import { LinkIcon } from '@twilio-paste/icons/cjs/LinkIcon';
import { MoreIcon } from '@twilio-paste/icons/cjs/MoreIcon';

import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { useLocale, useStrings } from '../../shared/PluginProviders';
import { identifierInWords } from '../format/identifierFormat';
import { formatDate } from '../format/timeFormat';

export interface HeaderActions {
  onRefresh: () => void;
  onSearchAnother: () => void;
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

function HeaderMenu({ onRefresh, onSearchAnother, onUnlink }: HeaderActions) {
  const t = useStrings();
  const menu = useMenuState();
  return (
    <>
      <MenuButton {...menu} variant="secondary_icon" size="icon_small">
        <MoreIcon decorative={false} title={t('UnifiedProfilesMenuLabel')} />
      </MenuButton>
      <Menu {...menu} aria-label={t('UnifiedProfilesMenuLabel')}>
        <MenuItem {...menu} onClick={() => (menu.hide(), onRefresh())}>
          {t('UnifiedProfilesRefresh')}
        </MenuItem>
        <MenuItem {...menu} onClick={() => (menu.hide(), onSearchAnother())}>
          {t('UnifiedProfilesSearchAnother')}
        </MenuItem>
        {onUnlink && (
          <MenuItem {...menu} onClick={() => (menu.hide(), onUnlink())}>
            {t('UnifiedProfilesUnlink')}
          </MenuItem>
        )}
      </Menu>
    </>
  );
}

/** Who this is at a glance: name, avatar, since when, how they were found, their company, and what to do. */
export function ProfileHeader({
  profile,
  linked,
  actions,
}: {
  profile: CustomerProfile;
  /** The task carries a link to this profile (made by an agent or a Studio flow). */
  linked: boolean;
  actions: HeaderActions;
}) {
  const t = useStrings();
  const locale = useLocale();
  const name = profile.displayName ?? t('UnifiedProfilesNoName');
  const company = companyOf(profile);
  const since = profile.metadata?.createdAt;
  const how = linked
    ? t(profile.link?.linked_by === 'studio' ? 'UnifiedProfilesLinkedByStudio' : 'UnifiedProfilesLinkedByAgent')
    : t('UnifiedProfilesMatchedBy', { identifier: identifierInWords(profile.matchedIdentifier, t) });

  return (
    <Box as="header" display="flex" columnGap="space40" alignItems="flex-start">
      <Avatar size="sizeIcon70" name={profile.displayName ?? '?'} />
      <Box flexGrow={1} minWidth="size0">
        <Heading as="h2" variant="heading30" marginBottom="space0">
          {name}
        </Heading>
        <Text as="p" color="colorTextWeak" fontSize="fontSize30">
          {[company, since ? t('UnifiedProfilesCustomerSince', { date: formatDate(since, locale) }) : undefined]
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
      </Box>
      <Box display="flex" columnGap="space20" alignItems="center" flexShrink={0}>
        {actions.onLink && (
          <Button variant="secondary" size="small" onClick={actions.onLink} loading={actions.linking}>
            <LinkIcon decorative />
            {t('UnifiedProfilesLink')}
          </Button>
        )}
        <HeaderMenu {...actions} />
      </Box>
    </Box>
  );
}
