import { regionOf } from './check-settings';

/**
 * What each step says, written for an admin: what was measured, what it means for agents, and where
 * in Segment to fix it. URLs are shown by origin only; no secret is ever part of a message.
 */

const API_ACCESS = 'Unify > Unify settings > API access';
const PROFILE_SOURCES = 'Unify > Unify settings > Sources';
const WRITE_KEY_PLACE = 'Connections > Sources > your Flex events source > Settings > API Keys';
const SOURCE_DEBUGGER = 'Connections > Sources > your Flex events source > Debugger';

const origin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured URL';
  }
};

/** `Segment's US host (https://profiles.segment.com)`, or the server itself when it is not Segment's. */
function host(url: string): string {
  const region = regionOf(url);
  return region ? `Segment's ${region.toUpperCase()} host (${origin(url)})` : origin(url);
}

function regionName(url: string): string {
  const region = regionOf(url);
  return region ? `Segment's ${region.toUpperCase()} region` : 'the region served by that host';
}

export const profileApiMessages = {
  ok: (spaceId: string, url: string) =>
    `Segment's Profile API accepted the token for space ${spaceId} on ${host(url)}: agents' lookups can reach it.`,
  unsafeUrl:
    'The Profile API URL must be https (plain http only to a simulator on this machine): the token was not sent.',
  tokenRejected: (spaceId: string, status: number, url: string, otherUrl: string | null) =>
    `Segment refused the Profile API token for space ${spaceId} (HTTP ${status} from ${host(url)}` +
    (otherUrl ? `, and from ${host(otherUrl)} too` : '') +
    '). The token may be mistyped, revoked, or made for another space; Segment answers an unknown space the same way. ' +
    `In Segment, open ${API_ACCESS} of the space agents should see, check that its space id is ${spaceId}, ` +
    'generate a token there and save it in the Unify tab.',
  spaceNotFound: (spaceId: string, url: string) =>
    `Segment has no space ${spaceId} on ${host(url)} (HTTP 404 for the space, not for a profile). ` +
    `Copy the space id from ${API_ACCESS} in Segment (it starts with spa_) and save it in the Unify tab.`,
  spaceMalformed: (spaceId: string) =>
    `Segment refused the space id ${spaceId} as malformed (HTTP 400). ` +
    `Copy it from ${API_ACCESS} in Segment (it starts with spa_) and save it in the Unify tab.`,
  wrongRegion: (spaceId: string, status: number, url: string, otherUrl: string) =>
    `The token and space ${spaceId} belong to ${regionName(otherUrl)}: ${host(url)} refused them (HTTP ${status}) ` +
    `and ${host(otherUrl)} accepted them. Set the region to match in the Unify tab ` +
    `(Profile API ${origin(otherUrl)}); a token works only in the region of the workspace it was made in.`,
  unreachable: (url: string, what: string) =>
    `Segment's Profile API at ${origin(url)} could not be reached: ${what}. Agents' lookups fail until it answers. ` +
    'Check status.segment.com and that the Functions can reach that host, then test again.',
};

export const profilesMessages = {
  notMeasured:
    'Not measured: the Profile API finds a profile only by an identifier and cannot count the profiles of a space. ' +
    'Test with a customer you know (identifier, e.g. email:…) or look in Unify > Profile explorer.',
  afterProfileApiFailed: 'Not checked: the Profile API connection failed.',
  found: (type: string) => `Segment has a profile for the ${type} you gave: agents will see this customer.`,
  noProfile: (type: string) =>
    `Segment has no profile for the ${type} you gave. If the space is new, its sources may not have sent data yet: ` +
    `check ${PROFILE_SOURCES} and each source's Debugger, and Unify > Profile explorer. ` +
    'Until profiles exist, agents see "no customer matched".',
  unreachable: (what: string) => `Could not look the customer up: ${what}. Test again shortly.`,
};

export const trackingMessages = {
  missing:
    'No write key is set for the Flex events source, so Flex interactions are not sent to Segment and the Flex ' +
    `computed traits (Total inbounds, Frequent inbound channel) stay empty. Copy the key from ${WRITE_KEY_PLACE} ` +
    'and save it in the Unify tab.',
  unsafeUrl:
    'The Tracking API URL (SEGMENT_TRACKING_API_URL) must be https (plain http only to a simulator on this machine): ' +
    'the write key was not sent.',
  notSentUntilConnected: 'Not checked: the write key is tested once the Profile API connection works.',
  refused: (status: number) =>
    `Segment refused the write key (HTTP ${status}). Copy it again from ${WRITE_KEY_PLACE} and save it in the Unify tab.`,
  unreachable: (url: string, what: string) =>
    `Segment's Tracking API at ${origin(url)} could not be reached: ${what}. Flex interactions are not recorded ` +
    'while it is down. Check status.segment.com, then test again.',
  sentNotReadBack:
    'Segment took the check event, but whether it reached the space cannot be read back while the Profile API fails.',
  readBack: (ms: number) =>
    `The write key works: a check event sent with it reached this space's profiles in ${formatMs(ms)}.`,
  earlierReadBack: (at: string, waitedMs: number) =>
    `The write key works: an earlier check event sent with it reached this space (${at}). This check's event had ` +
    `not arrived after ${formatMs(waitedMs)}; Segment can take a little longer at times.`,
  notReadBack: (waitedMs: number) =>
    `Segment took the check event but it had not reached this space after ${formatMs(waitedMs)}. Segment's ` +
    'Tracking API answers 200 even to a wrong write key, so this is the only sign: the key may be wrong, belong to ' +
    `another workspace, or its source may not be connected to this space (${PROFILE_SOURCES}). Look for the event ` +
    `"Unified Profiles Connection Check" in ${SOURCE_DEBUGGER}. If it is there, Segment is only slow: test again in a minute.`,
};

export const flexEventsMessages = {
  notMeasured:
    "Not measured: Flex engagement events can only be read from one customer's profile. Test with a customer " +
    'who contacted the center in the last 14 days (identifier) to look for them.',
  afterProfileApiFailed: 'Not checked: the Profile API connection failed.',
  noProfileToRead: 'Not checked: there is no profile of that customer to read events from.',
  found: (at: string | null) =>
    `Flex engagement events reach Segment: this customer's profile holds them${at ? ` (the latest ${at})` : ''}.`,
  none:
    'This customer\'s profile holds no "Flex - Engagement Initiated" or "Flex - Engagement Completed" event in the ' +
    'last 14 days. If agents handled their conversations since, Flex events are not reaching the space: check the ' +
    `write key and ${SOURCE_DEBUGGER}. Flex computed traits need at least one completed interaction.`,
  unreachable: (what: string) => `Could not read the customer's events: ${what}. Test again shortly.`,
};

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(Math.round(ms / 100) / 10).toLocaleString('en')} s`;
}
