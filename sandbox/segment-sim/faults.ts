/** A forced outcome for one request, in the order tests queue them. */
export type ForcedFault = 429 | 500 | 502 | 503 | 504 | 'drop' | 'malformed' | 'truncated' | 'slow';

export interface FaultSettings {
  /** Added before every answer. */
  latencyMs: number;
  /** Up to this much more, at random. */
  jitterMs: number;
  /** Share of requests answered with each status, 0..1. */
  errorRates: Partial<Record<'429' | '500' | '502' | '503' | '504', number>>;
  /** Share of requests whose connection is destroyed without an answer. */
  dropRate: number;
  /** Bodies trickle out over this long. */
  slowBodyMs: number;
  /** Share of answers whose body is not valid JSON. */
  malformedJsonRate: number;
  /** Share of answers cut off mid-body (the connection closes before Content-Length is reached). */
  truncatedPageRate: number;
  /** Sent as Retry-After on injected 429s; unset sends none. */
  retryAfterSeconds?: number;
  /** Faults apply only to paths containing this (e.g. "/events"); empty applies to every Segment route. */
  pathFilter: string;
  /** Deterministic: the next matching requests get these, one each, before any rate applies. */
  next: ForcedFault[];
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  errorRates: {},
  dropRate: 0,
  slowBodyMs: 0,
  malformedJsonRate: 0,
  truncatedPageRate: 0,
  pathFilter: '',
  next: [],
};

/** The fault to apply to one request, if any: the queue first, then the configured rates. */
export function chooseFault(settings: FaultSettings, path: string, random = Math.random): ForcedFault | undefined {
  if (settings.pathFilter && !path.includes(settings.pathFilter)) return undefined;
  const queued = settings.next.shift();
  if (queued !== undefined) return queued;
  if (random() < settings.dropRate) return 'drop';
  for (const [status, rate] of Object.entries(settings.errorRates)) {
    if (rate && random() < rate) return Number(status) as ForcedFault;
  }
  if (random() < settings.malformedJsonRate) return 'malformed';
  if (random() < settings.truncatedPageRate) return 'truncated';
  return settings.slowBodyMs > 0 ? 'slow' : undefined;
}

const FORCED_NAMES = ['drop', 'malformed', 'truncated', 'slow'];

/** `503,503,drop` → [503, 503, 'drop']; unknown entries are ignored. */
function parseQueue(text: string): ForcedFault[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry): ForcedFault[] => {
      if (/^(429|50[0234])$/.test(entry)) return [Number(entry) as ForcedFault];
      return FORCED_NAMES.includes(entry) ? [entry as ForcedFault] : [];
    });
}

const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));

/** Fault knobs from SEGMENT_SIM_* variables (documented in docs/segment-simulator.md). */
export function faultsFromEnv(env: Record<string, string | undefined>): Partial<FaultSettings> {
  const errorRates = Object.fromEntries(
    (env.SEGMENT_SIM_ERROR_RATES ?? '')
      .split(',')
      .map((pair) => pair.split(':').map((part) => part.trim()))
      .filter(([status, rate]) => /^(429|50[0234])$/.test(status) && !Number.isNaN(Number(rate)))
      .map(([status, rate]) => [status, Number(rate)]),
  );
  const settings: Partial<FaultSettings> = {
    latencyMs: number(env.SEGMENT_SIM_LATENCY_MS),
    jitterMs: number(env.SEGMENT_SIM_JITTER_MS),
    errorRates,
    dropRate: number(env.SEGMENT_SIM_DROP_RATE),
    slowBodyMs: number(env.SEGMENT_SIM_SLOW_BODY_MS),
    malformedJsonRate: number(env.SEGMENT_SIM_MALFORMED_RATE),
    truncatedPageRate: number(env.SEGMENT_SIM_TRUNCATED_RATE),
    retryAfterSeconds: number(env.SEGMENT_SIM_RETRY_AFTER_SECONDS),
    pathFilter: env.SEGMENT_SIM_FAULT_PATH || undefined,
    next: env.SEGMENT_SIM_NEXT ? parseQueue(env.SEGMENT_SIM_NEXT) : undefined,
  };
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as Partial<FaultSettings>;
}
