import { readSegmentSettings } from '../config/segment-settings';
import { wrap } from '../http/wrap';
import { profileEventsRequestSchema } from '../profile/schemas';
import { getProfileService } from '../profile/service';

/** POST /profile-events: the next timeline page of a profile, from the cursor /profile returned. */
export const handler = wrap(profileEventsRequestSchema, async (request, { context }) =>
  getProfileService(await readSegmentSettings(context)).nextEvents(request),
);
