import type { z } from 'zod';

import { ApiError } from '../http/api-error';
import { logOutcome } from '../http/outcome-log';
import { effectiveMethod, readRequestFacts } from '../http/request-facts';
import {
  createTwilioResponse,
  type FunctionContext,
  type FunctionHandler,
  type TwilioResponse,
} from '../http/twilio-runtime';
import { describeInvalidRequest } from '../http/validation-message';
import {
  publicUrlOf,
  runtimeValidateRequest,
  signatureOf,
  signedParamsOf,
  type ValidateRequest,
} from './request-signature';
import { signingTokenOf } from './signing-token';

export type SignedFunctionHandler<Body> = (body: Body, call: { context: FunctionContext }) => Promise<unknown>;

export interface SignedWrapOptions {
  /** The Function's path, e.g. '/studio-profile': part of the URL Twilio signed, and of the outcome log. */
  path: string;
  /** Injected by tests; Functions use the library's, from the runtime's global `Twilio`. */
  validateRequest?: ValidateRequest;
  createResponse?: () => TwilioResponse;
}

/**
 * Turns `handler` into a Function that only Twilio may call (a Studio flow's Run Function widget):
 * a form-encoded POST carrying a valid X-Twilio-Signature made with AUTH_TOKEN, checked before the
 * body is read, so an unsigned request learns nothing and reaches nothing. No Flex token, no CORS
 * (no browser calls it). One JSON answer per request; errors as `{"error": {"code", "message"}}`.
 */
export function wrapSigned<Schema extends z.ZodTypeAny>(
  schema: Schema,
  handler: SignedFunctionHandler<z.output<Schema>>,
  options: SignedWrapOptions,
): FunctionHandler {
  const createResponse = options.createResponse ?? createTwilioResponse;

  return (context, event, callback) => {
    const started = Date.now();
    let answered = false;
    const answer = (status: number, body: unknown, code: string, detail?: string) => {
      if (answered) return;
      answered = true;
      let response: TwilioResponse;
      try {
        response = createResponse();
        if (status === 405) response.appendHeader('Allow', 'POST');
        response.appendHeader('Content-Type', 'application/json');
        response.setStatusCode(status);
        response.setBody(body);
      } catch (error) {
        callback(error); // the runtime itself is broken: still end the request once
        return;
      }
      logOutcome({ path: options.path, status, code, ms: Date.now() - started, ...(detail ? { error: detail } : {}) });
      callback(null, response);
    };
    const fail = (status: number, code: string, message: string) => answer(status, { error: { code, message } }, code);

    const run = async () => {
      const facts = readRequestFacts(event);
      const method = effectiveMethod(facts);
      if (method !== undefined && method !== 'POST') {
        return fail(405, 'method_not_allowed', `${options.path} takes a form-encoded POST, as Studio sends it.`);
      }
      if (facts.headersKnown && facts.bodyType !== 'form') {
        return fail(
          415,
          'unsupported_media_type',
          `${options.path} takes form fields (application/x-www-form-urlencoded), as Studio's Run Function widget sends them.`,
        );
      }
      const authToken = signingTokenOf(context);
      if (!authToken) {
        return fail(503, 'not_configured', 'Set AUTH_TOKEN for the Functions: it checks that Twilio sent the request.');
      }
      const url = publicUrlOf(context, options.path);
      if (!url) return fail(503, 'not_configured', 'The runtime gave no DOMAIN_NAME: the signed URL is unknown.');
      const signature = signatureOf(event);
      if (!signature) {
        return fail(
          401,
          'missing_signature',
          `${options.path} answers Twilio only: the request carries no X-Twilio-Signature.`,
        );
      }
      const params = signedParamsOf(event);
      const validate = options.validateRequest ?? runtimeValidateRequest();
      if (!validate(authToken, signature, url, params)) {
        return fail(
          403,
          'invalid_signature',
          'The X-Twilio-Signature does not match this request: it was not signed with this account’s AUTH_TOKEN for this URL and these parameters.',
        );
      }
      const parsed = schema.safeParse(params);
      if (!parsed.success) return fail(400, 'invalid_request', describeInvalidRequest(parsed.error));
      return answer(200, await handler(parsed.data, { context }), 'ok');
    };

    run().catch((error: unknown) => {
      if (error instanceof ApiError) return answer(error.status, error.toBody(), error.code);
      // The message may hold customer data: log only what kind of failure it was.
      const message = 'Something went wrong in the Functions; the details are in the service logs.';
      answer(500, { error: { code: 'internal_error', message } }, 'internal_error', errorKind(error));
    });
  };
}

function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split('\n')[1]?.trim() ?? '';
  return `${error.name} ${frame}`.trim();
}
