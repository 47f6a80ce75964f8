import { validator } from 'twilio-flex-token-validator';

import { ApiError } from '../http/api-error';
import { contextValue } from '../http/twilio-runtime';
import { TokenRejectedError, type FlexTokenValidator } from './flex-token';

/** Twilio IAM answers in well under a second; past this the caller gets 503, not a hang. */
const VALIDATION_TIMEOUT_MS = 5_000;

/** Flex tokens are JWTs (three or five base64url parts); anything else is refused without asking Twilio. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){2,4}$/;
const MAX_TOKEN_CHARS = 8_192;

interface IamValidation {
  identity?: unknown;
  roles?: unknown;
  worker_sid?: unknown;
}

class ValidationTimeout extends Error {}

/**
 * twilio-flex-token-validator rejects with a bare string for every failure. Transport failures
 * (no connection, IAM answering something that is not JSON) mean "could not check", not "invalid".
 */
const UNREACHABLE =
  /ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket hang up|Unexpected (token|end)|JSON/i;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ValidationTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Validates a Flex token with Twilio IAM through twilio-flex-token-validator, as deployed Functions do. */
export const validateWithTwilio: FlexTokenValidator = async (token, context) => {
  if (token.length > MAX_TOKEN_CHARS || !JWT_SHAPE.test(token)) throw new TokenRejectedError('not a Flex token');
  const accountSid = contextValue(context, 'ACCOUNT_SID');
  const authToken = contextValue(context, 'AUTH_TOKEN');
  const apiKey = contextValue(context, 'API_KEY');
  const apiSecret = contextValue(context, 'API_SECRET');
  if (!accountSid || (!authToken && !(apiKey && apiSecret))) {
    throw new ApiError(
      503,
      'not_configured',
      'ACCOUNT_SID and AUTH_TOKEN (or API_KEY and API_SECRET) must be set for the Functions to validate Flex tokens.',
    );
  }
  // Same realm rule as the library's functionValidator: "stage-us1" → "stage".
  const realm = contextValue(context, 'TWILIO_REGION')?.split('-')[0];
  const credentials = authToken ? undefined : { Sid: apiKey as string, Secret: apiSecret as string };
  let result: IamValidation;
  try {
    result = (await withTimeout(
      validator(token, accountSid, authToken, realm, credentials),
      VALIDATION_TIMEOUT_MS,
    )) as IamValidation;
  } catch (error) {
    if (error instanceof ValidationTimeout) {
      throw new ApiError(503, 'auth_unavailable', 'Twilio did not answer the Flex token check in time; try again.');
    }
    if (UNREACHABLE.test(String(error))) {
      throw new ApiError(503, 'auth_unavailable', 'Twilio could not be reached to check the Flex token; try again.');
    }
    throw new TokenRejectedError('Twilio IAM refused the token');
  }
  return {
    identity: typeof result.identity === 'string' ? result.identity : '',
    roles: Array.isArray(result.roles) ? result.roles.filter((role): role is string => typeof role === 'string') : [],
    workerSid: typeof result.worker_sid === 'string' ? result.worker_sid : undefined,
  };
};
