import { readSegmentSettings, readSettingsInput } from '../config/segment-settings';
import type { SettingsSource } from '../config/settings-source';
import { customerIdentity } from '../engagement/customer-identity';
import {
  DEFAULT_TRACKING_POLICY,
  sendTrackingMessage,
  type TrackingPolicy,
  type TrackingTarget,
} from '../engagement/tracking-client';
import { ApiError } from '../http/api-error';
import type { FunctionContext, FunctionHandler } from '../http/twilio-runtime';
import { parseTypedIdentifier } from '../profile/identity';
import { getProfileService } from '../profile/service';
import type { SegmentSettings } from '../profile/settings';
import { connectionCheckSettings, isSafeSegmentUrl } from '../unify-check/check-settings';
import { identifyMessage } from './identify-message';
import { wrapSigned, type SignedWrapOptions } from './signed-wrap';
import type { StudioTraitsAnswer } from './studio-contract';
import { getStudioLookup } from './studio-lookup';
import { studioTraitsRequestSchema } from './studio-traits-request';
import { traitValueOf, writableTraitsOf, WRITABLE_TRAITS_VARIABLE } from './writable-traits';

export interface StudioTraitsFunctionOptions {
  sources?: readonly SettingsSource[];
  tracking?: Partial<TrackingPolicy>;
  fetch?: typeof fetch;
  now?: () => number;
  wrap?: Omit<SignedWrapOptions, 'path'>;
}

/**
 * The identifier types a flow writes by, as the task attribute /engagement reads each from: the
 * message then names the customer exactly as an engagement of theirs would (user_id as userId;
 * email or phone with the same stable anonymous id).
 */
const IDENTITY_FIELD: Record<string, string> = {
  user_id: 'user_id',
  anonymous_id: 'anonymous_id',
  email: 'email',
  phone: 'phone',
};

async function trackingTarget(context: FunctionContext, sources?: readonly SettingsSource[]) {
  const input = await readSettingsInput(context, sources);
  const segment = await readSegmentSettings(context, [{ name: 'as read', read: async () => input }]);
  const { trackingApiUrl, writeKey } = connectionCheckSettings(segment, input, context);
  if (!writeKey) {
    throw new ApiError(
      503,
      'not_configured',
      'No write key is set for the Flex events source (the Unify tab, or SEGMENT_WRITE_KEY): no trait can be written.',
    );
  }
  if (!isSafeSegmentUrl(trackingApiUrl)) {
    throw new ApiError(
      503,
      'not_configured',
      'SEGMENT_TRACKING_API_URL must be an https URL (plain http only on loopback).',
    );
  }
  const target: TrackingTarget = { trackingApiUrl, writeKey };
  return { segment, target };
}

function allowedTraits(context: FunctionContext, segment: SegmentSettings, traits: Record<string, string>) {
  const allowed = writableTraitsOf(context, segment.identifierPriority);
  const refused = Object.keys(traits).filter((name) => !allowed.has(name));
  if (refused.length > 0) {
    const names = refused.slice(0, 5).map((name) => name.slice(0, 64));
    throw new ApiError(
      403,
      'trait_not_allowed',
      allowed.size === 0
        ? `No trait is writable from a flow: an admin lists them in ${WRITABLE_TRAITS_VARIABLE}.`
        : `Not writable from a flow: ${names.join(', ')}. Writable: ${[...allowed.keys()].join(', ').slice(0, 200)}.`,
    );
  }
  return Object.fromEntries(
    Object.entries(traits).map(([name, raw]) => [name, traitValueOf(allowed.get(name)!, raw)] as const),
  );
}

/**
 * POST /studio-traits (Twilio-signed, form-encoded): writes the traits an admin allowed for one
 * profile with a Tracking API `identify`, whose messageId comes from the flow's execution and step
 * (so a retried widget writes once). 200 once Segment took it; 4xx for what the flow must fix; 503
 * when Segment did not take it within the retries.
 */
export function studioTraitsFunction(options: StudioTraitsFunctionOptions = {}): FunctionHandler {
  const now = options.now ?? Date.now;
  return wrapSigned(
    studioTraitsRequestSchema,
    async (request, { context }): Promise<StudioTraitsAnswer> => {
      const { segment, target } = await trackingTarget(context, options.sources);
      const candidate = parseTypedIdentifier(request.identifier, segment);
      const field = IDENTITY_FIELD[candidate.type];
      if (!field) {
        throw new ApiError(
          400,
          'invalid_identifier',
          `/studio-traits writes by user_id, email, phone or anonymous_id, not by ${candidate.type}.`,
        );
      }
      const traits = allowedTraits(context, segment, request.traits);
      const customer = { [field]: candidate.value };
      const identity = await customerIdentity(customer, segment, async () => null);
      const flow = { flowSid: request.FlowSid, executionSid: request.ExecutionSid, step: request.Step };
      const message = identifyMessage(identity, traits, flow, candidate.key, new Date(now()));
      await sendTrackingMessage(target, message, { ...DEFAULT_TRACKING_POLICY, ...options.tracking }, options.fetch);
      // The next lookup of this customer (the flow's, the agent's) asks Segment, and sees the new traits.
      getStudioLookup(segment).forget(candidate.key);
      getProfileService(segment).forgetCustomer(customer);
      return { written: true, messageId: message.messageId, traits: Object.keys(traits) };
    },
    { path: '/studio-traits', ...options.wrap },
  );
}
