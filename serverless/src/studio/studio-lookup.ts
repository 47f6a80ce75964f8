import { LRUCache } from 'lru-cache';

import { ApiError } from '../http/api-error';
import { assembleProfile, traitsOf } from '../profile/assemble-profile';
import type { IdentifierCandidate } from '../profile/identity';
import type { ProfileApiClient } from '../profile/profile-api-client';
import type { SegmentTraitsPage } from '../profile/segment-shapes';
import { getProfileService, type SegmentProfileService } from '../profile/service';
import { withSettingDefaults, type SegmentSettings } from '../profile/settings';
import type { TraitValue } from '../profile/types';
import { UpstreamBudget } from '../profile/upstream-budget';
import { HIGHLIGHTED_TRAITS, NAME_TRAITS, type StudioMatch } from './studio-answer';
import type { StudioMissReason } from './studio-contract';

export interface StudioLookupOptions {
  /** Time the calls to Segment may take, retries and back-off included. */
  upstreamBudgetMs?: number;
  /** Wall-clock time after which the lookup answers "degraded" whatever is under way (queueing included). */
  deadlineMs?: number;
  cacheTtlMs?: number;
  missTtlMs?: number;
  maxEntries?: number;
  logger?: (entry: StudioLookupLogEntry) => void;
}

export type StudioLookupOutcome = { found: true; match: StudioMatch } | { found: false; reason: StudioMissReason };

/** One line per lookup; no identifier or trait. */
export interface StudioLookupLogEntry {
  outcome: 'found' | StudioMissReason;
  source: 'cache' | 'shared' | 'segment' | 'none';
  candidates: number;
  upstreamRequests: number;
  ms: number;
}

const consoleLogger = (entry: StudioLookupLogEntry) => console.log(JSON.stringify({ msg: 'studio_lookup', ...entry }));

/** A flow waits on the lookup synchronously: a caller hears silence for at most 3 s, Function included. */
const DEFAULTS = {
  upstreamBudgetMs: 2_400,
  deadlineMs: 2_700,
  cacheTtlMs: 60_000,
  missTtlMs: 10_000,
  maxEntries: 2_000,
};

/** Every trait a flow's answer is made of, asked by name: one small page whatever the profile holds. */
const TRAITS_ASKED = [...NAME_TRAITS, ...HIGHLIGHTED_TRAITS];

interface Flight {
  outcome: Promise<StudioLookupOutcome>;
  budget: UpstreamBudget;
}

function reasonOf(error: unknown): StudioMissReason {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'rate_limited' || code === 'segment_auth_failed') return code;
  // Segment refused the identifier itself: no profile can be found by it.
  if (code === 'invalid_identifier') return 'not_found';
  return 'segment_unavailable';
}

/**
 * The lookup behind /studio-profile, for one space: only what a flow reads, in one parallel round
 * (for each identifier, its named traits and its audiences), within a deadline, cached per instance.
 * It goes through the space's Profile API client, so it shares the space's pacing with /profile.
 */
export class StudioProfileLookup {
  private readonly config: typeof DEFAULTS;
  private readonly matches: LRUCache<string, StudioMatch>;
  private readonly misses: LRUCache<string, true>;
  private readonly inFlight = new Map<string, Flight>();
  private readonly log: (entry: StudioLookupLogEntry) => void;

  constructor(
    private readonly client: Pick<ProfileApiClient, 'get'>,
    options: StudioLookupOptions = {},
  ) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'number'));
    this.config = { ...DEFAULTS, ...given };
    this.matches = new LRUCache({ max: this.config.maxEntries, ttl: this.config.cacheTtlMs });
    this.misses = new LRUCache({ max: this.config.maxEntries, ttl: this.config.missTtlMs });
    this.log = options.logger ?? consoleLogger;
  }

  async find(candidates: IdentifierCandidate[]): Promise<StudioLookupOutcome> {
    const started = Date.now();
    const done = (outcome: StudioLookupOutcome, source: StudioLookupLogEntry['source'], requests = 0) => {
      this.log({
        outcome: outcome.found ? 'found' : outcome.reason,
        source,
        candidates: candidates.length,
        upstreamRequests: requests,
        ms: Date.now() - started,
      });
      return outcome;
    };
    if (candidates.length === 0) return done({ found: false, reason: 'no_identifier' }, 'none');
    const open = candidates.filter((candidate) => !this.misses.has(candidate.key));
    if (open.length === 0) return done({ found: false, reason: 'not_found' }, 'cache');
    const cached = this.matches.get(open[0].key);
    if (cached) return done({ found: true, match: cached }, 'cache');

    const key = open.map((candidate) => candidate.key).join('|');
    let flight = this.inFlight.get(key);
    const source = flight ? 'shared' : 'segment';
    if (!flight) {
      const budget = new UpstreamBudget(this.config.upstreamBudgetMs);
      flight = { budget, outcome: this.fetch(open, budget).finally(() => this.inFlight.delete(key)) };
      this.inFlight.set(key, flight);
    }
    const outcome = await withDeadline(flight.outcome, Math.max(0, this.config.deadlineMs - (Date.now() - started)));
    // Past the deadline the flight goes on, bounded by its budget, and whatever it finds is cached.
    return done(outcome ?? { found: false, reason: 'segment_unavailable' }, source, flight.budget.requests);
  }

  /** Drops what this instance remembers of an identifier (`type:value`) and of the profile it found. */
  forget(key: string): void {
    const segmentId = this.matches.get(key)?.segmentId;
    this.matches.delete(key);
    this.misses.delete(key);
    if (!segmentId) return;
    for (const [other, match] of this.matches.entries()) if (match.segmentId === segmentId) this.matches.delete(other);
  }

  /** One round: every identifier's two calls at once; the best identifier with a profile wins. */
  private async fetch(candidates: IdentifierCandidate[], budget: UpstreamBudget): Promise<StudioLookupOutcome> {
    const rounds = candidates.map((candidate) =>
      Promise.all([this.namedTraits(candidate, budget), this.audiences(candidate, budget)]),
    );
    rounds.forEach((round) => round.catch(() => undefined)); // each is awaited below only if it matters
    try {
      for (const [index, round] of rounds.entries()) {
        const [named, audiences] = await round; // a better identifier that failed fails the lookup
        const candidate = candidates[index];
        if (!named) {
          this.misses.set(candidate.key, true);
          continue;
        }
        const match = matchOf(candidate, named, audiences);
        this.matches.set(candidate.key, match);
        return { found: true, match };
      }
      return { found: false, reason: 'not_found' };
    } catch (error) {
      budget.abandon(); // the lookup has failed: its other calls need not go on
      return { found: false, reason: reasonOf(error) };
    }
  }

  private traitsPath(candidate: IdentifierCandidate): string {
    return `collections/users/profiles/${candidate.pathId}/traits`;
  }

  private namedTraits(candidate: IdentifierCandidate, budget: UpstreamBudget) {
    return this.client.get<SegmentTraitsPage>(
      {
        route: 'traits',
        path: this.traitsPath(candidate),
        query: { include: TRAITS_ASKED.join(','), limit: TRAITS_ASKED.length },
      },
      budget,
    );
  }

  private audiences(candidate: IdentifierCandidate, budget: UpstreamBudget) {
    return this.client.get<SegmentTraitsPage>(
      { route: 'traits', path: this.traitsPath(candidate), query: { class: 'audience', limit: 200 } },
      budget,
    );
  }
}

function matchOf(
  candidate: IdentifierCandidate,
  named: SegmentTraitsPage,
  audiencePage: SegmentTraitsPage | null,
): StudioMatch {
  const audienceTraits = traitsOf(audiencePage);
  // The profile as the Customer tab would assemble it, from these two pages: its use_ id and name.
  const profile = assembleProfile({
    matched: candidate,
    traits: { ...traitsOf(named), ...audienceTraits },
    computedTraitNames: new Set(),
    audienceNames: new Set(Object.keys(audienceTraits)),
    externalIds: null,
    metadata: null,
    events: null,
    linkedAccounts: [],
    cursors: [named.cursor, audiencePage?.cursor],
  });
  const all = traitsOf(named) as Record<string, TraitValue>;
  const traits = Object.fromEntries(
    HIGHLIGHTED_TRAITS.filter((name) => all[name] !== undefined && all[name] !== null).map((name) => [name, all[name]]),
  );
  const byAddress = candidate.type === 'email' || candidate.type === 'phone' ? candidate.value : null;
  return {
    type: candidate.type,
    value: candidate.value,
    segmentId: profile.segmentId || null,
    displayName: profile.displayName ?? byAddress,
    traits,
    audiences: Object.entries(profile.traits.audiences)
      .filter(([, member]) => member)
      .map(([name]) => name)
      .sort(),
  };
}

/** The promise's value, or undefined once `ms` have passed. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One lookup (and cache) per space per process, shared by both Studio Functions' bundles, as the
 * profile services are (profile/service.ts): /studio-traits drops what /studio-profile cached.
 */
const REGISTRY_KEY = Symbol.for('unified-profiles.studio-lookups');
const lookups: LRUCache<string, StudioProfileLookup> = ((
  globalThis as { [REGISTRY_KEY]?: LRUCache<string, StudioProfileLookup> }
)[REGISTRY_KEY] ??= new LRUCache({ max: 8 }));

/** The Profile API client /profile uses for this space: its pacer keeps the space under its rate limit. */
function sharedProfileApiClient(settings: SegmentSettings): Pick<ProfileApiClient, 'get'> {
  const { client } = getProfileService(settings) as Partial<SegmentProfileService>;
  if (!client) throw new Error('The profile service for this space has no Profile API client.');
  return client;
}

export function getStudioLookup(settings: SegmentSettings): StudioProfileLookup {
  const key = JSON.stringify(withSettingDefaults(settings));
  let lookup = lookups.get(key);
  if (!lookup) {
    lookup = new StudioProfileLookup(sharedProfileApiClient(settings));
    lookups.set(key, lookup);
  }
  return lookup;
}
