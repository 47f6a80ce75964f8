/** Wrap-up notes being written, by task sid: in localStorage, so a reload mid-note loses nothing. */
const NOTES_STORAGE_KEY = 'unified-profiles.wrapup-notes.v1';

/** The longest note /engagement takes (serverless/src/engagement/engagement-contract.ts, WRAPUP_NOTE_MAX_CHARS). */
export const WRAPUP_NOTE_MAX_CHARS = 500;

function readAll(storage: Storage): Record<string, string> {
  try {
    const parsed = JSON.parse(storage.getItem(NOTES_STORAGE_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function writeAll(storage: Storage, notes: Record<string, string>): void {
  try {
    storage.setItem(NOTES_STORAGE_KEY, JSON.stringify(notes));
  } catch {
    // Storage full or blocked: the note lives in the field until the task completes.
  }
}

export function readWrapupNote(taskSid: string, storage: Storage = window.localStorage): string {
  return readAll(storage)[taskSid] ?? '';
}

export function saveWrapupNote(taskSid: string, note: string, storage: Storage = window.localStorage): void {
  const notes = readAll(storage);
  if (note) notes[taskSid] = note;
  else delete notes[taskSid];
  writeAll(storage, notes);
}

/** The note to send with the task's Completed event, removed from the drafts. */
export function takeWrapupNote(taskSid: string, storage: Storage = window.localStorage): string | undefined {
  const note = readWrapupNote(taskSid, storage).trim();
  saveWrapupNote(taskSid, '', storage);
  return note ? note.slice(0, WRAPUP_NOTE_MAX_CHARS) : undefined;
}
