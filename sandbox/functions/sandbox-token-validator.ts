import type { FlexRole, FlexTokenValidator } from '../../serverless/src/auth/flex-token';
import { TokenRejectedError } from '../../serverless/src/auth/flex-token';
import { validateWithTwilio } from '../../serverless/src/auth/twilio-token-validator';
import { SANDBOX_AGENT_WORKER_SID } from '../host/taskrouter-shape';

/**
 * Stands in for serverless/src/auth/flex-token-validator.ts in the sandbox build only (see
 * build-sandbox-functions.ts). The production bundle never contains this file.
 */
const SANDBOX_USERS: Record<string, { roles: FlexRole[]; workerSid: string }> = {
  'sandbox-agent': { roles: ['agent'], workerSid: SANDBOX_AGENT_WORKER_SID },
  'sandbox-supervisor': { roles: ['supervisor'], workerSid: 'WK00000000000000000000000000000002' },
  'sandbox-admin': { roles: ['admin'], workerSid: 'WK00000000000000000000000000000003' },
};

export const validateFlexToken: FlexTokenValidator = async (token, context) => {
  // Without the switch the sandbox build checks tokens exactly as a deployed service does.
  if (context.UNIFIED_PROFILES_SANDBOX_AUTH !== 'true') return validateWithTwilio(token, context);
  const user = Object.prototype.hasOwnProperty.call(SANDBOX_USERS, token) ? SANDBOX_USERS[token] : undefined;
  if (!user) throw new TokenRejectedError('not a sandbox token');
  return { identity: token, roles: user.roles, workerSid: user.workerSid };
};
