import type {
  UnifyCheckResult,
  UnifyConfigResponse,
  UnifyConfigWrite,
} from '../../serverless/src/config/unify-contract';
import type { EngagementRecord, EngagementResponse } from '../../serverless/src/engagement/engagement-contract';
import type { ApiErrorBody, ProfileEventsResponse, ProfileLookupResponse } from '../../serverless/src/profile/types';

/** What went wrong calling the Functions, in the backend's own error codes. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    /** The whole error answer, for errors that carry more than a message (field errors, a conflict). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** Code used when the Functions could not be reached at all (offline, CORS, DNS). */
export const NETWORK_ERROR_CODE = 'network_error';
/** Code used when the Functions did not answer within the client's time-out. */
export const TIMEOUT_ERROR_CODE = 'functions_timeout';

/** Code used when the plugin was deployed without the Functions' base URL. */
export const FUNCTIONS_NOT_CONFIGURED_CODE = 'functions_not_configured';

export interface FunctionsClientOptions {
  baseUrl: string;
  getToken: () => string;
  timeoutMs?: number;
}

export interface ProfileLookupRequest {
  taskAttributes?: Record<string, unknown>;
  identifier?: string;
  /** Ask Segment again rather than the Functions' short-lived cache (the agent's Refresh). */
  refresh?: boolean;
}

export interface FunctionsClient {
  lookupProfile(request: ProfileLookupRequest): Promise<ProfileLookupResponse>;
  nextProfileEvents(request: { segmentId: string; next: string; types?: string[] }): Promise<ProfileEventsResponse>;
  /** The Segment connection as the Functions hold it (supervisors and admins; secrets only as set or not). */
  readUnifyConfig(): Promise<UnifyConfigResponse>;
  /** Saves connection settings (admins); a 409 `config_conflict` when another admin saved first. */
  writeUnifyConfig(write: UnifyConfigWrite): Promise<UnifyConfigResponse>;
  /** Checks the connection against Segment now (supervisors and admins); a known customer lets it look for profiles and Flex events. */
  checkUnifyConnection(request?: { identifier?: string }): Promise<{ check: UnifyCheckResult }>;
  /** Records one moment of the agent's own task in Segment (Flex - Engagement Initiated / Completed). */
  recordEngagement(record: EngagementRecord): Promise<EngagementResponse>;
}

/**
 * Longer than the Functions' own 8 s budget for a silent Segment, and than a lookup queued behind
 * a burst at Segment's 100 requests/second: the server, not the browser, decides when to give up.
 */
const DEFAULT_TIMEOUT_MS = 30_000;

/** The typed client of the plugin's Twilio Functions. It holds no Segment secret: only the agent's Flex token. */
export function createFunctionsClient({
  baseUrl,
  getToken,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: FunctionsClientOptions): FunctionsClient {
  async function post<T>(path: string, body: Record<string, unknown>): Promise<T> {
    if (!baseUrl) throw new BackendError(FUNCTIONS_NOT_CONFIGURED_CODE, 'The profile service URL is not configured.');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...body, Token: getToken() }),
          signal: controller.signal,
        });
      } catch {
        throw controller.signal.aborted
          ? new BackendError(TIMEOUT_ERROR_CODE, 'The profile service did not answer in time.')
          : new BackendError(NETWORK_ERROR_CODE, 'The profile service could not be reached.');
      }
      const payload = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
      if (!response.ok || payload === null) {
        const error = (payload as ApiErrorBody | null)?.error;
        throw new BackendError(
          error?.code ?? 'unexpected_response',
          error?.message ?? `The profile service answered ${response.status}.`,
          response.status,
          (payload as Record<string, unknown> | null) ?? undefined,
        );
      }
      return payload as T;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    lookupProfile: (request) => post<ProfileLookupResponse>('/profile', { ...request }),
    nextProfileEvents: (request) => post<ProfileEventsResponse>('/profile-events', { ...request }),
    readUnifyConfig: () => post<UnifyConfigResponse>('/unify-config', {}),
    writeUnifyConfig: (write) => post<UnifyConfigResponse>('/unify-config', { ...write }),
    checkUnifyConnection: (request = {}) => post<{ check: UnifyCheckResult }>('/unify-check', { ...request }),
    recordEngagement: (record) => post<EngagementResponse>('/engagement', { ...record }),
  };
}
