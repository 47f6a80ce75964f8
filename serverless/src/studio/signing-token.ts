import { contextValue, type FunctionContext } from '../http/twilio-runtime';

/**
 * The secret Twilio signs its requests with: the account's AUTH_TOKEN, undefined when unset. The
 * sandbox build swaps this one module for sandbox/functions/sandbox-signing-token.ts (a sandbox
 * default); the production build bundles only this one.
 */
export function signingTokenOf(context: FunctionContext): string | undefined {
  return contextValue(context, 'AUTH_TOKEN');
}
