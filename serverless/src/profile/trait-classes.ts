import { LRUCache } from 'lru-cache';

export type TraitClass = 'computed' | 'audience' | 'custom';

export interface TraitClassSets {
  computed: ReadonlySet<string>;
  audiences: ReadonlySet<string>;
}

/**
 * Which trait names a space computes or uses for audiences, learnt from the API's own
 * `class=computed_trait` / `class=audience` answers. A trait's class is defined for the whole
 * space, so once a few profiles have taught the names, later lookups can skip those two calls
 * (5 upstream calls instead of 7) and ask again only when a profile shows a name not yet learnt.
 */
export class TraitClassRegistry {
  private readonly classes: LRUCache<string, TraitClass>;
  private readonly lessons: LRUCache<number, true>;
  private lessonCount = 0;

  constructor(
    private readonly options: { ttlMs: number; warmAfterProfiles: number; maxNames?: number } = {
      ttlMs: 10 * 60_000,
      warmAfterProfiles: 3,
    },
  ) {
    this.classes = new LRUCache({ max: options.maxNames ?? 10_000, ttl: options.ttlMs });
    this.lessons = new LRUCache({ max: Math.max(1, options.warmAfterProfiles), ttl: options.ttlMs });
  }

  /** Records the classes of every trait of one profile, as the API reported them. */
  learn(traitNames: Iterable<string>, sets: TraitClassSets): void {
    for (const name of traitNames) {
      this.classes.set(name, sets.audiences.has(name) ? 'audience' : sets.computed.has(name) ? 'computed' : 'custom');
    }
    this.lessons.set((this.lessonCount += 1), true);
  }

  /** Lookups under way that make the class= calls and will teach their answers. */
  private readonly learning = new Set<Promise<unknown>>();

  /** Enough recent profiles taught us to bet that the next one needs no class calls. */
  isWarm(): boolean {
    return this.options.warmAfterProfiles > 0 && this.lessons.size >= this.options.warmAfterProfiles;
  }

  /**
   * Whether a lookup starting now may leave out the class= calls: the registry is warm, or enough
   * lookups already under way will teach it (a burst then pays for the class calls only once).
   */
  canSkipClassCalls(): boolean {
    const warmAfter = this.options.warmAfterProfiles;
    return warmAfter > 0 && this.lessons.size + this.learning.size >= warmAfter;
  }

  /** Registers a lookup that makes the class= calls. */
  track(lesson: Promise<unknown>): void {
    this.learning.add(lesson);
    const forget = () => this.learning.delete(lesson);
    lesson.then(forget, forget);
  }

  /** Waits (at most `maxWaitMs`) for the lookups under way to teach what they learn. */
  async lessonsUnderWay(maxWaitMs: number): Promise<void> {
    if (this.learning.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
    await Promise.race([Promise.allSettled([...this.learning]), timeout]);
    clearTimeout(timer);
  }

  /** The class sets for these names, or null if any name has not been learnt. */
  classify(traitNames: Iterable<string>): TraitClassSets | null {
    const computed = new Set<string>();
    const audiences = new Set<string>();
    for (const name of traitNames) {
      const known = this.classes.get(name);
      if (!known) return null;
      if (known === 'computed') computed.add(name);
      if (known === 'audience') audiences.add(name);
    }
    return { computed, audiences };
  }
}
