import { unifyCheckFunction } from '../unify-check/unify-check-function';

/** POST /unify-check: measures the connection to Segment now (supervisors and admins). */
export const handler = unifyCheckFunction();
