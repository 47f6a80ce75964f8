import type { IncomingMessage, ServerResponse } from 'node:http';

import type { StoredDocument, SyncDocumentStore } from './document-store';
import {
  MAX_DOCUMENT_DATA_BYTES,
  SANDBOX_ACCOUNT_SID,
  SYNC_SERVICES,
  type DocumentResource,
  type TwilioErrorBody,
} from './sync-shape';

/**
 * The part of Sync's REST API the sandbox answers, so the config store's calls through the
 * `twilio` library (client.sync.v1.services(sid)…) run unchanged against it:
 *
 *   GET  /v1/Services/{IS|default}                        the service
 *   POST /v1/Services/{IS}/Documents                      UniqueName, Data (JSON text) → 201; a taken name 409 (54301)
 *   GET  /v1/Services/{IS}/Documents/{ET|unique name}     the document, ETag = revision; unknown 404 (20404)
 *   POST /v1/Services/{IS}/Documents/{ET|unique name}     Data, If-Match: revision → 412 (54103) when it moved on
 *
 * Requests need Basic credentials of some account (any: the stand-in listens on loopback only).
 */

const SERVICE_ROUTE = /^\/v1\/Services\/([^/]+)(?:\/Documents(?:\/([^/]+))?)?$/;
const MAX_BODY_BYTES = 64 * 1024;
/** Sync's rule: a unique name must not look like a sid. */
const SID_LIKE = /^[A-Z]{2}[a-f0-9]{32}$/;

class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (path: string) => new SyncError(404, 20404, `The requested resource ${path} was not found`);
const invalid = (code: number, message: string) => new SyncError(400, code, message);

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Handles the request if it is one of the API's paths; answers false otherwise. */
export async function handleSyncApi(
  store: SyncDocumentStore,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = SERVICE_ROUTE.exec(url.pathname);
  if (!route) return false;
  try {
    requireCredentials(request);
    const [, serviceRef, documentRef] = route;
    const service = SYNC_SERVICES.find((known) => known.sid === serviceRef || known.unique_name === serviceRef);
    const resourcePath = url.pathname.slice('/v1'.length);
    if (!service) throw notFound(resourcePath);
    const origin = `http://${request.headers.host ?? 'localhost'}`;
    const isDocuments = url.pathname.includes('/Documents');
    if (!isDocuments) {
      allow(request, 'GET');
      send(response, 200, {
        ...service,
        account_sid: SANDBOX_ACCOUNT_SID,
        url: `${origin}/v1/Services/${service.sid}`,
      });
    } else if (!documentRef) {
      allow(request, 'POST');
      const document = await create(store, service.sid, await readForm(request));
      send(response, 201, toResource(document, origin), { ETag: document.revision });
    } else if (request.method === 'POST') {
      const document = await update(store, service.sid, documentRef, resourcePath, request);
      send(response, 200, toResource(document, origin), { ETag: document.revision });
    } else {
      allow(request, 'GET', 'POST');
      const document = store.find(service.sid, decodeURIComponent(documentRef));
      if (!document) throw notFound(resourcePath);
      send(response, 200, toResource(document, origin), { ETag: document.revision });
    }
  } catch (error) {
    const { status, code, message } = error instanceof SyncError ? error : new SyncError(500, 20500, String(error));
    const body: TwilioErrorBody = { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
    send(response, status, body);
  }
  return true;
}

function requireCredentials(request: IncomingMessage) {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
  const user = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':')[0] : '';
  if (!/^(AC|SK)[0-9a-f]{32}$/.test(user)) {
    throw new SyncError(401, 20003, 'Authentication Error - No credentials provided');
  }
}

function allow(request: IncomingMessage, ...methods: string[]) {
  if (!methods.includes(request.method ?? 'GET')) {
    throw new SyncError(405, 20004, `Method ${request.method} is not allowed here (allowed: ${methods.join(', ')})`);
  }
}

function toResource(document: StoredDocument, origin: string): DocumentResource {
  const url = `${origin}/v1/Services/${document.service_sid}/Documents/${document.sid}`;
  return { ...document, url, links: { permissions: `${url}/Permissions` } };
}

async function create(store: SyncDocumentStore, serviceSid: string, form: URLSearchParams) {
  const uniqueName = form.get('UniqueName');
  if (uniqueName !== null && (uniqueName === '' || uniqueName.length > 320 || SID_LIKE.test(uniqueName))) {
    throw invalid(54302, 'Invalid unique name: 1 to 320 characters, not shaped like a SID');
  }
  const document = await store.create(serviceSid, uniqueName, parseData(form.get('Data') ?? '{}'));
  if (!document) throw new SyncError(409, 54301, 'Unique name already exists');
  return document;
}

async function update(
  store: SyncDocumentStore,
  serviceSid: string,
  documentRef: string,
  resourcePath: string,
  request: IncomingMessage,
) {
  const form = await readForm(request);
  const data = form.get('Data');
  if (data === null) throw invalid(20001, 'Missing required parameter Data in the post body');
  const ifMatch = request.headers['if-match'];
  const outcome = await store.update(serviceSid, decodeURIComponent(documentRef), parseData(data), ifMatch);
  if (outcome.kind === 'missing') throw notFound(resourcePath);
  if (outcome.kind === 'revision_mismatch') {
    throw new SyncError(412, 54103, 'The revision of the Document does not match the expected revision');
  }
  return outcome.document;
}

function parseData(text: string): Record<string, unknown> {
  if (Buffer.byteLength(text) > MAX_DOCUMENT_DATA_BYTES) {
    throw invalid(54006, `Request entity too large: Data is over ${MAX_DOCUMENT_DATA_BYTES} bytes`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(54008, 'Invalid Data: not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid(54008, 'Invalid Data: must be a JSON object');
  }
  return data as Record<string, unknown>;
}

/** The request body, as the twilio library sends it: application/x-www-form-urlencoded, small. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw invalid(20001, 'Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new SyncError(413, 20001, `The request body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
