import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Text } from '@twilio-paste/core/text';
import { useSelector } from 'react-redux';

import { useStrings } from '../../shared/PluginProviders';
import { identifierTypeName } from '../../shared/identifierFormat';
import type { RootStateWithPlugin } from '../../shared/pluginState';
import { selectIdentifierSettings } from '../profileSlice';
import {
  guessSearchType,
  isSearchableType,
  searchTypesOf,
  searchValueProblem,
  splitTypedValue,
} from './searchIdentifier';

interface CustomerSearchProps {
  taskSid: string;
  /** Prefilled: the task's own contact, or the last search. */
  initial?: { type: string; value: string };
  /** A problem the Functions found with the last search (an identifier they refused), shown as field help. */
  serverProblem?: string;
  onSearch: (identifier: string) => void;
  onCancel?: () => void;
  /** Focus the value field when shown: the agent just asked to search (after "Search another" or an unlink). */
  focusOnShow?: boolean;
}

/** What the agent sees instead of the search when an admin turned off every type to search by. */
function SearchTurnedOff({ onCancel }: { onCancel?: () => void }) {
  const t = useStrings();
  return (
    <Box marginTop="space50">
      <Text as="p">{t('UnifiedProfilesSearchOff')}</Text>
      {onCancel && (
        <Box marginTop="space30">
          <Button variant="secondary" onClick={onCancel}>
            {t('UnifiedProfilesCancel')}
          </Button>
        </Box>
      )}
    </Box>
  );
}

/**
 * Find a customer by an identifier: a type picker and a value, checked as the agent types; nothing
 * to fill in when an admin turned off every type.
 */
export function CustomerSearch({
  taskSid,
  initial,
  serverProblem,
  onSearch,
  onCancel,
  focusOnShow,
}: CustomerSearchProps) {
  const t = useStrings();
  const settings = useSelector((state: RootStateWithPlugin) => selectIdentifierSettings(state));
  const choices = searchTypesOf(settings);
  // A prefill of a type the admin turned off is not offered: the agent would only be told it cannot be searched.
  const prefill = initial && isSearchableType(initial.type, settings) ? initial : undefined;
  const [type, setType] = React.useState<string>(
    () => prefill?.type ?? (choices.includes('email') ? 'email' : (choices[0] ?? 'email')),
  );
  const [value, setValue] = React.useState(prefill?.value ?? '');
  const [problem, setProblem] = React.useState<string | undefined>(serverProblem);
  const [typeChosen, setTypeChosen] = React.useState(false);
  React.useEffect(() => setProblem(serverProblem), [serverProblem]);
  const baseId = `unified-profiles-search-${taskSid}`;
  const valueField = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (focusOnShow) valueField.current?.focus();
  }, [focusOnShow]);
  if (choices.length === 0) return <SearchTurnedOff onCancel={onCancel} />;
  const types = choices.includes(type) || !isSearchableType(type, settings) ? choices : [...choices, type];
  const typeName = (option: string) => identifierTypeName(option, t, settings);

  const changeValue = (next: string) => {
    setValue(next);
    setProblem(undefined);
    // Until the agent picks a type, follow what the value looks like (a bare word is a user id).
    const guess = typeChosen || splitTypedValue(next).type ? undefined : guessSearchType(next, choices);
    if (guess) setType(guess);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const typed = splitTypedValue(value);
    const searchType = typed.type ?? type;
    if (!isSearchableType(searchType, settings))
      return setProblem(t('UnifiedProfilesSearchTypeOff', { type: typeName(searchType) }));
    const key = searchValueProblem(searchType, typed.value);
    if (key) return setProblem(t(key, { type: typeName(searchType) }));
    onSearch(`${searchType}:${typed.value}`);
  };

  return (
    <Box as="form" onSubmit={submit} role="search" aria-label={t('UnifiedProfilesSearchTitle')} marginTop="space50">
      <Box display="flex" columnGap="space30" alignItems="flex-end" flexWrap="wrap" rowGap="space30">
        <Box minWidth="size20">
          <Label htmlFor={`${baseId}-type`}>{t('UnifiedProfilesSearchTypeLabel')}</Label>
          <Select
            id={`${baseId}-type`}
            value={type}
            onChange={(event) => {
              setType(event.target.value);
              setTypeChosen(true);
              setProblem(undefined);
            }}
          >
            {types.map((option) => (
              <Option key={option} value={option}>
                {typeName(option)}
              </Option>
            ))}
          </Select>
        </Box>
        <Box flexGrow={1} minWidth="size20">
          <Label htmlFor={`${baseId}-value`}>{t('UnifiedProfilesSearchLabel')}</Label>
          <Input
            ref={valueField}
            id={`${baseId}-value`}
            name="identifier"
            type="text"
            value={value}
            placeholder={t('UnifiedProfilesSearchPlaceholder', { type: typeName(type) })}
            aria-describedby={`${baseId}-help`}
            hasError={Boolean(problem)}
            onChange={(event) => changeValue(event.target.value)}
          />
        </Box>
        <Button variant="primary" type="submit">
          {t('UnifiedProfilesSearchButton')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('UnifiedProfilesCancel')}
          </Button>
        )}
      </Box>
      <HelpText id={`${baseId}-help`} variant={problem ? 'error' : 'default'}>
        {problem ?? t('UnifiedProfilesSearchHelp')}
      </HelpText>
    </Box>
  );
}
