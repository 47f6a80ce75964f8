import { SETTINGS_SOURCES } from '../config/segment-settings';
import { unifyCheckFunction } from '../unify-check/unify-check-function';
import { getUnifyConfigStore } from '../unify-config/unify-config-store';

/**
 * POST /unify-check: measures the connection to Segment now (supervisors and admins), with the
 * settings lookups use (saved in the Unify tab over the environment), and records the result as
 * the last check the Unify view's overview reads.
 */
export const handler = unifyCheckFunction({
  sources: SETTINGS_SOURCES,
  onChecked: async (result, context) => {
    await getUnifyConfigStore(context).recordCheck(result);
  },
});
