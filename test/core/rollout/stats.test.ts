import { describe, expect, it } from 'vitest';
import { bootstrapDifference, bootstrapStatistic, quantile, reservoirAdd, statistic } from '../../../src/core/rollout/stats.js';
import { seededRng } from '../../../src/core/rollout/rng.js';
import { noisy } from './helpers.js';

describe('statistics', () => {
  it('quantiles interpolate linearly between ranks (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.99)).toBe(10);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(statistic([5, 1, 3], 'p50')).toBe(3);
    expect(statistic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'p95')).toBeCloseTo(9.55);
  });

  it('the bootstrap is reproducible with the same seed and brackets a known shift', () => {
    const before = noisy(400, 10, 1, 1);
    const after = noisy(400, 12, 1, 2);
    const a = bootstrapDifference(before, after, 'p50', { resamples: 500, confidence: 0.95, rng: seededRng(7) });
    const b = bootstrapDifference(before, after, 'p50', { resamples: 500, confidence: 0.95, rng: seededRng(7) });
    expect(a).toEqual(b);
    expect(a!.lo).toBeLessThan(2);
    expect(a!.hi).toBeGreaterThan(2);
    expect(a!.hi - a!.lo).toBeLessThan(0.6);
  });

  it('more noise gives a wider interval', () => {
    const narrow = bootstrapStatistic(noisy(200, 5, 0.1, 3), 'p95', { resamples: 400, confidence: 0.95, rng: seededRng(1) })!;
    const wide = bootstrapStatistic(noisy(200, 5, 3, 3), 'p95', { resamples: 400, confidence: 0.95, rng: seededRng(1) })!;
    expect(wide.hi - wide.lo).toBeGreaterThan(10 * (narrow.hi - narrow.lo));
  });

  it('needs two samples on each side', () => {
    expect(bootstrapDifference([1], [1, 2], 'mean', { resamples: 10, confidence: 0.9, rng: seededRng(1) })).toBeNull();
  });

  it('the reservoir never holds more than its cap and keeps every value while under it', () => {
    const r: number[] = [];
    const rng = seededRng(3);
    for (let i = 0; i < 10_000; i++) reservoirAdd(r, i, i, 100, rng);
    expect(r).toHaveLength(100);
    // a uniform sample of 0..9999: its mean is near 5000, not near the first values
    expect(statistic(r, 'mean')).toBeGreaterThan(3500);
    const small: number[] = [];
    for (let i = 0; i < 5; i++) reservoirAdd(small, i, i, 100, rng);
    expect(small).toEqual([0, 1, 2, 3, 4]);
  });
});
