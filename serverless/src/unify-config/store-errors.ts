import { ApiError } from '../http/api-error';
import type { StoredUnifyConfig } from './config-document';
import type { ChangesSince } from './config-changes';
import { describeStoreProblems, type StoreSetupProblem } from './store-environment';
import { twilioRestError } from './sync-api';

/** 503 config_store_not_configured: saving needs these variables; reading keeps using the environment. */
export function storeNotConfigured(problems: StoreSetupProblem[]): ApiError {
  return new ApiError(
    503,
    'config_store_not_configured',
    `Settings cannot be saved from the Unify tab until the Functions are set up for it: ${describeStoreProblems(problems)}. See docs/configuration.md.`,
    { error: { missing: problems.map((problem) => problem.variable) } },
  );
}

/** 503 config_store_unavailable: Sync refused or did not answer. Says which, never what was sent. */
export function storeUnavailable(error: unknown): ApiError {
  const rest = twilioRestError(error);
  const message =
    rest && (rest.status === 401 || rest.status === 403)
      ? 'Twilio refused the Functions’ credentials (ACCOUNT_SID, AUTH_TOKEN) for the Unify settings in Sync.'
      : 'The Unify settings in Twilio Sync could not be reached; try again in a moment.';
  return new ApiError(503, 'config_store_unavailable', message);
}

/** Another admin saved since the revision this save started from. */
export class ConfigConflictError extends Error {
  constructor(
    readonly changes: ChangesSince,
    readonly current: StoredUnifyConfig,
  ) {
    super('the Unify settings changed since this save’s revision');
    this.name = 'ConfigConflictError';
  }
}

/** One line for the service logs: what failed and Twilio's status and code, never data. */
export function logStoreFailure(operation: string, error: unknown): void {
  const rest = twilioRestError(error);
  const kind = rest ? `twilio ${rest.status}${rest.code ? ` ${rest.code}` : ''}` : (error as Error)?.name;
  console.error(JSON.stringify({ at: 'unified-profiles', store: operation, error: kind ?? typeof error }));
}
