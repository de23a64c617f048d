// What a window measured, for people and for --json: latency p50/p95/p99 with bootstrap confidence
// intervals, means of CPU, memory and block I/O, drops, and how much of the window was covered.
import { seedFrom, seededRng } from './rng.js';
import { bootstrapStatistic, mean, type Interval } from './stats.js';
import { values, type MeasureWindow } from './window.js';

export interface WindowSummary {
  startedAt: string;
  endsAt: string;
  samples: { latency: number; stats: number; probeFailures: number };
  latencyMs: { p50: Interval | null; p95: Interval | null; p99: Interval | null };
  connectMsP50: Interval | null;
  cpuPercent: number | null;
  falcoCpuPercent: number | null;
  memMb: number | null;
  ioBytesPerSec: number | null;
  drops: number | null;
  dropsSource: string | null;
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

export function summarizeWindow(w: MeasureWindow, opts: { resamples: number; confidence: number }): WindowSummary {
  const lat = values(w, 'latencyMs');
  const ci = (vals: number[], stat: 'p50' | 'p95' | 'p99') => bootstrapStatistic(vals, stat, { ...opts, rng: seededRng(seedFrom(vals)) });
  return {
    startedAt: new Date(w.startedAt).toISOString(),
    endsAt: new Date(w.endsAt).toISOString(),
    samples: { latency: w.series.latencyMs.seen, stats: w.series.cpuPercent.seen, probeFailures: w.probeFailures },
    latencyMs: { p50: ci(lat, 'p50'), p95: ci(lat, 'p95'), p99: ci(lat, 'p99') },
    connectMsP50: ci(values(w, 'connectMs'), 'p50'),
    cpuPercent: orNull(mean(values(w, 'cpuPercent'))),
    falcoCpuPercent: orNull(mean(values(w, 'falcoCpuPercent'))),
    memMb: orNull(mean(values(w, 'memMb'))),
    ioBytesPerSec: orNull(mean(values(w, 'ioBytesPerSec'))),
    drops: w.drops,
    dropsSource: w.dropsSource,
  };
}

export function formatInterval(i: Interval | null, unit = 'ms'): string {
  if (!i) return '–';
  return `${i.estimate.toFixed(2)} ${unit} [${i.lo.toFixed(2)}–${i.hi.toFixed(2)}]`;
}
