import { z } from 'zod';

import { WRAPUP_NOTE_MAX_CHARS, type EngagementKind } from './engagement-contract';

/** What the plugin reports, by the moment of the task's life it happened at. */
export const ENGAGEMENT_EVENT_NAMES: Record<EngagementKind, string> = {
  /** The conversation ended: the task entered wrap-up (or completed without one). */
  initiated: 'Flex - Engagement Initiated',
  /** Wrap-up ended: the task completed. */
  completed: 'Flex - Engagement Completed',
};

export const ENGAGEMENT_LIMITS = {
  wrapupNoteChars: WRAPUP_NOTE_MAX_CHARS,
  /** A queued event may wait this long in a browser before it is refused as too old to count. */
  maxAgeDays: 30,
  /** Clock skew tolerated between an agent's machine and the Functions. */
  maxFutureMinutes: 5,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Control characters other than line breaks and tabs, which a note may hold. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function engagementRequestSchema(now: () => number = Date.now) {
  return z
    .object(
      {
        taskSid: z
          .string({
            required_error: 'taskSid is required (the task’s sid, WT…).',
            invalid_type_error: 'taskSid must be a string.',
          })
          .regex(/^WT[0-9a-f]{32}$/, 'taskSid must be a TaskRouter task sid: WT followed by 32 hex digits.'),
        event: z.enum(['initiated', 'completed'], {
          errorMap: () => ({
            message: 'event must be initiated (the conversation ended) or completed (wrap-up ended).',
          }),
        }),
        occurredAt: z
          .string({
            required_error: 'occurredAt is required (ISO 8601 time of the moment).',
            invalid_type_error: 'occurredAt must be a string.',
          })
          .datetime({ offset: true, message: 'occurredAt must be an ISO 8601 time such as 2026-11-29T10:15:00Z.' })
          .refine(
            (text) => Date.parse(text) <= now() + ENGAGEMENT_LIMITS.maxFutureMinutes * 60_000,
            `occurredAt is in the future (more than ${ENGAGEMENT_LIMITS.maxFutureMinutes} minutes ahead): check the computer’s clock.`,
          )
          .refine(
            (text) => Date.parse(text) >= now() - ENGAGEMENT_LIMITS.maxAgeDays * DAY_MS,
            `occurredAt is more than ${ENGAGEMENT_LIMITS.maxAgeDays} days ago: too old to count.`,
          ),
        wrapupNote: z
          .string({ invalid_type_error: 'wrapupNote must be a string.' })
          .trim()
          .max(
            ENGAGEMENT_LIMITS.wrapupNoteChars,
            `wrapupNote is longer than ${ENGAGEMENT_LIMITS.wrapupNoteChars} characters.`,
          )
          .refine((text) => !CONTROL_CHARACTERS.test(text), 'wrapupNote contains control characters.')
          .optional(),
      },
      { invalid_type_error: 'The request body must be an object with taskSid, event and occurredAt.' },
    )
    .strict('Unknown field: send only taskSid, event, occurredAt and wrapupNote.')
    .refine((body) => body.event === 'completed' || body.wrapupNote === undefined, {
      path: ['wrapupNote'],
      message: 'wrapupNote goes with the completed event (the note is written during wrap-up).',
    });
}

export type EngagementRequest = z.output<ReturnType<typeof engagementRequestSchema>>;
