import type { Collection, ExternalId, TraitClass, TraitRecord } from './model';
import { SOURCES } from './model';

/** Small builders for the records a profile is made of, shared by the generated and the hand-made data. */
export const DAY_MS = 86_400_000;
/** The Profile API keeps 14 days of events. */
export const EVENT_LOOKBACK_MS = 14 * DAY_MS;

export const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function trait(value: unknown, traitClass: TraitClass, at: string, source = SOURCES.web): TraitRecord {
  return { value, class: traitClass, source_id: traitClass === 'custom' ? source : SOURCES.computed, updated_at: at };
}

export function externalId(
  type: string,
  id: string,
  collection: Collection,
  at: string,
  messageId: string,
): ExternalId {
  return {
    id,
    type,
    source_id: SOURCES.web,
    collection,
    created_at: at,
    encoding: 'none',
    first_message_id: messageId,
  };
}
