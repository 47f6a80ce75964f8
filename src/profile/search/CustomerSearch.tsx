import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';

import { useStrings } from '../../shared/PluginProviders';
import { identifierTypeName } from '../../shared/identifierFormat';
import { guessSearchType, SEARCH_TYPES, searchValueProblem, splitTypedValue } from './searchIdentifier';

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

/** Find a customer by an identifier: a type picker and a value, checked as the agent types. */
export function CustomerSearch({
  taskSid,
  initial,
  serverProblem,
  onSearch,
  onCancel,
  focusOnShow,
}: CustomerSearchProps) {
  const t = useStrings();
  const [type, setType] = React.useState<string>(initial?.type ?? 'email');
  const [value, setValue] = React.useState(initial?.value ?? '');
  const [problem, setProblem] = React.useState<string | undefined>(serverProblem);
  const [typeChosen, setTypeChosen] = React.useState(false);
  React.useEffect(() => setProblem(serverProblem), [serverProblem]);
  const baseId = `unified-profiles-search-${taskSid}`;
  const valueField = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (focusOnShow) valueField.current?.focus();
  }, [focusOnShow]);
  const types = SEARCH_TYPES.includes(type as never) ? SEARCH_TYPES : [...SEARCH_TYPES, type];

  const changeValue = (next: string) => {
    setValue(next);
    setProblem(undefined);
    // Until the agent picks a type, follow what the value looks like (a bare word is a user id).
    if (!typeChosen && !splitTypedValue(next).type) setType(guessSearchType(next));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const typed = splitTypedValue(value);
    const searchType = typed.type ?? type;
    const key = searchValueProblem(searchType, typed.value);
    if (key) return setProblem(t(key, { type: identifierTypeName(searchType, t) }));
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
                {identifierTypeName(option, t)}
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
            placeholder={t('UnifiedProfilesSearchPlaceholder', { type: identifierTypeName(type, t) })}
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
