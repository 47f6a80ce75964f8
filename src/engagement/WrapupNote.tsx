import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { TextArea } from '@twilio-paste/core/textarea';
import { useUID } from '@twilio-paste/core/uid-library';

import { useStrings } from '../shared/PluginProviders';
import { readWrapupNote, saveWrapupNote, WRAPUP_NOTE_MAX_CHARS } from './wrapupNotes';

/**
 * During wrap-up: a short note for the next agent, sent with the task's Completed event into the
 * customer's history. Kept as it is typed, so a reload mid-note loses nothing.
 */
export function WrapupNote({ taskSid }: { taskSid: string }) {
  const t = useStrings();
  const id = useUID();
  const [note, setNote] = React.useState(() => readWrapupNote(taskSid));
  return (
    <Box marginBottom="space60" data-testid="unified-profiles-wrapup-note">
      <Label htmlFor={id}>{t('UnifiedProfilesWrapupNoteLabel')}</Label>
      <TextArea
        id={id}
        name="wrapupNote"
        value={note}
        maxLength={WRAPUP_NOTE_MAX_CHARS}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          setNote(event.target.value);
          saveWrapupNote(taskSid, event.target.value);
        }}
      />
      <HelpText id={`${id}-help`}>
        {t('UnifiedProfilesWrapupNoteHelp', { count: note.length, max: WRAPUP_NOTE_MAX_CHARS })}
      </HelpText>
    </Box>
  );
}
