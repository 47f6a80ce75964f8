import { createHash, randomUUID } from 'node:crypto';

import type { UnifyCheckCode, UnifyCheckResult, UnifyCheckStep } from '../config/unify-contract';
import { isSafeSegmentUrl, type ConnectionCheckSettings } from './check-settings';
import {
  basicAuthorization,
  defaultCheckDeps,
  queryString,
  SegmentCaller,
  type Attempt,
  type CallPolicy,
  type CallResult,
  type CheckDeps,
} from './segment-call';
import { profileApiMessages, profilesMessages, trackingMessages, flexEventsMessages } from './check-messages';

/** The anonymous profile the check writes to and reads back: one per space, never a customer. */
export const CHECK_ANONYMOUS_ID = 'unified-profiles-connection-check';
export const CHECK_EVENT_NAME = 'Unified Profiles Connection Check';
export const FLEX_ENGAGEMENT_EVENTS = ['Flex - Engagement Initiated', 'Flex - Engagement Completed'] as const;

/** A customer the caller knows is in Segment, already normalised: the only evidence that a space holds profiles. */
export interface KnownIdentifier {
  type: string;
  /** `type:value`, URL-encoded: one safe path segment (IdentifierCandidate.pathId). */
  pathId: string;
}

export interface CheckRequest {
  /** The Flex identity of whoever asked for the check. */
  checkedBy: string;
  knownIdentifier?: KnownIdentifier;
}

export interface CheckOptions {
  /** The whole check, every retry and the read-back included. */
  budgetMs: number;
  attemptTimeoutMs: number;
  /** How often the check event is looked for on the check profile. */
  readbackIntervalMs: number;
  /** The check event's messageId; unique per check so a read-back never finds an older one by mistake. */
  newMessageId: () => string;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  budgetMs: 5_000,
  attemptTimeoutMs: 2_000,
  readbackIntervalMs: 250,
  newMessageId: () => `unified-profiles-check-${randomUUID()}`,
};

type StepOf<Name extends UnifyCheckStep['step']> = UnifyCheckStep & { step: Name };

const step = <Name extends UnifyCheckStep['step']>(
  name: Name,
  status: UnifyCheckStep['status'],
  code: UnifyCheckCode,
  message: string,
): StepOf<Name> => ({ step: name, status, code, message }) as StepOf<Name>;

/** A write key told apart from another without being revealed: 12 hex digits of its SHA-256. */
export function writeKeyFingerprint(writeKey: string): string {
  return createHash('sha256').update(writeKey).digest('hex').slice(0, 12);
}

/** The overall verdict: failed if a step failed (lookups fail), warning if any warned, else passed. */
export function summarise(
  steps: UnifyCheckStep[],
  checkedBy: string,
  startedAt: number,
  now: number,
): UnifyCheckResult {
  const failed = steps.find((item) => item.status === 'failed');
  const warning = steps.find((item) => item.status === 'warning');
  return {
    status: failed ? 'failed' : warning ? 'warning' : 'passed',
    code: (failed ?? warning)?.code ?? 'ok',
    steps,
    checkedAt: new Date(startedAt).toISOString(),
    checkedBy,
    ms: Math.max(0, now - startedAt),
  };
}

/**
 * The answer when the space or token is missing (or a setting is malformed): nothing is sent to
 * Segment, but a missing write key is still worth saying.
 */
export function notConfiguredCheck(
  problem: string,
  request: CheckRequest,
  writeKeySet: boolean,
  now: () => number = Date.now,
): UnifyCheckResult {
  const startedAt = now();
  const steps: UnifyCheckStep[] = [
    step('profile_api', 'failed', 'not_configured', problem),
    step('profiles', 'skipped', 'ok', profilesMessages.afterProfileApiFailed),
    writeKeySet
      ? step('tracking_api', 'skipped', 'ok', trackingMessages.notSentUntilConnected)
      : step('tracking_api', 'warning', 'write_key_missing', trackingMessages.missing),
    step('flex_events', 'skipped', 'ok', flexEventsMessages.afterProfileApiFailed),
  ];
  return summarise(steps, request.checkedBy, startedAt, now());
}

/**
 * Measures whether Segment works for this contact center, within one time budget:
 *
 * 1. profile_api: one Profile API call for the check's own anonymous profile. 200 or Segment's
 *    "Profile was not found" 404 means the host took the token and the space. A 401/403 is retried on
 *    the other region's host: accepted there is wrong_region, else token_rejected. Another 404 (or a
 *    400) is the space; no answer, 5xx or 429 after retries is segment_unreachable.
 * 2. tracking_api (sent beside step 1): a `track` of CHECK_EVENT_NAME for CHECK_ANONYMOUS_ID with the
 *    write key. Segment's edge answers 200 even to a wrong key, so a 200 proves nothing: the event is
 *    read back from the check profile's events. Seen: the key works. Unseen by the deadline:
 *    write_key_rejected, as a warning that says it may only be slow.
 * 3. profiles and flex_events: only with a known identifier (the Profile API cannot list or count
 *    profiles): its profile found, and Flex engagement events on it in the last 14 days.
 */
export async function checkConnection(
  settings: ConnectionCheckSettings,
  request: CheckRequest,
  deps: Partial<CheckDeps> = {},
  options: Partial<CheckOptions> = {},
): Promise<UnifyCheckResult> {
  const run: CheckDeps = { ...defaultCheckDeps, ...deps };
  const opts: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const startedAt = run.now();
  if (!isSafeSegmentUrl(settings.profileApiUrl)) {
    return notConfiguredCheck(profileApiMessages.unsafeUrl, request, Boolean(settings.writeKey), run.now);
  }
  const caller = new SegmentCaller(run, startedAt + opts.budgetMs);
  const messageId = opts.newMessageId();
  const [profileApi, sent] = await Promise.all([
    checkProfileApi(settings, caller, opts),
    sendCheckEvent(settings, caller, opts, messageId, startedAt, run.now),
  ]);

  let profiles: UnifyCheckStep;
  let flexEvents: UnifyCheckStep;
  let tracking: UnifyCheckStep;
  if (profileApi.status !== 'passed') {
    profiles = step('profiles', 'skipped', 'ok', profilesMessages.afterProfileApiFailed);
    flexEvents = step('flex_events', 'skipped', 'ok', flexEventsMessages.afterProfileApiFailed);
    tracking = trackingStepWithoutReadback(sent, settings);
  } else {
    [tracking, [profiles, flexEvents]] = await Promise.all([
      sent.kind === 'sent'
        ? readBack(settings, caller, run, opts, messageId, sent.sentAt)
        : trackingStepWithoutReadback(sent, settings),
      checkKnownProfile(settings, caller, opts, request.knownIdentifier),
    ]);
  }
  return summarise([profileApi, profiles, tracking, flexEvents], request.checkedBy, startedAt, run.now());
}

const spaceUrl = (base: string, spaceId: string, path: string) =>
  `${base}/v1/spaces/${encodeURIComponent(spaceId)}/${path}`;

const checkProfilePath = (resource: string) =>
  `collections/users/profiles/anonymous_id:${encodeURIComponent(CHECK_ANONYMOUS_ID)}/${resource}`;

const profileGet = (token: string): RequestInit => ({
  headers: { authorization: basicAuthorization(token), accept: 'application/json' },
});

function errorOf(body: unknown): { code?: unknown; message?: unknown } | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  return error && typeof error === 'object' ? (error as { code?: unknown; message?: unknown }) : undefined;
}

/**
 * Segment's documented 404 for a missing profile: `{"error": {"code": "not_found", "message": "Profile was
 * not found."}}`. Any other 404 (not JSON, another code, a message about the space) is the space itself.
 */
export function isProfileNotFound(body: unknown): boolean {
  const error = errorOf(body);
  return error?.code === 'not_found' && !/space/i.test(String(error.message ?? ''));
}

type ProbeVerdict = 'accepted' | 'rejected' | 'space_not_found' | 'space_malformed' | 'unreachable' | 'unexpected';

function verdictOf(attempt: Attempt): ProbeVerdict {
  if (attempt.kind !== 'answered') return 'unreachable';
  const { status } = attempt;
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 404) return isProfileNotFound(attempt.body) ? 'accepted' : 'space_not_found';
  if (status === 401 || status === 403) return 'rejected';
  if (status === 400) return 'space_malformed';
  if (status === 429 || status >= 500) return 'unreachable';
  return 'unexpected';
}

/** Why a call got no usable answer, in words. */
export function describeFailure(result: CallResult): string {
  const { last } = result;
  const tries = result.attempts === 1 ? 'once' : `${result.attempts} times`;
  if (last.kind === 'timeout') return `it did not answer in time (tried ${tries} in ${formatSeconds(result.ms)})`;
  if (last.kind === 'network_error') return `the connection failed (tried ${tries})`;
  if (last.status === 429) return `it kept answering "too many requests" (HTTP 429, tried ${tries})`;
  if (last.status >= 500) return `it answered HTTP ${last.status} (tried ${tries})`;
  return `it answered HTTP ${last.status}, which Segment does not answer to this request`;
}

export const formatSeconds = (ms: number) => `${(Math.round(ms / 100) / 10).toLocaleString('en')} s`;

function policy(opts: CheckOptions, maxAttempts: number): CallPolicy {
  return { maxAttempts, attemptTimeoutMs: opts.attemptTimeoutMs, baseBackoffMs: 150 };
}

async function checkProfileApi(
  settings: ConnectionCheckSettings,
  caller: SegmentCaller,
  opts: CheckOptions,
): Promise<StepOf<'profile_api'>> {
  const { profileApiUrl, spaceId, profileApiToken } = settings;
  const init = profileGet(profileApiToken);
  const probe = await caller.call(
    'profile_probe',
    spaceUrl(profileApiUrl, spaceId, checkProfilePath('metadata')),
    init,
    policy(opts, 4),
  );
  const fail = (code: UnifyCheckCode, message: string) => step('profile_api', 'failed', code, message);
  switch (verdictOf(probe.last)) {
    case 'accepted':
      return step('profile_api', 'passed', 'ok', profileApiMessages.ok(spaceId, profileApiUrl));
    case 'space_not_found':
      return fail('space_not_found', profileApiMessages.spaceNotFound(spaceId, profileApiUrl));
    case 'space_malformed':
      return fail('space_not_found', profileApiMessages.spaceMalformed(spaceId));
    case 'unreachable':
    case 'unexpected':
      return fail('segment_unreachable', profileApiMessages.unreachable(profileApiUrl, describeFailure(probe)));
    case 'rejected':
      break;
  }
  const status = (probe.last as { status: number }).status;
  const other = settings.otherRegionProfileApiUrl;
  if (!other || other === profileApiUrl || caller.remainingMs() <= 0) {
    return fail('token_rejected', profileApiMessages.tokenRejected(spaceId, status, profileApiUrl, null));
  }
  const elsewhere = await caller.call(
    'other_region_probe',
    spaceUrl(other, spaceId, checkProfilePath('metadata')),
    init,
    policy(opts, 2),
  );
  const verdict = verdictOf(elsewhere.last);
  if (verdict === 'accepted' || verdict === 'space_not_found') {
    return fail('wrong_region', profileApiMessages.wrongRegion(spaceId, status, profileApiUrl, other));
  }
  return fail('token_rejected', profileApiMessages.tokenRejected(spaceId, status, profileApiUrl, other));
}

type SendOutcome =
  | { kind: 'missing' }
  | { kind: 'unsafe_url' }
  | { kind: 'sent'; sentAt: number }
  | { kind: 'refused'; status: number }
  | { kind: 'unreachable'; what: string };

async function sendCheckEvent(
  settings: ConnectionCheckSettings,
  caller: SegmentCaller,
  opts: CheckOptions,
  messageId: string,
  startedAt: number,
  now: () => number,
): Promise<SendOutcome> {
  const { writeKey, trackingApiUrl } = settings;
  if (!writeKey) return { kind: 'missing' };
  if (!isSafeSegmentUrl(trackingApiUrl)) return { kind: 'unsafe_url' };
  const timestamp = new Date(startedAt).toISOString();
  const event = {
    type: 'track',
    anonymousId: CHECK_ANONYMOUS_ID,
    event: CHECK_EVENT_NAME,
    messageId,
    timestamp,
    properties: { checkedAt: timestamp, writeKeyFingerprint: writeKeyFingerprint(writeKey) },
    context: { library: { name: 'unified-profiles-functions', version: '0.1.0' } },
  };
  const result = await caller.call(
    'track',
    `${trackingApiUrl}/v1/track`,
    {
      method: 'POST',
      headers: { authorization: basicAuthorization(writeKey), 'content-type': 'application/json' },
      body: JSON.stringify(event),
    },
    // Retrying is safe: Segment counts a messageId once.
    policy(opts, 3),
  );
  const { last } = result;
  if (last.kind === 'answered' && last.status >= 200 && last.status < 300) {
    return { kind: 'sent', sentAt: now() };
  }
  if (last.kind === 'answered' && [400, 401, 403].includes(last.status))
    return { kind: 'refused', status: last.status };
  return { kind: 'unreachable', what: describeFailure(result) };
}

function trackingStepWithoutReadback(sent: SendOutcome, settings: ConnectionCheckSettings): StepOf<'tracking_api'> {
  switch (sent.kind) {
    case 'missing':
      return step('tracking_api', 'warning', 'write_key_missing', trackingMessages.missing);
    case 'unsafe_url':
      return step('tracking_api', 'warning', 'not_configured', trackingMessages.unsafeUrl);
    case 'refused':
      return step('tracking_api', 'warning', 'write_key_rejected', trackingMessages.refused(sent.status));
    case 'unreachable':
      return step(
        'tracking_api',
        'warning',
        'segment_unreachable',
        trackingMessages.unreachable(settings.trackingApiUrl, sent.what),
      );
    case 'sent':
      return step('tracking_api', 'skipped', 'ok', trackingMessages.sentNotReadBack);
  }
}

interface CheckEventOnProfile {
  message_id?: unknown;
  timestamp?: unknown;
  properties?: { writeKeyFingerprint?: unknown };
}

/**
 * Looks for the check event on the check profile until the deadline. Found: the key works. Not found,
 * but an earlier check event carries this key's fingerprint: the key worked then, this event is late.
 */
async function readBack(
  settings: ConnectionCheckSettings,
  caller: SegmentCaller,
  deps: CheckDeps,
  opts: CheckOptions,
  messageId: string,
  sentAt: number,
): Promise<StepOf<'tracking_api'>> {
  const fingerprint = writeKeyFingerprint(settings.writeKey ?? '');
  const url = spaceUrl(
    settings.profileApiUrl,
    settings.spaceId,
    `${checkProfilePath('events')}?${queryString({ include: CHECK_EVENT_NAME, limit: 10 })}`,
  );
  const init = profileGet(settings.profileApiToken);
  let earlier: string | undefined;
  while (caller.remainingMs() > 0) {
    const { last } = await caller.call('readback', url, init, policy(opts, 1));
    if (last.kind === 'answered' && last.status === 200) {
      const events = (last.body as { data?: unknown } | undefined)?.data;
      const list: CheckEventOnProfile[] = Array.isArray(events) ? events : [];
      if (list.some((event) => event?.message_id === messageId)) {
        return step('tracking_api', 'passed', 'ok', trackingMessages.readBack(deps.now() - sentAt));
      }
      const previous = list.find((event) => event?.properties?.writeKeyFingerprint === fingerprint);
      if (previous && typeof previous.timestamp === 'string') earlier ??= previous.timestamp;
    }
    if (caller.remainingMs() <= opts.readbackIntervalMs) break;
    await deps.sleep(opts.readbackIntervalMs);
  }
  const waited = deps.now() - sentAt;
  if (earlier) return step('tracking_api', 'passed', 'ok', trackingMessages.earlierReadBack(earlier, waited));
  return step('tracking_api', 'warning', 'write_key_rejected', trackingMessages.notReadBack(waited));
}

async function checkKnownProfile(
  settings: ConnectionCheckSettings,
  caller: SegmentCaller,
  opts: CheckOptions,
  known: KnownIdentifier | undefined,
): Promise<[StepOf<'profiles'>, StepOf<'flex_events'>]> {
  if (!known) {
    return [
      step('profiles', 'skipped', 'ok', profilesMessages.notMeasured),
      step('flex_events', 'skipped', 'ok', flexEventsMessages.notMeasured),
    ];
  }
  const init = profileGet(settings.profileApiToken);
  const profilePath = `collections/users/profiles/${known.pathId}`;
  const traits = await caller.call(
    'sample_traits',
    spaceUrl(settings.profileApiUrl, settings.spaceId, `${profilePath}/traits?${queryString({ limit: 1 })}`),
    init,
    policy(opts, 2),
  );
  const found = traits.last.kind === 'answered' && traits.last.status === 200;
  if (!found) {
    const missing = traits.last.kind === 'answered' && traits.last.status === 404;
    return [
      missing
        ? step('profiles', 'warning', 'no_profiles_yet', profilesMessages.noProfile(known.type))
        : step('profiles', 'warning', 'segment_unreachable', profilesMessages.unreachable(describeFailure(traits))),
      step('flex_events', 'skipped', 'ok', flexEventsMessages.noProfileToRead),
    ];
  }
  const profiles = step('profiles', 'passed', 'ok', profilesMessages.found(known.type));
  const query = queryString({ include: FLEX_ENGAGEMENT_EVENTS.join(','), limit: 1 });
  const events = await caller.call(
    'sample_events',
    spaceUrl(settings.profileApiUrl, settings.spaceId, `${profilePath}/events?${query}`),
    init,
    policy(opts, 2),
  );
  if (events.last.kind !== 'answered' || events.last.status !== 200) {
    return [
      profiles,
      step('flex_events', 'warning', 'segment_unreachable', flexEventsMessages.unreachable(describeFailure(events))),
    ];
  }
  const data = (events.last.body as { data?: unknown } | undefined)?.data;
  const latest = Array.isArray(data) ? (data[0] as { timestamp?: unknown } | undefined) : undefined;
  if (!latest) return [profiles, step('flex_events', 'warning', 'no_flex_events_yet', flexEventsMessages.none)];
  const at = typeof latest.timestamp === 'string' ? latest.timestamp : null;
  return [profiles, step('flex_events', 'passed', 'ok', flexEventsMessages.found(at))];
}
