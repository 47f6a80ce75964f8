import { ApiError } from '../http/api-error';
import { TokenRejectedError } from './flex-token';
import { validateWithTwilio } from './twilio-token-validator';

const JWT_SHAPED = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const CONFIGURED = { ACCOUNT_SID: 'AC00000000000000000000000000000000', AUTH_TOKEN: 'not-a-real-token' };

describe('validateWithTwilio', () => {
  it('refuses a token that is not a Flex JWT without asking Twilio', async () => {
    await expect(validateWithTwilio('sandbox-agent', CONFIGURED as never)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('answers 503 auth_unavailable, not "invalid token", when Twilio cannot be reached', async () => {
    // This machine has no route to Twilio's IAM: the check fails in transport, which says nothing of the token.
    const failure = await validateWithTwilio(JWT_SHAPED, CONFIGURED as never).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 503, code: 'auth_unavailable' });
  }, 10_000);
});
