import type { ZodError } from 'zod';

/** Long enough for three issues; short enough that a megabyte value echoed by zod never travels back. */
const MAX_MESSAGE_CHARS = 400;

/** `field: problem; …` for a 400 answer: names what is wrong, never repeats the value in full. */
export function describeInvalidRequest(error: ZodError): string {
  const text = error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.join('.');
      return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}
