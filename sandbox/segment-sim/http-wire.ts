import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';

import { invalidRequest, SimResponse } from './errors';
import type { FaultSettings, ForcedFault } from './faults';

/** The wire side of the simulator: Basic auth, request bodies, and answers with their body-level faults. */

export const STATUS_ERRORS: Record<number, [string, string]> = {
  429: ['rate_limit_error', 'Too many requests. Slow down and retry with exponential back-off.'],
  500: ['internal_error', 'Internal server error.'],
  502: ['bad_gateway', 'Bad gateway.'],
  503: ['service_unavailable', 'Service unavailable.'],
  504: ['gateway_timeout', 'Gateway timeout.'],
};

/**
 * Retry headers on a 429: the Tracking API documents Retry-After and X-RateLimit-Reset; the Profile API
 * documents none, so it sends one only when the faults ask for it.
 */
export function retryHeaders(pathname: string, faults: FaultSettings): Record<string, string> {
  const tracking = !pathname.startsWith('/v1/spaces/');
  const seconds = faults.retryAfterSeconds ?? (tracking ? 1 : undefined);
  if (seconds === undefined) return {};
  return tracking
    ? { 'Retry-After': String(seconds), 'X-RateLimit-Reset': String(seconds) }
    : { 'Retry-After': String(seconds) };
}

// Unref'd: an injected minute of latency must not keep a closing test process alive.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** The user name of `Authorization: Basic base64(user:password)`, when the password is empty as Segment requires. */
export function basicUser(header: string | undefined, colonOptional = false): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  // The Tracking API still takes a write key encoded without the colon, for backward compatibility.
  if (colonOptional && decoded && !decoded.includes(':')) return decoded;
  const separator = decoded.indexOf(':');
  return separator > 0 && separator === decoded.length - 1 ? decoded.slice(0, separator) : undefined;
}

export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(invalidRequest('Request body too large.'));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A request body as JSON bytes: a `Content-Encoding: gzip` body is decompressed (Segment's libraries send
 * gzip), to at most `limit` bytes, so the Tracking API's size limits apply to the JSON, not to the wire.
 * Any other content coding is a 400.
 */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined, limit: number): Buffer {
  const coding = (contentEncoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return raw;
  if (coding !== 'gzip' && coding !== 'x-gzip') {
    throw invalidRequest(`Content-Encoding "${contentEncoding}" is not supported: send gzip or nothing.`);
  }
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw invalidRequest('Request body too large.');
    }
    throw invalidRequest('The gzip body could not be decompressed.');
  }
}

/** Writes an answer, with the body-level faults (malformed, truncated, slow) applied. */
export async function writeAnswer(
  response: ServerResponse,
  answer: SimResponse,
  fault: ForcedFault | undefined,
  slowBodyMs: number,
) {
  let text = JSON.stringify(answer.body);
  if (fault === 'malformed') text = `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<html>`;
  const bytes = Buffer.from(text);
  response.writeHead(answer.status, {
    'Content-Type': 'application/json',
    'Content-Length': bytes.length,
    'Request-Id': randomUUID(),
    ...answer.headers,
  });
  if (fault === 'truncated') {
    // Destroy only once the first half is on the wire: destroying at once would discard it, headers and all.
    await new Promise<void>((resolve) =>
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => resolve()),
    );
    response.socket?.destroy();
    return;
  }
  if (fault === 'slow') {
    const pieces = 10;
    const size = Math.ceil(bytes.length / pieces);
    for (let offset = 0; offset < bytes.length; offset += size) {
      response.write(bytes.subarray(offset, offset + size));
      await sleep(slowBodyMs / pieces);
    }
    response.end();
    return;
  }
  response.end(bytes);
}
