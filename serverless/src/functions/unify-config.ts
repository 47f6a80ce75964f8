import { z } from 'zod';

import { ApiError } from '../http/api-error';
import { wrap } from '../http/wrap';
import { SETTING_FIELDS } from '../unify-config/config-document';
import { conflictAnswer, unifyConfigResponse } from '../unify-config/config-response';
import { isConfigWrite, readConfigWrite } from '../unify-config/config-write';
import { ConfigConflictError, getUnifyConfigStore } from '../unify-config/unify-config-store';

/** Field by field validation happens in readConfigWrite, so an admin gets one message per field. */
const body = z.object(Object.fromEntries([...SETTING_FIELDS, 'revision'].map((field) => [field, z.unknown()])));

/**
 * POST /unify-config: the Unify connection for supervisors and admins; with setting fields, an
 * admin's save (revision-checked, audited, secrets sealed) answering the config as saved.
 */
export const handler = wrap(
  body,
  async (request, { context, caller }) => {
    const store = getUnifyConfigStore(context);
    if (!isConfigWrite(request)) return unifyConfigResponse(context, store, await store.read({ fresh: true }), caller);
    if (!caller.roles.includes('admin')) {
      throw new ApiError(403, 'forbidden', 'Only a Flex admin can change the Unify settings; supervisors see them.');
    }
    const change = readConfigWrite(request);
    try {
      return unifyConfigResponse(context, store, await store.write(change, caller.identity), caller);
    } catch (error) {
      throw error instanceof ConfigConflictError ? await conflictAnswer(context, store, error, caller) : error;
    }
  },
  { roles: ['supervisor', 'admin'] },
);
