// Descriptive statistics and the bootstrap confidence interval of a difference between two windows
// (phase − baseline). Pure; the RNG is passed in so tests and re-runs are reproducible.
import type { Rng } from './rng.js';

export type { Rng } from './rng.js';

export const STATISTICS = ['p50', 'p95', 'p99', 'mean'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** Linear-interpolated quantile (type 7, as numpy and R default). NaN for no data. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

export function statistic(values: readonly number[], stat: Statistic): number {
  if (stat === 'mean') return mean(values);
  const sorted = [...values].sort((x, y) => x - y);
  return quantile(sorted, stat === 'p50' ? 0.5 : stat === 'p95' ? 0.95 : 0.99);
}

export interface Interval {
  /** the statistic of the phase minus that of the baseline, on all samples */
  estimate: number;
  lo: number;
  hi: number;
  confidence: number;
}

export interface BootstrapOptions {
  resamples: number;
  confidence: number;
  rng: Rng;
}

function resample(values: readonly number[], rng: Rng): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[Math.floor(rng() * values.length)] as number;
  return out;
}

/**
 * Percentile bootstrap of stat(after) − stat(before): each window is resampled on its own (the two
 * windows are independent runs), the difference recomputed, and the central `confidence` share of
 * those differences is the interval.
 */
export function bootstrapDifference(before: readonly number[], after: readonly number[], stat: Statistic, opts: BootstrapOptions): Interval | null {
  if (before.length < 2 || after.length < 2) return null;
  const diffs: number[] = [];
  for (let i = 0; i < opts.resamples; i++) diffs.push(statistic(resample(after, opts.rng), stat) - statistic(resample(before, opts.rng), stat));
  diffs.sort((x, y) => x - y);
  const tail = (1 - opts.confidence) / 2;
  return {
    estimate: statistic(after, stat) - statistic(before, stat),
    lo: quantile(diffs, tail),
    hi: quantile(diffs, 1 - tail),
    confidence: opts.confidence,
  };
}

/** Keeps at most `cap` values, each seen value with equal chance (reservoir sampling, algorithm R). */
export function reservoirAdd(reservoir: number[], seen: number, value: number, cap: number, rng: Rng): void {
  if (reservoir.length < cap) {
    reservoir.push(value);
    return;
  }
  const j = Math.floor(rng() * (seen + 1));
  if (j < cap) reservoir[j] = value;
}

/** Percentile bootstrap interval of one window's statistic (for reporting p50/p95/p99 with their CI). */
export function bootstrapStatistic(values: readonly number[], stat: Statistic, opts: BootstrapOptions): Interval | null {
  if (values.length < 2) return null;
  const est: number[] = [];
  for (let i = 0; i < opts.resamples; i++) est.push(statistic(resample(values, opts.rng), stat));
  est.sort((x, y) => x - y);
  const tail = (1 - opts.confidence) / 2;
  return { estimate: statistic(values, stat), lo: quantile(est, tail), hi: quantile(est, 1 - tail), confidence: opts.confidence };
}
