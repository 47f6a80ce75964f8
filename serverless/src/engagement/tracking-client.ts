import pRetry from 'p-retry';

import { ApiError } from '../http/api-error';
import { parseRetryAfter } from '../profile/profile-api-client';
import type { TrackMessage } from './engagement-message';

/** A message this client sends: its `type` names the Tracking API path (/v1/track, /v1/identify). */
export interface TrackingMessage {
  type: 'track' | 'identify';
  messageId: string;
}

/** Where the Flex events source's messages go. */
export interface TrackingTarget {
  /** https://api.segment.io (US), https://events.eu1.segmentapis.com (EU), or the simulator. */
  trackingApiUrl: string;
  writeKey: string;
}

export interface TrackingPolicy {
  attempts: number;
  attemptTimeoutMs: number;
  /** First back-off; doubled after each failure, or Segment's Retry-After when it sends one (up to maxBackoffMs). */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

/** Three tries within ~7 s: the Function must answer before Twilio's 10 s limit; the browser retries later. */
export const DEFAULT_TRACKING_POLICY: TrackingPolicy = {
  attempts: 3,
  attemptTimeoutMs: 2_000,
  baseBackoffMs: 250,
  maxBackoffMs: 1_000,
};

/** What becomes of a message Segment did not take, in the words of its sender. */
const AFTER_FAILURE = {
  track: 'the engagement is kept and sent again later',
  identify: 'no trait was written; try again',
} as const;

const unreachable = (what: string, type: TrackingMessage['type']) =>
  new ApiError(503, 'segment_unavailable', `Segment’s Tracking API ${what}; ${AFTER_FAILURE[type]}.`);

class RetryLater extends Error {
  constructor(
    readonly error: ApiError,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
  }
}

/** Sends one `track` message (see sendTrackingMessage). */
export function sendTrack(
  target: TrackingTarget,
  message: TrackMessage,
  policy: TrackingPolicy = DEFAULT_TRACKING_POLICY,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  return sendTrackingMessage(target, message, policy, fetchImpl);
}

/**
 * Sends one message to the Tracking API's /v1/<type>, Basic-authenticated with the write key, retried
 * (with p-retry) on no answer, 5xx and 429. A small client of our own rather than
 * `@segment/analytics-node`: a Function sends one message per request and must know whether Segment
 * took it before it answers (the browser keeps what was not taken); the library batches in the
 * background, and its batch size counts characters rather than bytes.
 */
export async function sendTrackingMessage(
  target: TrackingTarget,
  message: TrackingMessage,
  policy: TrackingPolicy = DEFAULT_TRACKING_POLICY,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const body = JSON.stringify(message);
  const authorization = `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`;
  let nextDelayMs = policy.baseBackoffMs;
  const attempt = async () => {
    let response: Response;
    try {
      response = await fetchImpl(`${target.trackingApiUrl}/v1/${message.type}`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(policy.attemptTimeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new RetryLater(
        unreachable(
          timedOut ? `did not answer within ${policy.attemptTimeoutMs} ms` : 'could not be reached',
          message.type,
        ),
      );
    }
    if (response.ok) return;
    const reason = await segmentMessage(response);
    if (response.status === 429 || response.status >= 500) {
      throw new RetryLater(
        unreachable(`answered ${response.status}`, message.type),
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new pRetry.AbortError(
        new ApiError(
          502,
          'write_key_rejected',
          `Segment refused the write key (${response.status}): copy it again from the Flex events source’s settings in the Unify tab.`,
        ),
      );
    }
    throw new pRetry.AbortError(
      new ApiError(
        502,
        'segment_refused',
        `Segment refused the ${message.type === 'track' ? 'event' : 'traits'} (${response.status}${reason ? `: ${reason}` : ''}).`,
      ),
    );
  };
  try {
    await pRetry(attempt, {
      retries: policy.attempts - 1,
      // p-retry waits its own back-off; ours (Retry-After aware) is taken here, and p-retry's set to none.
      minTimeout: 0,
      maxTimeout: 0,
      onFailedAttempt: async (failure) => {
        const retryAfterMs = failure instanceof RetryLater ? failure.retryAfterMs : undefined;
        const delay = Math.min(policy.maxBackoffMs, retryAfterMs ?? nextDelayMs);
        nextDelayMs *= 2;
        if (failure.retriesLeft > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      },
    });
  } catch (error) {
    if (error instanceof RetryLater) throw error.error;
    throw error;
  }
}

/** Segment's error text, when its body has one (`{"error": "..."}` or `{"message": "..."}`), trimmed. */
async function segmentMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    const text =
      typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : undefined;
    return text?.slice(0, 200);
  } catch {
    return undefined;
  }
}
