// What one measurement window holds: the series the criteria compare, kept as bounded reservoirs so a
// 24 h window stays a small state file, plus exact counters (samples seen, drops) that need no sampling.
import { z } from 'zod';
import { reservoirAdd } from './stats.js';
import type { Rng } from './rng.js';

export const SERIES = ['latencyMs', 'connectMs', 'cpuPercent', 'memMb', 'ioBytesPerSec', 'falcoCpuPercent'] as const;
export type SeriesId = (typeof SERIES)[number];

const Series = z.object({ values: z.array(z.number()), seen: z.number().int().nonnegative() });

export const WindowSchema = z.object({
  /** ms since epoch */
  startedAt: z.number(),
  /** when the window is due to end (startedAt + its length) */
  endsAt: z.number(),
  /** last time samples were added: a resumed window knows how long it was interrupted */
  updatedAt: z.number(),
  series: z.record(z.enum(SERIES), Series),
  /** latency probes that failed (timeout, refused, non-2xx): counted, never averaged in */
  probeFailures: z.number().int().nonnegative(),
  /** events Falco dropped during the window; null = nothing reports drops (no metrics, no drop alerts) */
  drops: z.number().nullable(),
  dropsSource: z.string().nullable(),
  /** a few points per series for the chart, in time order (t, value) */
  trend: z.array(z.object({ t: z.number(), latencyMs: z.number().nullable(), cpuPercent: z.number().nullable() })),
});
export type MeasureWindow = z.infer<typeof WindowSchema>;

export function emptyWindow(startedAt: number, lengthMs: number): MeasureWindow {
  const empty = () => ({ values: [] as number[], seen: 0 });
  const series: MeasureWindow['series'] = {
    latencyMs: empty(),
    connectMs: empty(),
    cpuPercent: empty(),
    memMb: empty(),
    ioBytesPerSec: empty(),
    falcoCpuPercent: empty(),
  };
  return { startedAt, endsAt: startedAt + lengthMs, updatedAt: startedAt, series, probeFailures: 0, drops: null, dropsSource: null, trend: [] };
}

export function values(w: MeasureWindow, s: SeriesId): number[] {
  return w.series[s].values;
}

/** Adds one value to a series in place (the window is owned by the one measuring process). */
export function addValue(w: MeasureWindow, s: SeriesId, v: number, keep: number, rng: Rng): void {
  const series = w.series[s];
  reservoirAdd(series.values, series.seen, v, keep, rng);
  series.seen += 1;
}

const TREND_POINTS = 120;

/** Keeps the trend bounded: when full, every other point goes (the chart needs the shape, not every point). */
export function addTrend(w: MeasureWindow, point: MeasureWindow['trend'][number]): void {
  w.trend.push(point);
  if (w.trend.length > TREND_POINTS) w.trend = w.trend.filter((_, i) => i % 2 === 0);
}
