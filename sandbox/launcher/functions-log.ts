import { AsyncLocalStorage } from 'node:async_hooks';
import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * The sandbox's terminal. The Functions run in the launcher's process and log as they do on
 * Twilio: one JSON line per event on stdout (stderr for errors), dozens per lookup. Here those
 * lines go to a file (JSON lines, each with the time it was written), and the terminal gets one
 * short line per request to a Function:
 *
 *   12:04:31  /profile  200 ok  212 ms  5 Segment calls
 *
 * plus a short line for any error or warning the Functions log. Production logging is untouched:
 * this only replaces the console's methods in the sandbox's own process, while it runs.
 */

/** What a request's log lines told so far: its lookups, and the Segment calls it made. */
interface RequestTally {
  log: FunctionsLog;
  lookups: Array<{ upstreamRequests: number; source: string }>;
  segmentCalls: number;
}

/** One store for every log router in the process: a line is routed by the one whose request logged it. */
const requests = new AsyncLocalStorage<RequestTally>();

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error'] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
type Level = 'info' | 'warn' | 'error';
const LEVELS: Record<ConsoleMethod, Level> = { log: 'info', info: 'info', warn: 'warn', error: 'error' };

/** The log lines of one Segment call each (profile lookups, and the Unify check's calls). */
const SEGMENT_CALL_MESSAGES = new Set(['segment_profile_api', 'unify_check_call']);

type Entry = Record<string, unknown>;

export interface FunctionsLogOptions {
  /** Appended to; created if missing. */
  file: string;
  /** The terminal's clock; tests pass a fixed one. */
  now?: () => Date;
}

export interface FunctionsLog {
  file: string;
  /** startFunctions' requestScope: the lines logged while `next` handles a request are that request's. */
  requestScope(next: () => void): void;
  /** Gives the console back (as far as nothing wrapped it since) and closes the file. */
  close(): Promise<void>;
}

/** A log line the Functions wrote: one string holding a JSON object. Anything else is left alone. */
function entryOf(args: unknown[]): Entry | undefined {
  if (args.length !== 1 || typeof args[0] !== 'string' || !args[0].startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args[0]);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Entry) : undefined;
  } catch {
    return undefined;
  }
}

/** serverless/src/http/outcome-log.ts: the one line each request ends with. */
function isOutcome(entry: Entry): entry is Entry & { path: string; status: number; code: string; ms: number } {
  return (
    entry.at === 'unified-profiles' &&
    typeof entry.path === 'string' &&
    typeof entry.status === 'number' &&
    typeof entry.code === 'string' &&
    typeof entry.ms === 'number'
  );
}

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (time: Date) => `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
const calls = (count: number) => `${count} Segment call${count === 1 ? '' : 's'}`;

/** `12:04:31  /profile  200 ok  212 ms  5 Segment calls`: what one request did, in one line. */
export function requestLine(
  time: Date,
  outcome: { path: string; status: number; code: string; ms: number; error?: unknown },
  tally?: Pick<RequestTally, 'lookups' | 'segmentCalls'>,
): string {
  const parts = [clock(time), outcome.path, `${outcome.status} ${outcome.code}`, `${outcome.ms} ms`];
  if (tally && tally.lookups.length > 0) {
    // The lookup's own count (serverless/src/profile/upstream-log.ts): a lookup that joined another's calls none.
    const upstream = tally.lookups.reduce((sum, lookup) => sum + lookup.upstreamRequests, 0);
    const sources = [...new Set(tally.lookups.map((lookup) => lookup.source))].filter(
      (source) => source === 'cache' || source === 'shared',
    );
    parts.push(`${calls(upstream)}${sources.length > 0 ? ` (${sources.join(', ')})` : ''}`);
  } else if (tally && tally.segmentCalls > 0) {
    parts.push(calls(tally.segmentCalls));
  }
  if (typeof outcome.error === 'string') parts.push(outcome.error);
  return parts.join('  ');
}

/** `12:04:31  warn  saved_settings_unavailable code=timeout`: a warning or error that is not a request's outcome. */
export function problemLine(time: Date, level: Level, entry: Entry): string {
  const fields = Object.entries(entry)
    .filter(([name]) => name !== 'at' && name !== 'msg')
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const text = [typeof entry.msg === 'string' ? entry.msg : '', ...fields].filter(Boolean).join(' ');
  return `${clock(time)}  ${level}  ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`;
}

/**
 * Routes the JSON lines the Functions log (in this process) to `file`, and prints the short lines
 * with the console methods it found: a test that mocks console.log before the sandbox starts gets
 * the short lines, never the JSON ones. Lines that are not a JSON object pass through unchanged.
 */
export function routeFunctionsLog(options: FunctionsLogOptions): FunctionsLog {
  const now = options.now ?? (() => new Date());
  const file: WriteStream = createWriteStream(options.file, { flags: 'a' });
  const original = Object.fromEntries(CONSOLE_METHODS.map((method) => [method, console[method]])) as Record<
    ConsoleMethod,
    (...args: unknown[]) => void
  >;
  const print = (method: ConsoleMethod, line: string) => original[method].call(console, line);
  let active = true;
  let fileFailed = false;
  file.on('error', (error: NodeJS.ErrnoException) => {
    if (fileFailed) return;
    fileFailed = true;
    print('error', `The Functions' log could not be written to ${options.file} (${error.code ?? error.message}).`);
  });

  const log: FunctionsLog = {
    file: options.file,
    requestScope(next) {
      requests.run({ log, lookups: [], segmentCalls: 0 }, next);
    },
    async close() {
      if (!active) return;
      active = false;
      for (const method of CONSOLE_METHODS) if (console[method] === patched[method]) console[method] = original[method];
      await new Promise<void>((resolve) => file.end(() => resolve()));
    },
  };

  const route = (level: Level, entry: Entry, tally: RequestTally | undefined) => {
    const time = now();
    if (!fileFailed) file.write(`${JSON.stringify({ time: time.toISOString(), level, ...entry })}\n`);
    if (isOutcome(entry)) {
      const line = requestLine(time, entry, tally);
      print(entry.status >= 500 ? 'error' : 'log', line);
      return;
    }
    if (tally && entry.msg === 'profile_lookup') {
      tally.lookups.push({
        upstreamRequests: typeof entry.upstreamRequests === 'number' ? entry.upstreamRequests : 0,
        source: typeof entry.source === 'string' ? entry.source : 'none',
      });
    } else if (tally && typeof entry.msg === 'string' && SEGMENT_CALL_MESSAGES.has(entry.msg)) {
      tally.segmentCalls += 1;
    }
    if (level !== 'info') print(level, problemLine(time, level, entry));
  };

  const patched = Object.fromEntries(
    CONSOLE_METHODS.map((method) => [
      method,
      (...args: unknown[]) => {
        const tally = requests.getStore();
        const entry = active && (!tally || tally.log === log) ? entryOf(args) : undefined;
        if (entry) route(LEVELS[method], entry, tally);
        else original[method].apply(console, args);
      },
    ]),
  ) as Record<ConsoleMethod, (...args: unknown[]) => void>;
  for (const method of CONSOLE_METHODS) console[method] = patched[method];
  return log;
}
