import { HOST_REQUEST_FACTS, type HostRequestFacts } from '../http/request-facts';
import { contextValue, type FunctionContext, type FunctionEvent } from '../http/twilio-runtime';

/**
 * Twilio's request signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed with the account's
 * AUTH_TOKEN, of the full URL Twilio called followed by each POST parameter's name and value in
 * name order. Checked with the `twilio` library's own validateRequest.
 */
export type ValidateRequest = (
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string | string[]>,
) => boolean;

/** The library's validateRequest, from the global `Twilio` Twilio's runtime (and twilio-run) installs. */
export function runtimeValidateRequest(): ValidateRequest {
  const validate = (globalThis as { Twilio?: { validateRequest?: unknown } }).Twilio?.validateRequest;
  if (typeof validate !== 'function') {
    throw new Error('Twilio.validateRequest is not available: run this under Twilio Functions or twilio-run.');
  }
  return validate as ValidateRequest;
}

// A host name, with an optional port: what Twilio's runtime (and twilio-run) put in DOMAIN_NAME.
const DOMAIN = /^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[::1\])(:[0-9]{1,5})?$/;
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$/;

/**
 * The URL Twilio called, which the signature covers: https://<DOMAIN_NAME><path>. Twilio calls a
 * deployed Function only over https; plain http is for a loopback host (twilio-run, the sandbox).
 * Studio's Run Function widget sends its parameters in the body, never in the query string.
 */
export function publicUrlOf(context: FunctionContext, path: string): string | undefined {
  const domain = contextValue(context, 'DOMAIN_NAME');
  if (!domain || !DOMAIN.test(domain)) return undefined;
  return `${LOOPBACK.test(domain) ? 'http' : 'https'}://${domain}${path}`;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The POST parameters Twilio signed: every form field of the event, each a string (or, when a name
 * was repeated, a list of strings). What the runtime adds (`request`, the headers) is an object and
 * is left out by that rule; a form field named `request` replaces it and stays in.
 */
export function signedParamsOf(event: FunctionEvent): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(event)) {
    if (isText(value) || (Array.isArray(value) && value.every(isText))) params[name] = value;
  }
  return params;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const value = (headers as Record<string, unknown>)[name];
  if (isText(value)) return value;
  return Array.isArray(value) && isText(value[0]) ? value[0] : undefined;
}

/**
 * X-Twilio-Signature as sent: from the host's description of the request when there is one (the
 * sandbox; a caller cannot forge it), else from `event.request.headers` (Twilio's runtime).
 */
export function signatureOf(event: FunctionEvent): string | undefined {
  const host = (event as Record<PropertyKey, unknown>)[HOST_REQUEST_FACTS] as HostRequestFacts | undefined;
  const request = event.request as { headers?: unknown } | undefined;
  const signature =
    host?.headers !== undefined
      ? headerOf(host.headers, 'x-twilio-signature')
      : headerOf(request && typeof request === 'object' ? request.headers : undefined, 'x-twilio-signature');
  return signature?.trim() ? signature.trim() : undefined;
}
