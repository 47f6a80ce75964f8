import { z } from 'zod';

import { parseTypedIdentifier, resolveIdentifiers, type IdentifierCandidate } from '../profile/identity';
import type { SegmentSettings } from '../profile/settings';

const CONTROL_CHARACTERS = /\p{Cc}/u;

/** One form field of text; a blank one (a Liquid variable the flow does not have) counts as absent. */
export const optionalTextField = (name: string, maxChars: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string({ invalid_type_error: `${name} must be sent once, as text.` })
      .max(maxChars, `${name} is longer than ${maxChars} characters.`)
      .refine((text) => !CONTROL_CHARACTERS.test(text), `${name} contains control characters.`)
      .optional(),
  );

/**
 * What a flow's Run Function widget sends /studio-profile: `identifier` (type:value, as an agent
 * types a search), or the flow's own fields: `From` (the caller: a phone number, `whatsapp:+1…`, or
 * a `client:` identity that names no customer) and `email` (pre-engagement data). Other fields are
 * ignored.
 */
export const studioProfileRequestSchema = z
  .object({
    identifier: optionalTextField('identifier', 512),
    From: optionalTextField('From', 256),
    email: optionalTextField('email', 320),
  })
  .refine((body) => body.identifier !== undefined || body.From !== undefined || body.email !== undefined, {
    message:
      'Send identifier (type:value, such as phone:+14155550100), From (the caller) or email; each was missing or blank.',
  });

export type StudioProfileRequest = z.infer<typeof studioProfileRequestSchema>;

/** At most this many identifiers are looked up at once (From and email): one round either way. */
const MAX_CANDIDATES = 2;

/**
 * What to look the caller up by, best first. A typed `identifier` alone (400 invalid_identifier when
 * it is not one); otherwise From and email as /profile reads a task's `from` and `email` (a malformed
 * email is a 400 only when From gives nothing either). Empty when the caller names no customer.
 */
export function studioCandidates(request: StudioProfileRequest, settings: SegmentSettings): IdentifierCandidate[] {
  if (request.identifier) return [parseTypedIdentifier(request.identifier, settings)];
  return resolveIdentifiers({ from: request.From, email: request.email }, settings).slice(0, MAX_CANDIDATES);
}
