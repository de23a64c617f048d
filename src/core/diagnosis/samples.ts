// Reductions of the stats samples taken over the window.
import type { StatsSample } from '../snapshot.js';

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function max(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : Math.max(...xs);
}

/** CPU % per sample; the first sample of a window has no predecessor and reports 0, so skip it. */
export function cpuSeries(samples: readonly StatsSample[]): number[] {
  return samples.slice(1).map((s) => s.cpuPercent);
}

/** Share of CFS periods in the window in which the container was throttled, 0..1. */
export function throttledRatio(samples: readonly StatsSample[]): number | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last === first) return null;
  const periods = last.periods - first.periods;
  // No CFS periods elapsed: the container has no quota, so it cannot have been throttled.
  if (periods <= 0) return 0;
  return (last.throttledPeriods - first.throttledPeriods) / periods;
}

export function throttledSeconds(samples: readonly StatsSample[]): number | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last === first) return null;
  return (last.throttledTimeNs - first.throttledTimeNs) / 1e9;
}
