import { contextValue, type FunctionContext } from '../../serverless/src/http/twilio-runtime';

/** What the sandbox signs Studio's requests with when the shell sets no AUTH_TOKEN. */
export const SANDBOX_AUTH_TOKEN = 'sandbox-auth-token';

/**
 * Stands in for serverless/src/studio/signing-token.ts in the sandbox build only (see
 * build-sandbox-functions.ts): AUTH_TOKEN from the environment as in production, and with sandbox
 * auth on and none set, the sandbox's own, so a signed request can be played offline.
 */
export function signingTokenOf(context: FunctionContext): string | undefined {
  const configured = contextValue(context, 'AUTH_TOKEN');
  if (configured) return configured;
  return context.UNIFIED_PROFILES_SANDBOX_AUTH === 'true' ? SANDBOX_AUTH_TOKEN : undefined;
}
