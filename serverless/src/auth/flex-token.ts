import type { FunctionContext } from '../http/twilio-runtime';

/** Flex roles as Twilio IAM reports them. */
export type FlexRole = 'agent' | 'supervisor' | 'admin' | (string & {});

/** What a valid Flex token says about its holder. */
export interface FlexTokenResult {
  identity: string;
  roles: FlexRole[];
  workerSid?: string;
}

/** Resolves the token's holder, or rejects with a TokenRejectedError (or ApiError for a server-side problem). */
export type FlexTokenValidator = (token: string, context: FunctionContext) => Promise<FlexTokenResult>;

/** The token is not a valid Flex token for this account; the caller sees 403 invalid_token. */
export class TokenRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}
