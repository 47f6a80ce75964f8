/** More of an error answer than its code and message: field-level details, or what a conflict found. */
export interface ApiErrorDetail {
  /** Extra fields of the `error` object, e.g. `fields: {spaceId: "…"}` for a form. */
  error?: Record<string, unknown>;
  /** Fields beside `error` in the answer, e.g. `current` (the config another admin saved). */
  body?: Record<string, unknown>;
}

/**
 * Marks an ApiError from any copy of this module. Each Function is its own bundle with its own
 * ApiError class, but they share one process (and the per-process profile services): an error
 * thrown by a service that /profile's bundle made reaches /profile-events' wrapper.
 */
const API_ERROR = Symbol.for('unified-profiles.api-error');

/** An error with a code and status the agent or admin can act on; the wrapper answers it as the error body. */
export class ApiError extends Error {
  /** `instanceof ApiError` holds for an ApiError of any bundle (a subclass still checks its own chain). */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ApiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
  }

  readonly [API_ERROR] = true;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: ApiErrorDetail = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The answer's body: `{"error": {"code", "message", …detail.error}, …detail.body}`. */
  toBody(): Record<string, unknown> {
    return { ...this.detail.body, error: { code: this.code, message: this.message, ...this.detail.error } };
  }
}
