/** Setting up the Segment connection is for supervisors and admins; agents only read profiles. */
export function canSetUpUnify(roles: readonly string[] | undefined): boolean {
  return (roles ?? []).some((role) => role === 'admin' || role === 'supervisor');
}
