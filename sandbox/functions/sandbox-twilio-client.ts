import { contextValue, type FunctionContext } from '../../serverless/src/http/twilio-runtime';
import {
  runtimeCredentialsMissing,
  runtimeTwilioClient,
  type TwilioClient,
} from '../../serverless/src/twilio/runtime-twilio-client';
import { SANDBOX_ACCOUNT_SID } from '../sync/sync-shape';

/**
 * Stands in for serverless/src/twilio/twilio-client.ts in the sandbox build only (see
 * build-sandbox-functions.ts): with sandbox auth on and a stand-in's base URL set, the Functions'
 * client is the real `twilio` library's, with its Sync domain pointed at the Sync stand-in
 * (UNIFIED_PROFILES_TWILIO_API_BASE) and its TaskRouter domain at the host's task store
 * (UNIFIED_PROFILES_TASKROUTER_API_BASE), and sandbox credentials (a real AUTH_TOKEN in the shell
 * never travels there).
 */
type TwilioClientClass = new (accountSid: string, authToken: string) => TwilioClient;

function standInBases(context: FunctionContext): { sync?: string; taskrouter?: string } | undefined {
  if (context.UNIFIED_PROFILES_SANDBOX_AUTH !== 'true') return undefined;
  const sync = contextValue(context, 'UNIFIED_PROFILES_TWILIO_API_BASE');
  const taskrouter = contextValue(context, 'UNIFIED_PROFILES_TASKROUTER_API_BASE');
  return sync || taskrouter ? { sync, taskrouter } : undefined;
}

export function twilioClientFor(context: FunctionContext): TwilioClient {
  const bases = standInBases(context);
  if (!bases) return runtimeTwilioClient(context);
  // twilio-run installs the library as the global Twilio, as Twilio's runtime does.
  const TwilioClientClass = (globalThis as { Twilio?: { Twilio?: TwilioClientClass } }).Twilio?.Twilio;
  if (!TwilioClientClass) throw new Error('the twilio library (global Twilio.Twilio) is not available');
  const client = new TwilioClientClass(SANDBOX_ACCOUNT_SID, 'sandbox-sync-auth-token');
  if (bases.sync) client.sync.baseUrl = bases.sync;
  if (bases.taskrouter) client.taskrouter.baseUrl = bases.taskrouter;
  return client;
}

export function twilioCredentialsMissing(context: FunctionContext): string[] {
  return standInBases(context) ? [] : runtimeCredentialsMissing(context);
}
