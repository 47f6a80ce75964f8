import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEMO_CUSTOMERS } from '../demo/customers';
import { problemLine, requestLine, routeFunctionsLog } from './functions-log';
import { startSandbox } from './sandbox';

const customer = (key: string) => DEMO_CUSTOMERS.find((candidate) => candidate.key === key)!;

/** What reached the terminal: console's methods (mocked before the sandbox starts) and the raw streams. */
function captureTerminal() {
  const lines: string[] = [];
  const record = (...args: unknown[]) => void lines.push(...args.map(String).join(' ').split('\n'));
  for (const method of ['log', 'info', 'warn', 'error'] as const)
    jest.spyOn(console, method).mockImplementation(record);
  const writes = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(writes);
  jest.spyOn(process.stderr, 'write').mockImplementation(writes);
  return lines;
}

afterEach(() => jest.restoreAllMocks());

const readLogFile = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const SHORT_PROFILE_LINE = /^\d\d:\d\d:\d\d {2}\/profile {2}200 ok {2}\d+ ms {2}(\d+) Segment calls?( \(cache\))?$/;

describe("npm start's terminal", () => {
  it('gets one short line per lookup and no JSON; SANDBOX_DATA_DIR/functions.log gets the JSON lines', async () => {
    const terminal = captureTerminal();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-functions-log-'));
    const sandbox = await startSandbox({
      SANDBOX_PORT: '0',
      FUNCTIONS_PORT: '0',
      SEGMENT_SIM_PORT: '0',
      SANDBOX_DATA_DIR: dataDir,
    });
    const lookup = async (key: string) => {
      const response = await fetch(`${sandbox.functionsUrl}/profile`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ Token: 'sandbox-agent', identifier: `user_id:${customer(key).userId}` }),
      });
      expect(response.status).toBe(200);
      await response.json();
    };
    let firstCalls = NaN;
    try {
      expect(sandbox.functionsLog).toBe(path.join(dataDir, 'functions.log'));
      const before = terminal.length;
      await lookup('ana');
      const lines = terminal.slice(before);
      expect(lines).toHaveLength(1);
      const fresh = SHORT_PROFILE_LINE.exec(lines[0]);
      expect(fresh).not.toBeNull();
      firstCalls = Number(fresh?.[1]);
      expect(firstCalls).toBeGreaterThan(0);
      expect(fresh?.[2]).toBeUndefined();

      // Two lookups at once, one from the cache: each line counts its own request's Segment calls.
      const during = terminal.length;
      await Promise.all([lookup('ana'), lookup('kenji')]);
      const both = terminal.slice(during);
      expect(both).toHaveLength(2);
      const parsed = both.map((line) => SHORT_PROFILE_LINE.exec(line));
      expect(parsed.every(Boolean)).toBe(true);
      const cached = parsed.filter((match) => match?.[2]);
      expect(cached).toHaveLength(1);
      expect(cached[0]?.[1]).toBe('0');
      expect(Number(parsed.find((match) => !match?.[2])?.[1])).toBeGreaterThan(0);

      expect(terminal.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    } finally {
      await sandbox.close();
    }

    const entries = await readLogFile(sandbox.functionsLog);
    expect(
      entries.every((entry) => typeof entry.time === 'string' && !Number.isNaN(Date.parse(String(entry.time)))),
    ).toBe(true);
    const lookups = entries.filter((entry) => entry.msg === 'profile_lookup');
    const outcomes = entries.filter((entry) => entry.at === 'unified-profiles' && entry.path === '/profile');
    expect(lookups).toHaveLength(3);
    expect(outcomes).toHaveLength(3);
    expect(lookups[0].upstreamRequests).toBe(firstCalls);
    expect(entries.filter((entry) => entry.msg === 'segment_profile_api').length).toBeGreaterThan(0);
  }, 60_000);
});

describe('routeFunctionsLog', () => {
  const at = new Date(2024, 0, 2, 12, 4, 31);

  it('keeps errors in the terminal in short form, passes other lines through, and gives the console back', async () => {
    const terminal: Array<[string, string]> = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line) => void terminal.push(['log', String(line)]));
    const warn = jest.spyOn(console, 'warn').mockImplementation((line) => void terminal.push(['warn', String(line)]));
    const error = jest
      .spyOn(console, 'error')
      .mockImplementation((line) => void terminal.push(['error', String(line)]));
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'functions-log-')), 'functions.log');
    const router = routeFunctionsLog({ file, now: () => at });

    router.requestScope(() => {
      console.log(JSON.stringify({ msg: 'unify_check_call', call: 'traits', outcome: 'ok', ms: 3 }));
      console.error(
        JSON.stringify({
          at: 'unified-profiles',
          path: '/unify-check',
          status: 500,
          code: 'internal_error',
          ms: 9,
          error: 'TypeError at x.js:1:2',
        }),
      );
    });
    console.warn(JSON.stringify({ at: 'unified-profiles', msg: 'saved_settings_unavailable', code: 'timeout' }));
    console.log('Segment simulator on http://127.0.0.1:3002');
    console.log('{not json');
    await router.close();

    expect(console.log).toBe(log);
    expect(console.warn).toBe(warn);
    expect(console.error).toBe(error);
    expect(terminal).toEqual([
      ['error', '12:04:31  /unify-check  500 internal_error  9 ms  1 Segment call  TypeError at x.js:1:2'],
      ['warn', '12:04:31  warn  saved_settings_unavailable code=timeout'],
      ['log', 'Segment simulator on http://127.0.0.1:3002'],
      ['log', '{not json'],
    ]);
    const entries = await readLogFile(file);
    expect(entries.map((entry) => [entry.level, entry.msg ?? entry.path])).toEqual([
      ['info', 'unify_check_call'],
      ['error', '/unify-check'],
      ['warn', 'saved_settings_unavailable'],
    ]);
    expect(entries.every((entry) => entry.time === at.toISOString())).toBe(true);
  });

  it('appends: a second session keeps the first one’s lines', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'functions-log-')), 'functions.log');
    for (const path of ['/one', '/two']) {
      const router = routeFunctionsLog({ file, now: () => at });
      console.log(JSON.stringify({ at: 'unified-profiles', path, status: 200, code: 'ok', ms: 1 }));
      await router.close();
    }
    expect((await readLogFile(file)).map((entry) => entry.path)).toEqual(['/one', '/two']);
  });
});

describe('the short lines', () => {
  const at = new Date(2024, 0, 2, 9, 5, 7);

  it('name the lookup’s Segment calls, and whether the cache or a lookup under way answered', () => {
    const outcome = { path: '/profile', status: 200, code: 'ok', ms: 212 };
    expect(requestLine(at, outcome, { lookups: [{ upstreamRequests: 5, source: 'segment' }], segmentCalls: 5 })).toBe(
      '09:05:07  /profile  200 ok  212 ms  5 Segment calls',
    );
    expect(requestLine(at, outcome, { lookups: [{ upstreamRequests: 0, source: 'shared' }], segmentCalls: 0 })).toBe(
      '09:05:07  /profile  200 ok  212 ms  0 Segment calls (shared)',
    );
    expect(requestLine(at, { ...outcome, path: '/unify-config', ms: 3 })).toBe('09:05:07  /unify-config  200 ok  3 ms');
  });

  it('say what a warning held, shortened', () => {
    const line = problemLine(at, 'error', { at: 'unified-profiles', store: 'read', error: 'x'.repeat(300) });
    expect(line.startsWith('09:05:07  error  store=read error=xxx')).toBe(true);
    expect(line.length).toBeLessThan(200);
  });
});
