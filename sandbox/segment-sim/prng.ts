/** mulberry32: a tiny deterministic generator, so a seed always yields the same data set. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The data set's default seed: `SEGMENT_SIM_SEED` or the `seed` option picks another. */
export const DEFAULT_SEED = 1;

/** Folds the data set's seed into a per-record seed; the default seed leaves it unchanged. */
export function withSeed(seed: number, recordSeed: number): number {
  return (recordSeed + Math.imul(seed - DEFAULT_SEED, 0x9e3779b1)) >>> 0;
}
