import * as React from 'react';

/**
 * Starts a settings form again from the saved settings when they change (this admin's save, or
 * another admin's seen in a conflict), except when the admin edited the form after sending it:
 * those edits stay, to be saved next. `savedKey` and `draftKey` are JSON of the saved settings and
 * of the form's fields. Returns the function to call when the form sends its save.
 */
export function useSavedSettingsReset(savedKey: string, draftKey: string, reset: () => void): () => void {
  const sent = React.useRef<string>();
  const draft = React.useRef(draftKey);
  draft.current = draftKey;
  const resetRef = React.useRef(reset);
  resetRef.current = reset;
  const mounted = React.useRef(false);
  React.useEffect(() => {
    if (!mounted.current) {
      mounted.current = true; // the form started from these settings
      return;
    }
    const editedSinceSent = sent.current !== undefined && sent.current !== draft.current;
    sent.current = undefined;
    if (!editedSinceSent) resetRef.current();
  }, [savedKey]);
  return React.useCallback(() => {
    sent.current = draft.current;
  }, []);
}
