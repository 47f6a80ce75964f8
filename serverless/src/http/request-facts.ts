import type { FunctionEvent } from './twilio-runtime';

/**
 * What a Function can know of the HTTP request behind `event`, and from where.
 *
 * Twilio Functions hand a Function no method and no URL: `event` is the query parameters and the
 * parsed body merged (the body wins a name both hold), plus `event.request.headers` (names in lower
 * case, a few proxy headers removed) from @twilio/runtime-handler 1.2.0 on. The runtime builds it as
 * `{request, ...query, ...body}`, so a query parameter or body field named `request` replaces the
 * headers: they are read here only to refuse a request, never to let one skip a check.
 *
 * Twilio's gateway itself answers OPTIONS (the CORS preflight) without calling the Function, passes
 * on only GET and POST, and refuses a GET that has a body. So on Twilio a request without a body is a
 * GET, and a Token in `event` beside no parsed body came from the URL.
 *
 * A host that knows the request line puts it on the event under `HOST_REQUEST_FACTS` (a symbol: no
 * JSON, form or query parser makes one, so a caller cannot forge it). The sandbox's runner does; then
 * the method and the query are exact rather than inferred.
 */
export const HOST_REQUEST_FACTS = Symbol.for('unified-profiles.host-request-facts');

/** What a host (the sandbox's runner, a test) tells of the request; every field optional. */
export interface HostRequestFacts {
  method?: string;
  /** Names of the URL's query parameters. */
  queryNames?: string[];
  /** The request's headers, names in lower case. */
  headers?: Record<string, string | string[] | undefined>;
  /** The body was JSON whose top level is an array (the runtime spreads it into `event` as 0, 1, …). */
  jsonArrayBody?: boolean;
}

export type BodyType = 'json' | 'form' | 'other' | 'none';

export interface RequestFacts {
  /** Upper case; undefined when nothing told it. */
  method?: string;
  /** Known only from a host. */
  queryNames?: string[];
  /** Known from a host or from the runtime's `event.request.headers`. */
  headersKnown: boolean;
  /** What the body was, by Content-Type; undefined when no headers are known. */
  bodyType?: BodyType;
  /** The Content-Type's media type as sent, for a message (tidied and bounded); undefined without one. */
  mediaType?: string;
  contentLength?: number;
  /** The body was a JSON array (told by a host, or seen as only 0, 1, … fields beside a JSON Content-Type). */
  jsonArrayBody: boolean;
}

/** Fields the runtime or the plugin add; never part of the request body a schema sees. */
export const TRANSPORT_FIELDS = new Set(['Token', 'TokenResult', 'request', 'headers', 'cookies']);

type Headers = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function headerValue(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function hostFactsOf(event: FunctionEvent): HostRequestFacts | undefined {
  const facts = (event as Record<PropertyKey, unknown>)[HOST_REQUEST_FACTS];
  return isRecord(facts) ? (facts as HostRequestFacts) : undefined;
}

function runtimeHeadersOf(event: FunctionEvent): Headers | undefined {
  const request = event.request;
  return isRecord(request) && isRecord(request.headers) ? request.headers : undefined;
}

function bodyTypeOf(mediaType: string | undefined, contentLength: number | undefined): BodyType {
  if (mediaType === 'application/json') return 'json';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType !== undefined) return 'other';
  return contentLength !== undefined && contentLength > 0 ? 'other' : 'none';
}

const ARRAY_INDEX = /^(0|[1-9][0-9]{0,8})$/;

/** Only 0, 1, … beside the transport fields: what the runtime makes of a JSON array body. */
function looksLikeSpreadArray(event: FunctionEvent): boolean {
  const names = Object.keys(event).filter((name) => !TRANSPORT_FIELDS.has(name));
  return names.length > 0 && names.every((name) => ARRAY_INDEX.test(name));
}

export function readRequestFacts(event: FunctionEvent): RequestFacts {
  const host = hostFactsOf(event);
  const headers: Headers | undefined = isRecord(host?.headers) ? host.headers : runtimeHeadersOf(event);
  const method = typeof host?.method === 'string' ? host.method.toUpperCase() : undefined;
  const queryNames = Array.isArray(host?.queryNames)
    ? host.queryNames.filter((name): name is string => typeof name === 'string')
    : undefined;
  if (!headers) return { method, queryNames, headersKnown: false, jsonArrayBody: host?.jsonArrayBody === true };

  const contentType = headerValue(headers, 'content-type');
  const mediaType = contentType
    ?.split(';')[0]
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9!#$&^_.+\-/]/g, '')
    .slice(0, 80);
  const lengthText = headerValue(headers, 'content-length')?.trim();
  const contentLength = lengthText && /^[0-9]{1,15}$/.test(lengthText) ? Number(lengthText) : undefined;
  const bodyType = bodyTypeOf(mediaType || undefined, contentLength);
  const jsonArrayBody = host?.jsonArrayBody === true || (bodyType === 'json' && looksLikeSpreadArray(event));
  return {
    method,
    queryNames,
    headersKnown: true,
    bodyType,
    mediaType: mediaType || undefined,
    contentLength,
    jsonArrayBody,
  };
}

/**
 * The method as far as it can be known: the host's word, else a request with no body at all (no
 * Content-Type, no Content-Length) is a GET — on Twilio only a GET comes without one. Undefined
 * when nothing can be said (no headers: an older runtime-handler).
 */
export function effectiveMethod(facts: RequestFacts): string | undefined {
  if (facts.method) return facts.method;
  if (!facts.headersKnown) return undefined;
  return facts.bodyType === 'none' && facts.contentLength === undefined ? 'GET' : 'POST';
}

/** The smallest body that could carry `Token` with this value, in bytes (escaping only adds). */
function smallestBodyWithToken(bodyType: BodyType, token: string): number {
  const bytes = Buffer.byteLength(token, 'utf8');
  return bodyType === 'json' ? bytes + '{"Token":""}'.length : bytes + 'Token='.length;
}

/**
 * Whether the Flex token came, or may have come, in the URL: a `token` query parameter (any case)
 * when the host told the query; otherwise a Token in `event` that the body cannot have carried
 * (no parsed body, or a Content-Length too short to hold it).
 */
export function tokenInUrl(facts: RequestFacts, event: FunctionEvent): boolean {
  if (facts.queryNames) return facts.queryNames.some((name) => name.toLowerCase() === 'token');
  if (!facts.headersKnown || event.Token === undefined) return false;
  if (facts.bodyType !== 'json' && facts.bodyType !== 'form') return true;
  if (typeof event.Token !== 'string' || facts.contentLength === undefined) return false;
  return facts.contentLength < smallestBodyWithToken(facts.bodyType, event.Token);
}
