import type { Collection, ExternalId, Profile } from './model';
import { DEFAULT_SEED } from './prng';
import { crowdIdentifiers, crowdIndexOf, generateCrowdAccount, generateCrowdProfile } from './crowd';
import { fixedProfiles } from './demo-data';

const CROWD_CACHE_SIZE = 5000;

/**
 * Every profile of the simulated space. Hand-made and written-to profiles live in a map;
 * the generated crowd is derived from its index on demand, so 100,000 customers start instantly.
 */
export class ProfileStore {
  private readonly profiles = new Map<string, Profile>();
  /** `collection|type:value` → segment id, for profiles held in the map. */
  private readonly index = new Map<string, string>();
  private readonly crowdCache = new Map<string, Profile>();
  /** Profiles merged into another: a generated one must not be derived again. */
  private readonly retired = new Set<string>();

  constructor(
    readonly crowdSize: number,
    readonly now: number,
    readonly seed = DEFAULT_SEED,
    /** Whether profiles carry the optional Total outbounds computed trait (`total_outbounds`). */
    readonly totalOutbounds = false,
  ) {
    for (const profile of fixedProfiles(now, seed, totalOutbounds)) this.put(profile);
  }

  /** A profile by `type:value` (or a `use_…` segment id), or undefined. */
  find(collection: Collection, type: string, value: string): Profile | undefined {
    if (type === 'segment_id') {
      const held = this.profiles.get(value);
      if (held) return held.collection === collection ? held : undefined;
      const generated = this.crowdProfile(collection, type, value);
      return generated?.segmentId === value ? generated : undefined;
    }
    const segmentId = this.index.get(`${collection}|${type}:${value}`);
    if (segmentId) return this.profiles.get(segmentId);
    const generated = this.crowdProfile(collection, type, value);
    const matches = generated?.externalIds.some((id) => id.type === type && id.id === value);
    return matches ? generated : undefined;
  }

  get(segmentId: string): Profile | undefined {
    return (
      this.profiles.get(segmentId) ??
      this.crowdProfile(segmentId.startsWith('use_acc') ? 'accounts' : 'users', 'segment_id', segmentId)
    );
  }

  /** Holds a profile in the map (a crowd member written to is copied in first, and stays). */
  put(profile: Profile): void {
    this.profiles.set(profile.segmentId, profile);
    this.retired.delete(profile.segmentId);
    this.crowdCache.delete(profile.segmentId);
    for (const id of profile.externalIds)
      this.index.set(`${profile.collection}|${id.type}:${id.id}`, profile.segmentId);
  }

  remove(segmentId: string): void {
    this.retired.add(segmentId);
    this.crowdCache.delete(segmentId);
    const profile = this.profiles.get(segmentId);
    if (!profile) return;
    this.profiles.delete(segmentId);
    for (const id of profile.externalIds) this.index.delete(`${profile.collection}|${id.type}:${id.id}`);
  }

  addIdentifier(profile: Profile, id: ExternalId): void {
    profile.externalIds.push(id);
    this.index.set(`${profile.collection}|${id.type}:${id.id}`, profile.segmentId);
  }

  get heldCount(): number {
    return this.profiles.size;
  }

  private crowdProfile(collection: Collection, type: string, value: string): Profile | undefined {
    if (collection === 'accounts') {
      const match = /^(?:grp_sim_(\d+)|use_acc([0-9a-z]{20}))$/.exec(value);
      if (!match || (type !== 'group_id' && type !== 'segment_id')) return undefined;
      const accountIndex = match[1] !== undefined ? Number(match[1]) : parseInt(match[2], 36);
      if (accountIndex * 10 >= this.crowdSize) return undefined;
      return this.cached(`acc:${accountIndex}`, () => generateCrowdAccount(accountIndex, this.now, this.seed));
    }
    const index = crowdIndexOf(type, value);
    if (index === undefined || index < 0 || index >= this.crowdSize) return undefined;
    const segmentId = crowdIdentifiers(index, this.seed).segmentId;
    // Written to (held in the map and indexed there) or merged away: not derived again.
    if (this.profiles.has(segmentId) || this.retired.has(segmentId)) return undefined;
    return this.cached(segmentId, () => generateCrowdProfile(index, this.now, this.seed, this.totalOutbounds));
  }

  private cached(key: string, make: () => Profile): Profile {
    let profile = this.crowdCache.get(key);
    if (!profile) {
      profile = make();
      if (this.crowdCache.size >= CROWD_CACHE_SIZE)
        this.crowdCache.delete(this.crowdCache.keys().next().value as string);
      this.crowdCache.set(key, profile);
    }
    return profile;
  }
}
