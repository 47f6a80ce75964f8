import type { PluginStringKey } from '../strings/en';
import { FUNCTIONS_NOT_CONFIGURED_CODE, NETWORK_ERROR_CODE, TIMEOUT_ERROR_CODE } from '../backend/FunctionsClient';

/** Every failure the agent can meet, in words that say what to do; the codes are the Functions' and the client's. */
const FAILURE_STRINGS: Record<string, PluginStringKey> = {
  [NETWORK_ERROR_CODE]: 'UnifiedProfilesNetworkError',
  [TIMEOUT_ERROR_CODE]: 'UnifiedProfilesTimeoutError',
  [FUNCTIONS_NOT_CONFIGURED_CODE]: 'UnifiedProfilesNotConfiguredError',
  not_configured: 'UnifiedProfilesNotConfiguredError',
  segment_unavailable: 'UnifiedProfilesSegmentUnavailableError',
  rate_limited: 'UnifiedProfilesSegmentUnavailableError',
  internal_error: 'UnifiedProfilesSegmentUnavailableError',
  segment_auth_failed: 'UnifiedProfilesSegmentAuthError',
  invalid_token: 'UnifiedProfilesSessionError',
  missing_token: 'UnifiedProfilesSessionError',
  auth_unavailable: 'UnifiedProfilesSegmentUnavailableError',
  forbidden: 'UnifiedProfilesForbiddenError',
};

export const failureWordsKey = (code: string | undefined): PluginStringKey =>
  (code && FAILURE_STRINGS[code]) || 'UnifiedProfilesUnknownError';
