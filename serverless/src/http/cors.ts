import type { TwilioResponse } from './twilio-runtime';

/** The methods every Flex-called Function takes: POST, and the browser's CORS preflight. */
export const ALLOWED_METHODS = 'POST, OPTIONS';

/** The Flex UI (flex.twilio.com, or a local plugin server) is always another origin than the Functions. */
export function applyCors(response: TwilioResponse): void {
  response.appendHeader('Access-Control-Allow-Origin', '*');
  response.appendHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  response.appendHeader('Access-Control-Allow-Headers', 'Content-Type');
  response.appendHeader('Access-Control-Max-Age', '600');
}

/*
 * No isPreflight(event) here on purpose. Twilio's runtime answers OPTIONS itself and never calls
 * the Function for it (twilio-run does the same), and a query parameter or body field named
 * `request` replaces `event.request`: nothing in `event` can tell a real preflight. Only a host
 * that knows the method (see HOST_REQUEST_FACTS in request-facts.ts) can have one answered by
 * the wrapper.
 */
