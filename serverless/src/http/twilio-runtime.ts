/**
 * The slice of the Twilio Functions runtime the wrapper touches, typed here so the core and the
 * tests need no Twilio globals.
 */

/** `context`: the service's environment variables (plus runtime helpers we do not use). */
export type FunctionContext = { readonly [name: string]: unknown };

/** `event`: query and body parameters merged, plus `request` (headers, cookies) on deployed services. */
export type FunctionEvent = Record<string, unknown>;

/** Twilio.Response as both the runtime and twilio-run provide it. */
export interface TwilioResponse {
  setStatusCode(status: number): unknown;
  setBody(body: unknown): unknown;
  appendHeader(name: string, value: string): unknown;
}

export type FunctionCallback = (error: unknown, response?: unknown) => void;

export type FunctionHandler = (context: FunctionContext, event: FunctionEvent, callback: FunctionCallback) => void;

/** A string environment value from `context`, or undefined when it is absent or blank. */
export function contextValue(context: FunctionContext, name: string): string | undefined {
  const value = context[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A new Twilio.Response, from the global the runtime installs before it loads a Function. */
export function createTwilioResponse(): TwilioResponse {
  const runtime = (globalThis as { Twilio?: { Response?: new () => TwilioResponse } }).Twilio;
  if (!runtime?.Response)
    throw new Error('Twilio.Response is not available: run this under Twilio Functions or twilio-run.');
  return new runtime.Response();
}
