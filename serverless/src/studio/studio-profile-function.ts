import { readSegmentSettings } from '../config/segment-settings';
import type { SettingsSource } from '../config/settings-source';
import { ApiError } from '../http/api-error';
import type { FunctionContext, FunctionHandler } from '../http/twilio-runtime';
import type { SegmentSettings } from '../profile/settings';
import { wrapSigned, type SignedWrapOptions } from './signed-wrap';
import { foundAnswer, missAnswer } from './studio-answer';
import type { StudioProfileAnswer } from './studio-contract';
import { getStudioLookup, type StudioProfileLookup } from './studio-lookup';
import { studioCandidates, studioProfileRequestSchema, type StudioProfileRequest } from './studio-profile-request';

export interface StudioProfileFunctionOptions {
  sources?: readonly SettingsSource[];
  lookupFor?: (settings: SegmentSettings) => Pick<StudioProfileLookup, 'find'>;
  /** Wall-clock time after which the answer is "degraded", whatever is still under way. */
  deadlineMs?: number;
  now?: () => number;
  wrap?: Omit<SignedWrapOptions, 'path'>;
}

/** Under Studio's 10 s and the 3 s a caller may hear silence: the lookup's own deadline (2.7 s) comes first. */
const DEADLINE_MS = 2_850;

/**
 * POST /studio-profile (Twilio-signed, form-encoded): the caller's profile as a flow uses it, or
 * `found: false` (200) for a miss, for an unidentifiable caller, and — `degraded: true` — when
 * Segment could not answer in time. Only malformed input is an error (400), so a flow's Fail
 * transition means "the flow itself is wrong".
 */
export function studioProfileFunction(options: StudioProfileFunctionOptions = {}): FunctionHandler {
  const lookupFor = options.lookupFor ?? getStudioLookup;
  const now = options.now ?? Date.now;
  const deadlineMs = options.deadlineMs ?? DEADLINE_MS;

  const answerFor = async (request: StudioProfileRequest, context: FunctionContext): Promise<StudioProfileAnswer> => {
    let settings: SegmentSettings;
    try {
      settings = await readSegmentSettings(context, options.sources);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_configured') return missAnswer('not_configured');
      throw error;
    }
    const outcome = await lookupFor(settings).find(studioCandidates(request, settings));
    return outcome.found ? foundAnswer(outcome.match, new Date(now())) : missAnswer(outcome.reason);
  };

  return wrapSigned(
    studioProfileRequestSchema,
    async (request, { context }) => {
      // Settings and lookup together: whatever is slow, the flow has its answer by the deadline.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<StudioProfileAnswer>((resolve) => {
        timer = setTimeout(() => resolve(missAnswer('segment_unavailable')), deadlineMs);
      });
      try {
        return await Promise.race([answerFor(request, context), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    { path: '/studio-profile', ...options.wrap },
  );
}
