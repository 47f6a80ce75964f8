/** Segment's error body: `{"error": {"code": "...", "message": "..."}}`. */
export class SegmentError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = () => new SegmentError(404, 'not_found', 'Profile was not found.');
/** Only with `unknownSpace: 'not_found'`: the message is the simulator's own, Segment documents none. */
export const spaceNotFound = () => new SegmentError(404, 'not_found', 'Space was not found.');
export const unauthorized = () => new SegmentError(401, 'authentication_error', 'Invalid or missing access token.');
export const validation = (message: string) => new SegmentError(400, 'validation_error', message);
export const invalidRequest = (message: string) => new SegmentError(400, 'invalid_request_error', message);

/** What a route answers; the server adds Request-Id and any fault before it goes out. */
export interface SimResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const errorResponse = (error: SegmentError, headers?: Record<string, string>): SimResponse => ({
  status: error.status,
  body: { error: { code: error.code, message: error.message } },
  headers,
});
