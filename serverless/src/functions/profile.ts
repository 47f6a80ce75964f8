import { readSegmentSettings } from '../config/segment-settings';
import { wrap } from '../http/wrap';
import { profileRequestSchema } from '../profile/schemas';
import { getProfileService } from '../profile/service';

/** POST /profile: the customer of a task (taskAttributes) or of a typed search (identifier). */
export const handler = wrap(profileRequestSchema, async (request, { context }) =>
  getProfileService(await readSegmentSettings(context)).lookup(request),
);
