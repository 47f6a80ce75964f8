import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import type { TwilioSyncClient } from '../unify-config/sync-api';
import type { TwilioTaskRouterClient } from './taskrouter-api';

/** The parts of the `twilio` library's client the Functions use. */
export type TwilioClient = TwilioSyncClient & TwilioTaskRouterClient;

/** The runtime's own client (`context.getTwilioClient()`), made from the service's ACCOUNT_SID and AUTH_TOKEN. */
export function runtimeTwilioClient(context: FunctionContext): TwilioClient {
  const runtime = context as { getTwilioClient?: () => unknown };
  if (typeof runtime.getTwilioClient !== 'function') {
    throw new Error('context.getTwilioClient is not available: run under Twilio Functions or twilio-run.');
  }
  return runtime.getTwilioClient() as TwilioClient;
}

/** The variables getTwilioClient() needs that are not set. */
export function runtimeCredentialsMissing(context: FunctionContext): string[] {
  return ['ACCOUNT_SID', 'AUTH_TOKEN'].filter((name) => !contextValue(context, name));
}
