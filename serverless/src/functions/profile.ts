import { checkedSettings, readSettingsInput } from '../config/segment-settings';
import { ApiError } from '../http/api-error';
import { wrap } from '../http/wrap';
import { presentationOf } from '../profile/presentation';
import { profileRequestSchema } from '../profile/schemas';
import { getProfileService } from '../profile/service';

/**
 * POST /profile: the customer of a task (taskAttributes) or of a typed search (identifier), with
 * how the Customer tab presents it (agents cannot read /unify-config, so the settings come here).
 */
export const handler = wrap(profileRequestSchema, async (request, { context }) => {
  const merged = await readSettingsInput(context);
  const presentation = presentationOf(merged);
  try {
    const answer = await getProfileService(checkedSettings(merged)).lookup(request);
    return { ...answer, profile: { ...answer.profile, presentation } };
  } catch (error) {
    // A miss still tells the tab how identifiers are named and which an agent may search by.
    if (error instanceof ApiError && error.code === 'profile_not_found') {
      throw new ApiError(error.status, error.code, error.message, {
        ...error.detail,
        body: { ...error.detail.body, presentation },
      });
    }
    throw error;
  }
});
