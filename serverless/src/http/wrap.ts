import type { z } from 'zod';

import type { FlexRole, FlexTokenResult, FlexTokenValidator } from '../auth/flex-token';
import { TokenRejectedError } from '../auth/flex-token';
import { validateFlexToken } from '../auth/flex-token-validator';
import { ApiError } from './api-error';
import { applyCors, isPreflight } from './cors';
import { logOutcome } from './outcome-log';
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
}

/** Transport fields the runtime or the plugin add; never part of the request body a schema sees. */
const TRANSPORT_FIELDS = new Set(['Token', 'TokenResult', 'request', 'headers', 'cookies']);

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
    const path = contextValue(context, 'PATH') ?? 'function';
    let answered = false;
    const answer = (status: number, body: unknown, code: string, detail?: string) => {
      if (answered) return;
      answered = true;
      let response: TwilioResponse;
      try {
        response = jsonResponse(createResponse(), status, body);
      } catch (error) {
        callback(error); // the runtime itself is broken: still end the request once
        return;
      }
      logOutcome({ path, status, code, ms: Date.now() - started, ...(detail ? { error: detail } : {}) });
      callback(null, response);
    };
    const fail = (status: number, code: string, message: string) => answer(status, { error: { code, message } }, code);

    const run = async () => {
      if (isPreflight(event)) return answer(204, undefined, 'preflight');
      const token = event.Token;
      if (typeof token !== 'string' || token.trim() === '') {
        return fail(401, 'missing_token', 'Send the Flex token as Token (Manager.getInstance().user.token).');
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

function jsonResponse(response: TwilioResponse, status: number, body: unknown): TwilioResponse {
  applyCors(response);
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
