import { checkedSettings, readSettingsInput } from '../config/segment-settings';
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
  const answer = await getProfileService(checkedSettings(merged)).lookup(request);
  return { ...answer, profile: { ...answer.profile, presentation: presentationOf(merged) } };
});
