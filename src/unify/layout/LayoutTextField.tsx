import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';

import { layoutElementId } from './layoutDraft';

/** The editor's problems by field: shown once the admin has left the field (or tried to save). */
export interface FieldProblems {
  at: (field: string) => string | undefined;
  touch: (field: string) => void;
}

interface LayoutTextFieldProps {
  /** Names the input (its id is layoutElementId(field)) and the problems shown under it. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: FieldProblems;
  help?: string;
  placeholder?: string;
}

/** A labelled text input with its help, which its problem replaces while there is one. */
export function LayoutTextField({ field, label, value, onChange, problems, help, placeholder }: LayoutTextFieldProps) {
  const id = layoutElementId(field);
  const problem = problems.at(field);
  const note = problem ?? help;
  return (
    <Box marginBottom="space40" flexGrow={1} flexBasis="12rem">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="text"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        hasError={Boolean(problem)}
        aria-describedby={note ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => problems.touch(field)}
      />
      {note && (
        <HelpText id={`${id}-help`} variant={problem ? 'error' : 'default'}>
          {note}
        </HelpText>
      )}
    </Box>
  );
}
