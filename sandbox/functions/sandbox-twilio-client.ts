import { contextValue, type FunctionContext } from '../../serverless/src/http/twilio-runtime';
import {
  runtimeCredentialsMissing,
  runtimeTwilioClient,
} from '../../serverless/src/unify-config/runtime-twilio-client';
import type { TwilioSyncClient } from '../../serverless/src/unify-config/sync-api';
import { SANDBOX_ACCOUNT_SID } from '../sync/sync-shape';

/**
 * Stands in for serverless/src/unify-config/twilio-client.ts in the sandbox build only (see
 * build-sandbox-functions.ts): with sandbox auth on and UNIFIED_PROFILES_TWILIO_API_BASE set, the
 * config store's client is the real `twilio` library's, with its Sync domain pointed at the
 * sandbox's stand-in and sandbox credentials (a real AUTH_TOKEN in the shell never travels there).
 */
type TwilioClientClass = new (accountSid: string, authToken: string) => TwilioSyncClient;

function standInBase(context: FunctionContext): string | undefined {
  if (context.UNIFIED_PROFILES_SANDBOX_AUTH !== 'true') return undefined;
  return contextValue(context, 'UNIFIED_PROFILES_TWILIO_API_BASE');
}

export function twilioClientFor(context: FunctionContext): TwilioSyncClient {
  const base = standInBase(context);
  if (!base) return runtimeTwilioClient(context);
  // twilio-run installs the library as the global Twilio, as Twilio's runtime does.
  const TwilioClient = (globalThis as { Twilio?: { Twilio?: TwilioClientClass } }).Twilio?.Twilio;
  if (!TwilioClient) throw new Error('the twilio library (global Twilio.Twilio) is not available');
  const client = new TwilioClient(SANDBOX_ACCOUNT_SID, 'sandbox-sync-auth-token');
  client.sync.baseUrl = base;
  return client;
}

export function twilioCredentialsMissing(context: FunctionContext): string[] {
  return standInBase(context) ? [] : runtimeCredentialsMissing(context);
}
