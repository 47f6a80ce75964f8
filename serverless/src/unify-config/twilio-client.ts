/**
 * The Twilio client the config store uses. The sandbox build swaps this one module for
 * sandbox/functions/sandbox-twilio-client.ts (a client pointed at the sandbox's Sync stand-in);
 * the production build bundles only this one, so a deployed service always talks to Twilio.
 */
export {
  runtimeTwilioClient as twilioClientFor,
  runtimeCredentialsMissing as twilioCredentialsMissing,
} from './runtime-twilio-client';
