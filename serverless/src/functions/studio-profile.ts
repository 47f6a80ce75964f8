import { studioProfileFunction } from '../studio/studio-profile-function';

/** POST /studio-profile (protected: Twilio-signed): a Studio flow looks the caller up before any agent. */
export const handler = studioProfileFunction();
