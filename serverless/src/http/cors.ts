import type { FunctionEvent, TwilioResponse } from './twilio-runtime';

/** The Flex UI (flex.twilio.com, or a local plugin server) is always another origin than the Functions. */
export function applyCors(response: TwilioResponse): void {
  response.appendHeader('Access-Control-Allow-Origin', '*');
  response.appendHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  response.appendHeader('Access-Control-Allow-Headers', 'Content-Type');
  response.appendHeader('Access-Control-Max-Age', '600');
}

/**
 * The runtime hides the HTTP method, but a deployed service passes the headers in
 * `event.request`, and a browser's preflight always carries Access-Control-Request-Method.
 */
export function isPreflight(event: FunctionEvent): boolean {
  const request = event.request as { headers?: Record<string, unknown> } | undefined;
  return typeof request?.headers?.['access-control-request-method'] === 'string';
}
