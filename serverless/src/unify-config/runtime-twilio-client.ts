import { contextValue, type FunctionContext } from '../http/twilio-runtime';
import type { TwilioSyncClient } from './sync-api';

/** The runtime's own client (`context.getTwilioClient()`), made from the service's ACCOUNT_SID and AUTH_TOKEN. */
export function runtimeTwilioClient(context: FunctionContext): TwilioSyncClient {
  const runtime = context as { getTwilioClient?: () => unknown };
  if (typeof runtime.getTwilioClient !== 'function') {
    throw new Error('context.getTwilioClient is not available: run under Twilio Functions or twilio-run.');
  }
  return runtime.getTwilioClient() as TwilioSyncClient;
}

/** The variables getTwilioClient() needs that are not set. */
export function runtimeCredentialsMissing(context: FunctionContext): string[] {
  return ['ACCOUNT_SID', 'AUTH_TOKEN'].filter((name) => !contextValue(context, name));
}
