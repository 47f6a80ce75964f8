/**
 * The Twilio client the Functions use (the Unify config store's Sync, /engagement's TaskRouter).
 * The sandbox build swaps this one module for sandbox/functions/sandbox-twilio-client.ts (a client
 * pointed at the sandbox's stand-ins); the production build bundles only this one, so a deployed
 * service always talks to Twilio.
 */
export {
  runtimeTwilioClient as twilioClientFor,
  runtimeCredentialsMissing as twilioCredentialsMissing,
} from './runtime-twilio-client';
