import { LRUCache } from 'lru-cache';
import { ApiError } from '../http/api-error';
import { assembleProfile, nextCursorOf, toTimelinePage, traitsOf, type FetchedProfile } from './assemble-profile';
import {
  linkedProfileOf,
  normaliseIdentifier,
  parseSearchedIdentifier,
  resolveIdentifiers,
  type IdentifierCandidate,
  type LinkedProfile,
} from './identity';
import { ProfileApiClient, type ProfileApiClientOptions } from './profile-api-client';
import type { CircuitBreakerPolicy } from 'cockatiel';

import { RequestPacer } from './request-pacer';
import { createSegmentBreaker, watchHealth, type SegmentHealth } from './segment-breaker';
import { TraitClassRegistry, type TraitClassSets } from './trait-classes';
import type { ProfileEventsRequest, ProfileRequest } from './schemas';
import type {
  SegmentCursor,
  SegmentEvent,
  SegmentExternalId,
  SegmentLink,
  SegmentList,
  SegmentMetadata,
  SegmentTraitsPage,
} from './segment-shapes';
import { withSettingDefaults, type SegmentSettings } from './settings';
import type { CustomerProfile, LinkedAccount, ProfileEventsResponse, ProfileLookupResponse } from './types';
import { UpstreamBudget } from './upstream-budget';
import { consoleLookupLogger, type LookupLogEntry, type LookupLogger } from './upstream-log';

export interface ProfileService {
  lookup(request: ProfileRequest): Promise<ProfileLookupResponse>;
  nextEvents(request: ProfileEventsRequest): Promise<ProfileEventsResponse>;
  /** Drops what this instance remembers of the task's customer (profile or miss): Segment has news of them. */
  forgetCustomer(taskAttributes: Record<string, unknown>): void;
}

export interface ProfileServiceOptions extends ProfileApiClientOptions {
  lookupLogger?: LookupLogger;
  /** Time a lookup may wait on Segment (not in the pacer's queue), both rounds together. */
  budgetMs?: number;
  cacheTtlMs?: number;
  notFoundTtlMs?: number;
  cacheMaxProfiles?: number;
  maxTraits?: number;
  traitsPageSize?: number;
  eventsPageSize?: number;
  maxLinkedAccounts?: number;
  /** Identifiers of one task probed in one lookup, highest priority first. */
  maxCandidates?: number;
  /** Profiles whose trait classes must be learnt before lookups skip the two class= calls; 0 never skips. */
  traitClassWarmAfter?: number;
  traitClassTtlMs?: number;
}

export interface ProfileServiceStats {
  lookups: number;
  cacheHits: number;
  /** Lookups that joined another one already under way for the same customer. */
  sharedLookups: number;
  /** HTTP requests sent to Segment, retries included. */
  upstreamRequests: number;
}

/** How long a lookup that skipped the class= calls waits for lookups under way to teach them. */
const LESSON_WAIT_MS = 1_000;

interface LookupTrace {
  source: LookupLogEntry['source'];
  candidates: number;
  linked: boolean;
  /** The agent asked for a refresh: skip the cache. */
  fresh?: boolean;
  budget?: UpstreamBudget;
}

const DEFAULTS = {
  budgetMs: 8_000,
  cacheTtlMs: 60_000,
  notFoundTtlMs: 10_000,
  cacheMaxProfiles: 2_000,
  maxTraits: 1_000,
  traitsPageSize: 200,
  eventsPageSize: 20,
  maxLinkedAccounts: 5,
  maxCandidates: 4,
  traitClassWarmAfter: 3,
  traitClassTtlMs: 10 * 60_000,
};

const noProfile = (types: string[]) =>
  new ApiError(
    404,
    'profile_not_found',
    `No Segment profile matches this customer (looked up by ${types.join(', ')}).`,
  );

const linkedProfileGone = () =>
  new ApiError(
    404,
    'profile_not_found',
    'The profile linked to this task no longer exists in Segment (deleted or merged); search for the customer instead.',
  );

/** Lookups against one space, with a per-instance cache and single-flight. */
export class SegmentProfileService implements ProfileService {
  readonly client: ProfileApiClient;
  private readonly settings: SegmentSettings;
  private readonly config: typeof DEFAULTS;
  private readonly profiles: LRUCache<string, CustomerProfile>;
  /** Normalised identifier (type:value) → key of the cached profile: two tasks of one customer share it. */
  private readonly byIdentifier: LRUCache<string, string>;
  private readonly misses: LRUCache<string, true>;
  /** Linked accounts' traits by group_id. */
  private readonly accounts: LRUCache<string, LinkedAccount>;
  private readonly traitClasses: TraitClassRegistry;
  private readonly inFlight = new Map<string, Promise<CustomerProfile>>();
  private readonly counters = { lookups: 0, cacheHits: 0, sharedLookups: 0 };
  private readonly lookupLogger: LookupLogger;

  constructor(settings: SegmentSettings, options: ProfileServiceOptions = {}) {
    this.settings = withSettingDefaults(settings);
    this.config = { ...DEFAULTS, ...pick(definedOnly(options), Object.keys(DEFAULTS)) };
    this.client = new ProfileApiClient(this.settings, options);
    this.lookupLogger = options.lookupLogger ?? consoleLookupLogger;
    const ttl = this.config.cacheTtlMs;
    this.profiles = new LRUCache({ max: this.config.cacheMaxProfiles, ttl });
    this.byIdentifier = new LRUCache({ max: this.config.cacheMaxProfiles * 4, ttl });
    this.misses = new LRUCache({ max: this.config.cacheMaxProfiles, ttl: this.config.notFoundTtlMs });
    this.accounts = new LRUCache({ max: this.config.cacheMaxProfiles, ttl });
    this.traitClasses = new TraitClassRegistry({
      ttlMs: this.config.traitClassTtlMs,
      warmAfterProfiles: this.config.traitClassWarmAfter,
    });
  }

  stats(): ProfileServiceStats {
    return { ...this.counters, upstreamRequests: this.client.requestsSent };
  }

  async lookup(request: ProfileRequest): Promise<ProfileLookupResponse> {
    const started = Date.now();
    const trace: LookupTrace = { source: 'none', candidates: 0, linked: false };
    const log = (outcome: string) =>
      this.lookupLogger({
        outcome,
        source: trace.source,
        candidates: trace.candidates,
        linked: trace.linked,
        upstreamRequests: trace.budget?.requests ?? 0,
        ms: Date.now() - started,
      });
    try {
      const profile = await this.findProfile(request, trace);
      log('ok');
      return { profile };
    } catch (error) {
      log(error instanceof ApiError ? error.code : 'internal_error');
      throw error;
    }
  }

  private async findProfile(request: ProfileRequest, trace: LookupTrace): Promise<CustomerProfile> {
    this.counters.lookups += 1;
    trace.fresh = request.refresh === true;
    // A typed search is what the agent asked for: it alone is looked up, not the task's customer.
    if (request.identifier)
      return this.findByCandidates([parseSearchedIdentifier(request.identifier, this.settings)], trace);
    const attributes = request.taskAttributes ?? {};
    // A profile linked to the task is looked up alone: no other identifier of the task is probed.
    // A malformed link reads as no link (linkedProfileOf), so the attributes resolve as they always did.
    const linked = linkedProfileOf(attributes, this.settings);
    if (linked) return this.findLinked(linked, trace);
    return this.findByCandidates(resolveIdentifiers(attributes, this.settings), trace);
  }

  /** The linked profile, reported as matched by the link's identifier and carrying the link. */
  private async findLinked(linked: LinkedProfile, trace: LookupTrace): Promise<CustomerProfile> {
    trace.linked = true;
    const { candidate, link } = linked;
    try {
      const profile = await this.findByCandidates([candidate], trace);
      return { ...profile, matchedIdentifier: { type: candidate.type, value: candidate.value }, link };
    } catch (error) {
      // Whether this lookup, a remembered miss or a shared flight found nothing: the link is stale.
      if (error instanceof ApiError && error.code === 'profile_not_found') throw linkedProfileGone();
      throw error;
    }
  }

  private async findByCandidates(candidates: IdentifierCandidate[], trace: LookupTrace): Promise<CustomerProfile> {
    trace.candidates = candidates.length;
    if (candidates.length === 0) {
      throw new ApiError(
        404,
        'profile_not_found',
        'The task carries no customer identifier (phone, email or user id); search by identifier instead.',
      );
    }
    // An agent's refresh asks Segment again: neither a cached profile nor a remembered miss answers it.
    // At most maxCandidates (4): the top one costs 5–7 calls, each other one a traits probe, so a lookup
    // stays near 10 calls of the space's 100 a second however many identifier fields a task carries.
    const open = (trace.fresh ? candidates : candidates.filter((candidate) => !this.misses.has(candidate.key))).slice(
      0,
      this.config.maxCandidates,
    );
    trace.source = 'cache';
    if (open.length === 0) throw noProfile(candidates.map((candidate) => candidate.type));
    const cached = trace.fresh ? undefined : this.cachedProfile(open[0]);
    if (cached) {
      this.counters.cacheHits += 1;
      return cached;
    }
    const flightKey = open.map((candidate) => candidate.key).join('|');
    let flight = this.inFlight.get(flightKey);
    if (flight) {
      this.counters.sharedLookups += 1;
      trace.source = 'shared';
    } else {
      trace.source = 'segment';
      trace.budget = new UpstreamBudget(this.config.budgetMs);
      const withClasses = !this.traitClasses.canSkipClassCalls();
      const budget = trace.budget;
      flight = this.fetchProfile(open, budget, withClasses)
        .catch((error: unknown) => {
          budget.abandon(); // the lookup has failed: its other calls need not go on
          throw error;
        })
        .finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
      if (withClasses) this.traitClasses.track(flight);
    }
    return flight;
  }

  async nextEvents(request: ProfileEventsRequest): Promise<ProfileEventsResponse> {
    // The schema checks this too; the id goes into the path, so the service does not rely on it.
    if (!/^use_[A-Za-z0-9]{1,64}$/.test(request.segmentId)) {
      throw new ApiError(
        400,
        'invalid_identifier',
        'segmentId must be a Segment profile id: use_ followed by letters and digits.',
      );
    }
    const budget = new UpstreamBudget(this.config.budgetMs);
    const types = (request.types ?? []).map((type) => type.trim()).filter(Boolean);
    const page = await this.client.get<SegmentList<SegmentEvent>>(
      {
        route: 'events',
        path: `collections/users/profiles/${request.segmentId}/events`,
        query: {
          limit: this.config.eventsPageSize,
          next: request.next,
          include: types.length ? types.join(',') : undefined,
        },
      },
      budget,
    );
    if (!page) throw new ApiError(404, 'profile_not_found', 'That profile no longer exists in Segment.');
    return { timeline: toTimelinePage(page) };
  }

  forgetCustomer(taskAttributes: Record<string, unknown>): void {
    const linked = linkedProfileOf(taskAttributes, this.settings);
    let candidates: IdentifierCandidate[] = linked ? [linked.candidate] : [];
    try {
      candidates = [...candidates, ...resolveIdentifiers(taskAttributes, this.settings)];
    } catch {
      // Only malformed identifiers: nothing of them is remembered.
    }
    for (const { key } of candidates) {
      this.misses.delete(key);
      const profileKey = this.byIdentifier.get(key);
      if (profileKey) this.profiles.delete(profileKey);
    }
  }

  private cachedProfile(candidate: IdentifierCandidate): CustomerProfile | undefined {
    const profileKey = this.byIdentifier.get(candidate.key);
    const profile = profileKey ? this.profiles.get(profileKey) : undefined;
    return profile && { ...profile, matchedIdentifier: { type: candidate.type, value: candidate.value } };
  }

  private remember(profile: CustomerProfile, matched: IdentifierCandidate): void {
    const profileKey = profile.segmentId || matched.key;
    this.profiles.set(profileKey, profile);
    // matched.key is the use_ id for a lookup by it: a link's identifier is indexed only if the
    // profile still lists it (below), never just because a link named it.
    this.byIdentifier.set(matched.key, profileKey);
    // Its use_ id finds it too: a task linked to a profile found a moment ago by search needs no call.
    if (profile.segmentId) this.byIdentifier.set(profile.segmentId, profileKey);
    for (const identifier of profile.identifiers) {
      if (!this.settings.identifierPriority.includes(identifier.type)) continue;
      try {
        const known = normaliseIdentifier(identifier.type, identifier.value, 'identifier', this.settings);
        this.byIdentifier.set(known.key, profileKey);
      } catch {
        // An identifier Segment holds but we could not look up by: nothing to index.
      }
    }
  }

  private profilePath(candidate: IdentifierCandidate, resource: string): string {
    return `collections/users/profiles/${candidate.pathId}/${resource}`;
  }

  private traitsPage(candidate: IdentifierCandidate, budget: UpstreamBudget, query: Record<string, string> = {}) {
    return this.client.get<SegmentTraitsPage>(
      {
        route: 'traits',
        path: this.profilePath(candidate, 'traits'),
        query: { limit: this.config.traitsPageSize, ...query },
      },
      budget,
    );
  }

  private classPages(candidate: IdentifierCandidate, budget: UpstreamBudget) {
    return Promise.all([
      this.traitsPage(candidate, budget, { class: 'computed_trait' }),
      this.traitsPage(candidate, budget, { class: 'audience' }),
    ]);
  }

  /** Everything but the first traits page, for a candidate believed to have a profile. */
  private async detailsOf(candidate: IdentifierCandidate, budget: UpstreamBudget, withClasses: boolean) {
    const get = <T>(route: 'external_ids' | 'metadata' | 'events' | 'links', query?: Record<string, number>) =>
      this.client.get<T>({ route, path: this.profilePath(candidate, route), query }, budget);
    const [classes, externalIds, metadata, events, links] = await Promise.all([
      withClasses ? this.classPages(candidate, budget) : undefined,
      get<SegmentList<SegmentExternalId>>('external_ids', { limit: 100 }),
      get<SegmentMetadata>('metadata'),
      get<SegmentList<SegmentEvent>>('events', { limit: this.config.eventsPageSize }),
      get<SegmentList<SegmentLink>>('links', { limit: 20 }),
    ]);
    return { classes, externalIds, metadata, events, links };
  }

  /** Trait classes as the API says: learnt from its class= answers, asked again only for names not yet learnt. */
  private async classesOf(
    candidate: IdentifierCandidate,
    traitNames: string[],
    pages: Array<SegmentTraitsPage | null> | undefined,
    budget: UpstreamBudget,
  ): Promise<TraitClassSets & { cursors: Array<SegmentCursor | undefined> }> {
    if (!pages) {
      let known = this.traitClasses.classify(traitNames);
      if (!known) {
        await this.traitClasses.lessonsUnderWay(LESSON_WAIT_MS);
        known = this.traitClasses.classify(traitNames);
      }
      if (known) return { ...known, cursors: [] };
      pages = await this.classPages(candidate, budget);
    }
    const [computed, audiences] = pages;
    const sets = {
      computed: new Set(Object.keys(traitsOf(computed))),
      audiences: new Set(Object.keys(traitsOf(audiences))),
    };
    this.traitClasses.learn(traitNames, sets);
    return { ...sets, cursors: [computed?.cursor, audiences?.cursor] };
  }

  /**
   * One parallel round in the common case: every call for the top candidate, and a traits probe
   * for each other candidate. Only when the top candidate has no profile does a second round
   * fetch the details of the best candidate that has one.
   */
  private async fetchProfile(
    candidates: IdentifierCandidate[],
    budget: UpstreamBudget,
    withClasses: boolean,
  ): Promise<CustomerProfile> {
    const topDetails = this.detailsOf(candidates[0], budget, withClasses);
    topDetails.catch(() => undefined); // awaited below only if the top candidate matches
    const probes = candidates.map((candidate) => this.traitsPage(candidate, budget));
    probes.forEach((probe) => probe.catch(() => undefined)); // each is awaited below only if it matters
    let winnerIndex = -1;
    let firstPage: SegmentTraitsPage | null = null;
    for (let index = 0; index < probes.length && winnerIndex === -1; index += 1) {
      firstPage = await probes[index]; // a higher-priority candidate that failed fails the lookup
      if (firstPage) winnerIndex = index;
      else this.misses.set(candidates[index].key, true);
    }
    if (winnerIndex === -1 || !firstPage) throw noProfile(candidates.map((candidate) => candidate.type));
    const winner = candidates[winnerIndex];
    // Round two: the rest of the traits and the linked accounts' traits, both known after round one.
    const detailsReady = winnerIndex === 0 ? topDetails : this.detailsOf(winner, budget, withClasses);
    // When round one skipped the class= pages, they come in round two if the classes of this profile's
    // traits may not all be learnt (a name not seen before, or a page not seen yet), never in a third.
    const firstPageNames = Object.keys(traitsOf(firstPage));
    const classesMayBeUnknown = Boolean(nextCursorOf(firstPage.cursor)) || !this.traitClasses.classify(firstPageNames);
    const [details, traits, linkedAccounts, classPages] = await Promise.all([
      detailsReady,
      this.remainingTraits(winner, firstPage, budget),
      detailsReady.then((known) => this.linkedAccounts(known.links, budget)),
      detailsReady.then(
        (known) => known.classes ?? (classesMayBeUnknown ? this.classPages(winner, budget) : undefined),
      ),
    ]);
    // Usually no call: the class pages came in round one or two, or the classes are learnt.
    const classes = await this.classesOf(winner, Object.keys(traits), classPages ?? details.classes, budget);
    const fetched: FetchedProfile = {
      matched: winner,
      traits,
      computedTraitNames: classes.computed,
      audienceNames: classes.audiences,
      externalIds: details.externalIds,
      metadata: details.metadata,
      events: details.events,
      linkedAccounts,
      cursors: [firstPage.cursor, ...classes.cursors],
    };
    const profile = assembleProfile(fetched);
    this.remember(profile, winner);
    return profile;
  }

  /** Follows traits' cursor (sending `next` back, never its url) up to the configured cap. */
  private async remainingTraits(candidate: IdentifierCandidate, firstPage: SegmentTraitsPage, budget: UpstreamBudget) {
    const traits: Record<string, unknown> = { ...traitsOf(firstPage) };
    let cursor = nextCursorOf(firstPage.cursor);
    const seen = new Set<string>();
    while (cursor && !seen.has(cursor) && Object.keys(traits).length < this.config.maxTraits) {
      seen.add(cursor);
      const page = await this.traitsPage(candidate, budget, { next: cursor });
      Object.assign(traits, traitsOf(page));
      cursor = nextCursorOf(page?.cursor);
    }
    return traits;
  }

  private async linkedAccounts(
    links: SegmentList<SegmentLink> | null,
    budget: UpstreamBudget,
  ): Promise<LinkedAccount[]> {
    const groupIds = (Array.isArray(links?.data) ? links!.data : [])
      .filter((link) => (link.to_collection ?? 'accounts') === 'accounts')
      .flatMap((link) => link.external_ids ?? [])
      .filter((id) => id.type === 'group_id' && typeof id.id === 'string' && id.id !== '')
      .map((id) => id.id as string);
    const unique = [...new Set(groupIds)].slice(0, this.config.maxLinkedAccounts);
    return Promise.all(
      unique.map(async (groupId) => {
        // Many customers share an account: its traits are cached like a profile.
        const cached = this.accounts.get(groupId);
        if (cached) return cached;
        const page = await this.client.get<SegmentTraitsPage>(
          {
            route: 'account_traits',
            path: `collections/accounts/profiles/group_id:${encodeURIComponent(groupId)}/traits`,
            query: { limit: this.config.traitsPageSize },
          },
          budget,
        );
        const account = { id: groupId, traits: traitsOf(page) as LinkedAccount['traits'] };
        if (page) this.accounts.set(groupId, account);
        return account;
      }),
    );
  }
}

function pick<T extends object>(options: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => keys.includes(key))) as Partial<T>;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function createProfileService(
  settings: SegmentSettings,
  options?: ProfileServiceOptions,
): SegmentProfileService {
  return new SegmentProfileService(settings, options);
}

// One pacer and one circuit breaker per space per process, shared by every service built for it
// (settings may be re-saved).
const MAX_MEMOISED_SERVICES = 8;

interface SpaceGuards {
  pacer: RequestPacer;
  breaker: CircuitBreakerPolicy;
  health: () => SegmentHealth;
}

interface ServiceRegistry {
  spaces: Map<string, SpaceGuards>;
  services: LRUCache<string, SegmentProfileService>;
}

/**
 * One registry per process, not per module: each Function is bundled on its own, and sharing
 * lets every Function of the service pace a space together, see one cache (so /engagement's
 * forgetCustomer reaches the cache /profile reads) and one breaker (so /unify-config can say
 * whether lookups are failing fast).
 */
const REGISTRY_KEY = Symbol.for('unified-profiles.profile-services.v2');
const registry: ServiceRegistry = ((globalThis as { [REGISTRY_KEY]?: ServiceRegistry })[REGISTRY_KEY] ??= {
  spaces: new Map(),
  services: new LRUCache({ max: MAX_MEMOISED_SERVICES }),
});

function guardsOf(settings: SegmentSettings): SpaceGuards {
  const spaceKey = `${settings.profileApiUrl}|${settings.spaceId}`;
  let guards = registry.spaces.get(spaceKey);
  if (!guards) {
    const breaker = createSegmentBreaker();
    guards = { pacer: new RequestPacer(100), breaker, health: watchHealth(breaker) };
    registry.spaces.set(spaceKey, guards);
  }
  return guards;
}

/** The service for these settings, kept between invocations of a warm Function so cache and pacer survive. */
export function getProfileService(settings: SegmentSettings): ProfileService {
  const complete = withSettingDefaults(settings);
  const key = JSON.stringify(complete);
  let service = registry.services.get(key);
  if (!service) {
    const { pacer, breaker } = guardsOf(complete);
    service = createProfileService(complete, { pacer, breaker });
    registry.services.set(key, service);
  }
  return service;
}

/** Whether this instance's lookups of the space are failing fast (its breaker is open), and since when. */
export function segmentHealthOf(settings: SegmentSettings): SegmentHealth {
  return guardsOf(withSettingDefaults(settings)).health();
}
