import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';

import { useStrings } from '../shared/PluginProviders';

interface CustomerSearchProps {
  taskSid: string;
  initialValue?: string;
  onSearch: (identifier: string) => void;
}

/** The agent's fallback when the task's contact matched nobody: an email, a phone or `type:value`. */
export function CustomerSearch({ taskSid, initialValue = '', onSearch }: CustomerSearchProps) {
  const t = useStrings();
  const [value, setValue] = React.useState(initialValue);
  const [showEmptyError, setShowEmptyError] = React.useState(false);
  const inputId = `unified-profiles-search-${taskSid}`;
  const helpId = `${inputId}-help`;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const identifier = value.trim();
    setShowEmptyError(identifier === '');
    if (identifier) onSearch(identifier);
  };

  return (
    <Box as="form" onSubmit={submit} role="search" marginTop="space50">
      <Label htmlFor={inputId}>{t('UnifiedProfilesSearchLabel')}</Label>
      <Box display="flex" columnGap="space30">
        <Box flexGrow={1}>
          <Input
            id={inputId}
            name="identifier"
            type="text"
            value={value}
            aria-describedby={helpId}
            hasError={showEmptyError}
            onChange={(event) => setValue(event.target.value)}
          />
        </Box>
        <Button variant="secondary" type="submit">
          {t('UnifiedProfilesSearchButton')}
        </Button>
      </Box>
      <HelpText id={helpId} variant={showEmptyError ? 'error' : 'default'}>
        {showEmptyError ? t('UnifiedProfilesSearchEmpty') : t('UnifiedProfilesSearchHelp')}
      </HelpText>
    </Box>
  );
}
