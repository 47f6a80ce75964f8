import { z } from 'zod';

/** Bounds on what a caller may send: generous for real Flex tasks, small enough to refuse abuse cheaply. */
export const REQUEST_LIMITS = {
  taskAttributesChars: 64_000,
  taskAttributesDepth: 12,
  taskAttributesKeys: 2_000,
  identifierChars: 512,
  nextChars: 4_096,
  eventTypes: 20,
  eventTypeChars: 200,
} as const;

const CONTROL_CHARACTERS = /\p{Cc}/u;

type Attributes = Record<string, unknown>;

function isPlainObject(value: unknown): value is Attributes {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Walks the attributes once: depth, key count and cycles (possible only for objects built in JS). */
function attributesProblem(root: Attributes): string | null {
  const path = new Set<unknown>();
  let keys = 0;
  const visit = (node: unknown, depth: number): string | null => {
    if (node === null || typeof node !== 'object') return null;
    if (path.has(node)) return 'taskAttributes is cyclic: an object contains itself.';
    if (depth > REQUEST_LIMITS.taskAttributesDepth) {
      return `taskAttributes is nested deeper than ${REQUEST_LIMITS.taskAttributesDepth} levels.`;
    }
    path.add(node);
    const children = Array.isArray(node) ? node : Object.values(node as Attributes);
    keys += children.length;
    if (keys > REQUEST_LIMITS.taskAttributesKeys)
      return `taskAttributes has more than ${REQUEST_LIMITS.taskAttributesKeys} values.`;
    for (const child of children) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    path.delete(node);
    return null;
  };
  return visit(root, 1);
}

function sizeProblem(attributes: Attributes): string | null {
  const json = JSON.stringify(attributes);
  return json.length > REQUEST_LIMITS.taskAttributesChars
    ? `taskAttributes is larger than ${REQUEST_LIMITS.taskAttributesChars / 1000} kB.`
    : null;
}

/** The task's attributes: an object, or its JSON text (as a form post carries it). */
const taskAttributesSchema = z.unknown().transform((input, ctx): Attributes => {
  const fail = (message: string) => {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return z.NEVER;
  };
  let value = input;
  if (typeof input === 'string') {
    if (input.length > REQUEST_LIMITS.taskAttributesChars) {
      return fail(`taskAttributes is larger than ${REQUEST_LIMITS.taskAttributesChars / 1000} kB.`);
    }
    if (input.trim() === '') return fail('taskAttributes is an empty string: send the task attributes object.');
    try {
      value = JSON.parse(input);
    } catch {
      return fail('taskAttributes is a string but not valid JSON.');
    }
  }
  if (!isPlainObject(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return fail(`taskAttributes must be an object (the task's attributes), not ${kind}.`);
  }
  const problem = attributesProblem(value) ?? sizeProblem(value);
  return problem ? fail(problem) : value;
});

const identifierSchema = z
  .string({ invalid_type_error: 'identifier must be a string such as email:ana@example.com.' })
  .max(REQUEST_LIMITS.identifierChars, `identifier is longer than ${REQUEST_LIMITS.identifierChars} characters.`)
  .refine((text) => !CONTROL_CHARACTERS.test(text), 'identifier contains control characters.')
  .refine((text) => text.trim().length > 0, 'identifier is empty.');

export const profileRequestSchema = z
  .object(
    {
      taskAttributes: taskAttributesSchema.optional(),
      identifier: identifierSchema.optional(),
      // A form post carries "true"; JSON carries true.
      refresh: z
        .preprocess(
          (value) => (value === 'true' ? true : value === 'false' ? false : value),
          z.boolean({ invalid_type_error: 'refresh must be true or false.' }),
        )
        .optional(),
    },
    { invalid_type_error: 'The request body must be an object with taskAttributes and/or identifier.' },
  )
  .refine((body) => body.taskAttributes !== undefined || body.identifier !== undefined, {
    message: 'Send taskAttributes (the task attributes) or identifier (type:value), or both.',
  });

export type ProfileRequest = z.infer<typeof profileRequestSchema>;

const eventTypeSchema = z
  .string({ invalid_type_error: 'types must hold event names as strings.' })
  .trim()
  .min(1, 'types holds an empty event name.')
  .max(
    REQUEST_LIMITS.eventTypeChars,
    `types holds an event name longer than ${REQUEST_LIMITS.eventTypeChars} characters.`,
  )
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'types holds control characters.')
  .refine((name) => !name.includes(','), 'types holds an event name with a comma.');

const eventTypesSchema = z.preprocess(
  (input) => (typeof input === 'string' ? (input.trim() === '' ? [] : input.split(',')) : input),
  z
    .array(eventTypeSchema, { invalid_type_error: 'types must be a list of event names or a comma-separated string.' })
    .max(REQUEST_LIMITS.eventTypes, `types lists more than ${REQUEST_LIMITS.eventTypes} event names.`),
);

export const profileEventsRequestSchema = z
  .object(
    {
      segmentId: z
        .string({
          required_error: 'segmentId is required (the profile id use_… from /profile).',
          invalid_type_error: 'segmentId must be a string (use_…).',
        })
        .regex(
          /^use_[A-Za-z0-9]{1,64}$/,
          'segmentId must be a Segment profile id: use_ followed by letters and digits.',
        ),
      next: z
        .string({ invalid_type_error: 'next must be a string (the timeline cursor).' })
        .min(1, 'next is empty: there is no further page.')
        .max(REQUEST_LIMITS.nextChars, `next is longer than ${REQUEST_LIMITS.nextChars} characters.`)
        .regex(/^[A-Za-z0-9+/=_\-.~:]+$/, 'next is not a timeline cursor: it holds characters a cursor never has.')
        .optional(),
      types: eventTypesSchema.optional(),
    },
    { invalid_type_error: 'The request body must be an object with segmentId and next.' },
  )
  // A Segment cursor belongs to the query that issued it, so a filtered timeline starts without one.
  .refine((body) => body.next !== undefined || (body.types?.length ?? 0) > 0, {
    path: ['next'],
    message: 'next is required (the timeline cursor from /profile), unless types asks for a first filtered page.',
  });

export type ProfileEventsRequest = z.infer<typeof profileEventsRequestSchema>;
