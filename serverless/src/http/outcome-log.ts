/** One line per request: path, status, outcome code and time. Never the token, identifiers or traits. */
export interface Outcome {
  path: string;
  status: number;
  code: string;
  ms: number;
  /** For 500s: the error's class and where it was thrown, not its message. */
  error?: string;
}

export function logOutcome(outcome: Outcome): void {
  const line = JSON.stringify({ at: 'unified-profiles', ...outcome });
  if (outcome.status >= 500) console.error(line);
  else console.log(line);
}
