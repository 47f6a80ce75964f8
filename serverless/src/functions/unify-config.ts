import { z } from 'zod';

import { readSettingsInput } from '../config/segment-settings';
import { viewUnifyConfig } from '../config/unify-config-view';
import { wrap } from '../http/wrap';

/** POST (or GET) /unify-config: the non-secret Segment settings, for supervisors and admins. Writing comes later. */
export const handler = wrap(
  z.object({}),
  async (_request, { context }) => ({ config: viewUnifyConfig(await readSettingsInput(context)) }),
  { roles: ['supervisor', 'admin'] },
);
