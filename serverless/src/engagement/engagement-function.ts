import { readSegmentSettings, readSettingsInput } from '../config/segment-settings';
import type { SegmentSettingsInput, SettingsSource } from '../config/settings-source';
import { ApiError } from '../http/api-error';
import { contextValue, type FunctionContext, type FunctionHandler } from '../http/twilio-runtime';
import { wrap, type WrapOptions } from '../http/wrap';
import { getProfileService, type ProfileService } from '../profile/service';
import type { SegmentSettings } from '../profile/settings';
import type { TwilioTaskRouterClient } from '../twilio/taskrouter-api';
import { twilioClientFor } from '../twilio/twilio-client';
import { connectionCheckSettings, isSafeSegmentUrl } from '../unify-check/check-settings';
import type { EngagementResponse } from './engagement-contract';
import { customerIdentity, type FindCustomer } from './customer-identity';
import { channelTypeOf, engagementMessage, engagementMessageId } from './engagement-message';
import { ENGAGEMENT_EVENT_NAMES, engagementRequestSchema } from './engagement-request';
import { callersTask } from './task-access';
import { DEFAULT_TRACKING_POLICY as DEFAULT_POLICY, sendTrack, type TrackingPolicy } from './tracking-client';

export interface EngagementFunctionOptions {
  sources?: readonly SettingsSource[];
  taskRouter?: (context: FunctionContext) => TwilioTaskRouterClient;
  /** The profile service lookups use (this instance's cache); tests inject their own. */
  profiles?: (settings: SegmentSettings) => Pick<ProfileService, 'lookup' | 'forgetCustomer'>;
  tracking?: Partial<TrackingPolicy>;
  fetch?: typeof fetch;
  now?: () => number;
  wrap?: Pick<WrapOptions, 'validateToken' | 'createResponse'>;
}

/**
 * Channels an admin keeps out of Segment: saved in the Unify tab, else
 * UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS=email,web (settings-source.ts), else none.
 */
function excludedChannels(input: SegmentSettingsInput): Set<string> {
  return new Set((input.engagementExcludedChannels ?? []).map((channel) => channel.trim().toLowerCase()));
}

async function connectedSettings(context: FunctionContext, sources: readonly SettingsSource[] | undefined) {
  const input = await readSettingsInput(context, sources);
  let segment: SegmentSettings;
  try {
    segment = await readSegmentSettings(context, [{ name: 'as read', read: async () => input }]);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      409,
      'not_connected',
      'No Segment space is connected (see the Unify tab), so engagements are not recorded.',
    );
  }
  const { trackingApiUrl, writeKey } = connectionCheckSettings(segment, input, context);
  if (!writeKey) {
    throw new ApiError(
      409,
      'write_key_missing',
      'No write key is set for the Flex events source, so engagements are not recorded: an admin saves it in the Unify tab (or SEGMENT_WRITE_KEY).',
    );
  }
  if (!isSafeSegmentUrl(trackingApiUrl)) {
    throw new ApiError(
      503,
      'not_configured',
      'SEGMENT_TRACKING_API_URL must be an https URL (plain http only on loopback).',
    );
  }
  return { segment, input, target: { trackingApiUrl, writeKey } };
}

/**
 * POST /engagement: records one moment of the caller's own task in Segment (`Flex - Engagement
 * Initiated` when the conversation ended, `Completed` when wrap-up ended), with a messageId fixed by
 * the task and the moment, so however often the browser sends it, Segment counts it once.
 */
export function engagementFunction(options: EngagementFunctionOptions = {}): FunctionHandler {
  const now = options.now ?? Date.now;
  const taskRouter = options.taskRouter ?? twilioClientFor;
  const profilesFor = options.profiles ?? getProfileService;
  return wrap(
    engagementRequestSchema(now),
    async (request, { context, caller }): Promise<EngagementResponse> => {
      const { segment, input, target } = await connectedSettings(context, options.sources);
      const workspaceSid = contextValue(context, 'TWILIO_FLEX_WORKSPACE_SID');
      if (!workspaceSid) {
        throw new ApiError(
          503,
          'not_configured',
          'Set TWILIO_FLEX_WORKSPACE_SID (the Flex TaskRouter workspace, WS…) for the Functions.',
        );
      }
      if (!caller.workerSid) {
        throw new ApiError(
          403,
          'not_a_worker',
          'Only a Flex user with a TaskRouter worker (an agent) records engagements.',
        );
      }
      const task = await callersTask(taskRouter(context), workspaceSid, request.taskSid, caller.workerSid);
      const answer = {
        event: ENGAGEMENT_EVENT_NAMES[request.event],
        messageId: engagementMessageId(request.event, task.sid),
      };
      if (excludedChannels(input).has(channelTypeOf(task)))
        return { sent: false, skipped: 'channel_excluded', ...answer };
      const profiles = profilesFor(segment);
      // The customer /profile would show for the task: usually from this instance's cache, warmed by the panel.
      const findCustomer: FindCustomer = async (attributes) =>
        (await profiles.lookup({ taskAttributes: attributes })).profile;
      const identity = await customerIdentity(task.attributes, segment, findCustomer);
      const message = engagementMessage(request, task, identity, new Date(now()));
      await sendTrack(target, message, { ...DEFAULT_POLICY, ...options.tracking }, options.fetch);
      // The next lookup of this customer asks Segment, so the next agent sees this interaction.
      profiles.forgetCustomer(task.attributes);
      return { sent: true, ...answer };
    },
    options.wrap,
  );
}
