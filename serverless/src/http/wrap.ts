import type { z } from 'zod';

import type { FlexRole, FlexTokenResult, FlexTokenValidator } from '../auth/flex-token';
import { TokenRejectedError } from '../auth/flex-token';
import { validateFlexToken } from '../auth/flex-token-validator';
import { ApiError } from './api-error';
import { ALLOWED_METHODS, applyCors } from './cors';
import { logOutcome } from './outcome-log';
import { effectiveMethod, readRequestFacts, tokenInUrl, TRANSPORT_FIELDS, type RequestFacts } from './request-facts';
import {
  contextValue,
  createTwilioResponse,
  type FunctionContext,
  type FunctionEvent,
  type FunctionHandler,
  type TwilioResponse,
} from './twilio-runtime';
import { describeInvalidRequest } from './validation-message';

/** What a handler gets besides its validated body. */
export interface FlexCall {
  context: FunctionContext;
  caller: FlexTokenResult;
}

export type FlexFunctionHandler<Body> = (body: Body, call: FlexCall) => Promise<unknown>;

export interface WrapOptions {
  /** The caller needs one of these roles (e.g. ['admin']); absent means any valid Flex user. */
  roles?: FlexRole[];
  /** Injected by tests; Functions use the module the build provides. */
  validateToken?: FlexTokenValidator;
  createResponse?: () => TwilioResponse;
  /** The Function's path for the outcome log, e.g. '/profile'; by default the runtime's context.PATH, when it is one. */
  path?: string;
}

/**
 * A Function's path as the runtime puts it in context.PATH ('/profile'). A host that hands the
 * Function its whole shell environment overrides PATH with the shell's search path: that is never
 * logged.
 */
const FUNCTION_PATH = /^(\/[A-Za-z0-9][A-Za-z0-9._~-]{0,63}){1,4}$/;

function functionPathOf(context: FunctionContext, options: WrapOptions): string {
  if (options.path) return options.path;
  const path = contextValue(context, 'PATH');
  return path && FUNCTION_PATH.test(path) ? path : 'function';
}

const MEDIA_TYPES = 'a JSON object (Content-Type: application/json) or form fields (application/x-www-form-urlencoded)';

function sentBody(facts: RequestFacts): string {
  if (facts.mediaType) return facts.mediaType;
  return facts.bodyType === 'none' ? 'no body' : 'a body without a Content-Type';
}

function bodyOf(event: FunctionEvent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([name]) => !TRANSPORT_FIELDS.has(name)));
}

function hasRole(caller: FlexTokenResult, roles: FlexRole[] | undefined): boolean {
  return !roles || roles.some((role) => caller.roles.includes(role));
}

/**
 * Turns `handler` into a Twilio Function: CORS, Flex token (before anything else), roles, body
 * validation, and one JSON answer per request — `callback` is called exactly once on every path.
 */
export function wrap<Schema extends z.ZodTypeAny>(
  schema: Schema,
  handler: FlexFunctionHandler<z.output<Schema>>,
  options: WrapOptions = {},
): FunctionHandler {
  const validateToken = options.validateToken ?? validateFlexToken;
  const createResponse = options.createResponse ?? createTwilioResponse;

  return (context, event, callback) => {
    const started = Date.now();
    const path = functionPathOf(context, options);
    let answered = false;
    const answer = (status: number, body: unknown, code: string, detail?: string, headers?: Record<string, string>) => {
      if (answered) return;
      answered = true;
      let response: TwilioResponse;
      try {
        response = jsonResponse(createResponse(), status, body, headers);
      } catch (error) {
        callback(error); // the runtime itself is broken: still end the request once
        return;
      }
      logOutcome({ path, status, code, ms: Date.now() - started, ...(detail ? { error: detail } : {}) });
      callback(null, response);
    };
    const fail = (status: number, code: string, message: string, headers?: Record<string, string>) =>
      answer(status, { error: { code, message } }, code, undefined, headers);

    const run = async () => {
      // How the request came, before anything it carries is believed (see request-facts.ts).
      const facts = readRequestFacts(event);
      // Only a host that knows the method can say this is a preflight; a field named `request` cannot.
      if (facts.method === 'OPTIONS') return answer(204, undefined, 'preflight');
      if (tokenInUrl(facts, event)) {
        return fail(
          400,
          'token_in_url',
          'The Flex token was sent in the URL, where it is written to logs: send it in the POST body as Token ' +
            '(JSON or form-encoded), never in the query string.',
        );
      }
      const method = effectiveMethod(facts);
      if (method !== undefined && method !== 'POST') {
        const was = facts.method ? `not ${facts.method}` : 'this request had no body, as a GET has none';
        return fail(405, 'method_not_allowed', `${path} takes a POST with ${MEDIA_TYPES}; ${was}.`, {
          Allow: ALLOWED_METHODS,
        });
      }
      if (facts.headersKnown && facts.bodyType !== 'json' && facts.bodyType !== 'form') {
        return fail(
          415,
          'unsupported_media_type',
          `Send the request body as ${MEDIA_TYPES}; this request sent ${sentBody(facts)}.`,
        );
      }
      if (facts.jsonArrayBody) {
        return fail(
          400,
          'invalid_request',
          'The request body must be a JSON object such as {"Token": "…"}, not a JSON array.',
        );
      }
      const token = event.Token;
      if (typeof token !== 'string' || token.trim() === '') {
        return fail(
          401,
          'missing_token',
          'Send the Flex token in the POST body as Token (Manager.getInstance().user.token).',
        );
      }
      let caller: FlexTokenResult;
      try {
        caller = await validateToken(token, context);
      } catch (error) {
        if (error instanceof TokenRejectedError) {
          return fail(403, 'invalid_token', 'The Flex token is not valid for this account, or it has expired.');
        }
        throw error;
      }
      if (!hasRole(caller, options.roles)) {
        return fail(403, 'forbidden', `This needs the ${options.roles?.join(' or ')} role in Flex.`);
      }
      const parsed = schema.safeParse(bodyOf(event));
      if (!parsed.success) return fail(400, 'invalid_request', describeInvalidRequest(parsed.error));
      const result = await handler(parsed.data, { context, caller });
      return answer(200, result, 'ok');
    };

    run().catch((error: unknown) => {
      if (error instanceof ApiError) return answer(error.status, error.toBody(), error.code);
      // The message may hold customer data: log only what kind of failure it was.
      const message = 'Something went wrong in the Functions; the details are in the service logs.';
      answer(500, { error: { code: 'internal_error', message } }, 'internal_error', errorKind(error));
    });
  };
}

function jsonResponse(
  response: TwilioResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): TwilioResponse {
  applyCors(response);
  for (const [name, value] of Object.entries(headers)) response.appendHeader(name, value);
  response.setStatusCode(status);
  if (body !== undefined) {
    response.appendHeader('Content-Type', 'application/json');
    response.setBody(body);
  }
  return response;
}

function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split('\n')[1]?.trim() ?? '';
  return `${error.name} ${frame}`.trim();
}
