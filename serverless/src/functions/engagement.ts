import { engagementFunction } from '../engagement/engagement-function';

/** POST /engagement: a Flex engagement of the caller's own task, recorded in Segment exactly once. */
export const handler = engagementFunction();
