// A small seeded PRNG (mulberry32): the bootstrap must be reproducible in tests and in a re-run of
// `rollout status` over the same persisted samples, so the same numbers never give two verdicts.
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed derived from the data itself, so a verdict is a function of the samples alone. */
export function seedFrom(values: readonly number[]): number {
  let h = 2166136261;
  for (const v of values) h = Math.imul(h ^ Math.round(v * 1000), 16777619);
  return h >>> 0;
}
