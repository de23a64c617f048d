// Counters that Falco exposes cumulatively (Prometheus /metrics, metrics snapshots): the increase over
// the window is end − start. Null when the counter is not available, so a check cannot fire on nothing.
import { promValue } from '../falco/parse/prometheus.js';
import type { DiagnosisContext } from './context.js';
import { counterIncrease, snapshotDrops, type WindowLog } from './window-log.js';

/** What the counters are read from: the window's /metrics readings and the log's metrics snapshots. */
type CounterSources = Pick<DiagnosisContext, 'promStart' | 'promEnd' | 'metricsSnapshots'>;

/**
 * Increase of a /metrics counter between the window's two readings. A lower second reading means Falco
 * restarted its counters (a reload opens a new inspector): what it counted since is the increase, as
 * Prometheus's increase() takes it, not a negative clamped to 0.
 */
export function promDelta(ctx: Pick<CounterSources, 'promStart' | 'promEnd'>, name: string, labels?: Record<string, string>): number | null {
  if (!ctx.promStart || !ctx.promEnd) return null;
  const a = promValue(ctx.promStart, name, labels);
  const b = promValue(ctx.promEnd, name, labels);
  if (a === null || b === null) return null;
  return b >= a ? b - a : b;
}

/** Increase of a numeric metrics-snapshot field over the snapshots in the logs (a reload's reset counted). */
export function snapshotDelta(ctx: Pick<CounterSources, 'metricsSnapshots'>, field: string): number | null {
  return counterIncrease(ctx.metricsSnapshots, field);
}

export function snapshotSpanSeconds(ctx: DiagnosisContext): number | null {
  const times = ctx.metricsSnapshots.map((m) => m.timeMs).filter((t): t is number => t !== null);
  if (times.length < 2) return null;
  return (Math.max(...times) - Math.min(...times)) / 1000;
}

/**
 * Drops counted by Falco over the window: /metrics if read at both ends, else metrics snapshots in the log.
 * Not measured (null) when Falco counted no event over that span: right after a reload its counters start
 * again from zero while the probe loads, and their standing still is no proof of "no drops" (on real Falco
 * 0.42.1 a fix was "verified: drops 59,062 → 0" that way, and the next diagnosis found 38,231 in 15 s).
 */
export function droppedInWindow(ctx: CounterSources): number | null {
  const events = promDelta(ctx, 'falcosecurity_scap_n_evts_total');
  const drops = events === 0 ? null : promDelta(ctx, 'falcosecurity_scap_n_drops_total');
  return drops ?? (events === null ? snapshotDrops(ctx.metricsSnapshots) : null);
}

/** Kernel events over the same span (n_evts includes the drops, event_drops.cpp@0.44.1:100). */
export function eventsInWindow(ctx: CounterSources): number | null {
  return promDelta(ctx, 'falcosecurity_scap_n_evts_total') ?? snapshotDelta(ctx, 'scap.n_evts');
}

export function countedSeconds(ctx: DiagnosisContext): number | null {
  if (ctx.promStart && ctx.promEnd) return ctx.windowSeconds;
  return snapshotSpanSeconds(ctx);
}

/**
 * Falco's drop counter was read over a span: /metrics at both ends of the window, or two metrics
 * snapshots carrying scap.n_drops. One snapshot, or /metrics without the counter, measures nothing.
 */
export function dropCountersReadable(ctx: DiagnosisContext): boolean {
  return droppedInWindow(ctx) !== null;
}

export interface DropCount {
  drops: number | null;
  /** where the figure comes from, for the operator; null when not measured */
  source: string | null;
}

/**
 * The window's drops as one figure, the same for diagnose's canary and the rollout's windows: Falco's
 * counters (droppedInWindow), else the n_drops of the drop alerts summed (each says how many events its
 * second lost; rate-limited, so a lower bound), else not measured. A quiet log is no zero: Falco alerts
 * only above syscall_event_drops.threshold of a second's events, at most once per 30 s, and its log
 * action writes at debug level (event_drops.cpp@0.44.1).
 */
export function windowDrops(ctx: CounterSources & Pick<WindowLog, 'dropAlerts'>): DropCount {
  const counted = droppedInWindow(ctx);
  if (counted !== null) {
    const from = ctx.promStart && ctx.promEnd && promDelta(ctx, 'falcosecurity_scap_n_drops_total') !== null;
    return {
      drops: counted,
      source: from ? 'falcosecurity_scap_n_drops_total of /metrics' : `scap.n_drops of the metrics snapshots (${ctx.metricsSnapshots.length})`,
    };
  }
  const alerts = ctx.dropAlerts;
  if (alerts.length > 0) return { drops: alerts.reduce((s, a) => s + a.nDrops, 0), source: `drop alerts (${alerts.length}, rate-limited: at least this many)` };
  return { drops: null, source: null };
}
