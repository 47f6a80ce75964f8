import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { LinkedAccount } from '../../../serverless/src/profile/types';
import { useLocale, useStrings } from '../../shared/PluginProviders';
import { formatTraitValue, humanizeTraitKey } from '../format/traitFormat';
import { HeadingLevelOffset, headingTag, sectionElement } from '../profileOutline';

/** The account traits worth a line; the rest live in Segment. */
const KEY_ACCOUNT_TRAITS = ['plan', 'industry', 'employees', 'tier', 'status', 'mrr', 'arr', 'lifetime_value'];

/** The B2B account(s) the customer belongs to: name and key traits. */
export function LinkedAccounts({
  accounts,
  now,
  headingLevelOffset = 0,
}: {
  accounts: LinkedAccount[];
  now: number;
  headingLevelOffset?: HeadingLevelOffset;
}) {
  const t = useStrings();
  const locale = useLocale();
  if (accounts.length === 0) return null;
  return (
    <Box {...sectionElement(headingLevelOffset)} aria-labelledby="unified-profiles-accounts" marginBottom="space50">
      <Heading as={headingTag(3, headingLevelOffset)} id="unified-profiles-accounts" variant="heading50">
        {t('UnifiedProfilesAccountsHeading')}
      </Heading>
      {accounts.map((account) => {
        const name = typeof account.traits.name === 'string' ? account.traits.name : account.id;
        const facts = KEY_ACCOUNT_TRAITS.filter((key) => account.traits[key] != null).map(
          (key) => `${humanizeTraitKey(key)}: ${formatTraitValue(key, account.traits[key], { t, locale, now }).text}`,
        );
        return (
          <Box key={account.id} marginBottom="space30">
            <Box>
              <Text as="p" fontWeight="fontWeightSemibold" fontSize="fontSize30">
                {name}
              </Text>
              {facts.length > 0 && (
                <Text as="p" color="colorTextWeak" fontSize="fontSize30">
                  {facts.join(' · ')}
                </Text>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
