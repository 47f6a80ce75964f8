import { studioTraitsFunction } from '../studio/studio-traits-function';

/** POST /studio-traits (protected: Twilio-signed): a Studio flow writes the traits an admin allowed. */
export const handler = studioTraitsFunction();
