/** More of an error answer than its code and message: field-level details, or what a conflict found. */
export interface ApiErrorDetail {
  /** Extra fields of the `error` object, e.g. `fields: {spaceId: "…"}` for a form. */
  error?: Record<string, unknown>;
  /** Fields beside `error` in the answer, e.g. `current` (the config another admin saved). */
  body?: Record<string, unknown>;
}

/** An error with a code and status the agent or admin can act on; the wrapper answers it as the error body. */
export class ApiError extends Error {
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
