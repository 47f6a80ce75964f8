import { z } from 'zod';

/** A form field named `trait.<name>` carries one trait's value. */
export const TRAIT_FIELD_PREFIX = 'trait.';
export const MAX_TRAITS_PER_WRITE = 20;

const CONTROL_CHARACTERS = /\p{Cc}/u;

const requiredText = (name: string, pattern: RegExp, shape: string) =>
  z
    .string({ required_error: `${name} is required (${shape}).`, invalid_type_error: `${name} must be sent once.` })
    .trim()
    .regex(pattern, `${name} must be ${shape}.`);

/**
 * What a flow's Run Function widget sends /studio-traits: the profile's `identifier` (type:value, as
 * /studio-profile answered it), where in the flow this is (`ExecutionSid` = {{flow.sid}}, `Step` =
 * the widget's name, `FlowSid` = {{flow.flow_sid}} optionally), and one `trait.<name>` field per trait.
 */
export const studioTraitsRequestSchema = z
  .record(z.unknown())
  .superRefine((body, ctx) => {
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith(TRAIT_FIELD_PREFIX) && typeof value !== 'string') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: `${name} must be sent once, as text.` });
      }
    }
  })
  .transform((body) => ({
    fields: body,
    traits: Object.fromEntries(
      Object.entries(body)
        .filter(([name]) => name.startsWith(TRAIT_FIELD_PREFIX))
        .map(([name, value]) => [name.slice(TRAIT_FIELD_PREFIX.length), value as string]),
    ),
  }))
  .pipe(
    z.object({
      fields: z.object({
        identifier: z
          .string({
            required_error: 'identifier is required (type:value, as /studio-profile answered it).',
            invalid_type_error: 'identifier must be sent once.',
          })
          .max(512, 'identifier is longer than 512 characters.')
          .refine((text) => !CONTROL_CHARACTERS.test(text), 'identifier contains control characters.')
          .refine((text) => text.trim() !== '', 'identifier is empty.'),
        ExecutionSid: requiredText('ExecutionSid', /^FN[0-9a-fA-F]{32}$/, 'the execution’s sid, {{flow.sid}} (FN…)'),
        Step: requiredText('Step', /^[A-Za-z0-9_-]{1,40}$/, 'the widget’s name: up to 40 letters, digits, _ or -'),
        FlowSid: z.preprocess(
          (value) => (value === '' ? undefined : value),
          requiredText('FlowSid', /^FW[0-9a-fA-F]{32}$/, 'the flow’s sid, {{flow.flow_sid}} (FW…)').optional(),
        ),
      }),
      traits: z
        .record(z.string())
        .refine((traits) => Object.keys(traits).length > 0, {
          message: 'Send at least one trait as a field named trait.<name>, e.g. trait.preferred_name.',
        })
        .refine((traits) => Object.keys(traits).length <= MAX_TRAITS_PER_WRITE, {
          message: `Send at most ${MAX_TRAITS_PER_WRITE} traits at once.`,
        }),
    }),
  )
  .transform(({ fields, traits }) => ({ ...fields, traits }));

export type StudioTraitsRequest = z.infer<typeof studioTraitsRequestSchema>;
