// What Falco's log says about a stretch of time, read one way for every command: diagnose's context
// and the rollout's windows both take their drop alerts, metrics snapshots and counter increases here,
// so a drop that both the `log` action (stderr) and the alert (stdout) print is one drop everywhere.
import { dedupeDropAlerts, parseDropAlert, type DropAlert } from '../falco/parse/drop-alert.js';
import { parseMetricsSnapshot, type MetricsSnapshot } from '../falco/parse/metrics-snapshot.js';
import { toNumber } from '../falco/parse/text-fields.js';

const TIMEOUTS_RULE = 'Falco internal: timeouts notification';

export interface WindowLog {
  /** one per drop: a `log` line that repeats an alert is left out (dedupeDropAlerts) */
  dropAlerts: DropAlert[];
  metricsSnapshots: MetricsSnapshot[];
  /** "Falco internal: timeouts notification" alerts (process_events.cpp@0.42.1:202) */
  timeoutNotices: number;
}

export function readWindowLog(lines: readonly string[]): WindowLog {
  const drops: DropAlert[] = [];
  const snapshots: MetricsSnapshot[] = [];
  let timeoutNotices = 0;
  for (const line of lines) {
    const d = parseDropAlert(line);
    if (d) drops.push(d);
    const m = parseMetricsSnapshot(line);
    if (m) snapshots.push(m);
    if (line.includes(TIMEOUTS_RULE)) timeoutNotices += 1;
  }
  return { dropAlerts: dedupeDropAlerts(drops), metricsSnapshots: snapshots, timeoutNotices };
}

/**
 * Increase of a cumulative metrics-snapshot counter over the snapshots that carry it; null with fewer
 * than two. A config reload restarts Falco's inspector and its counters from zero, so a value below the
 * previous one counts whole, as Prometheus' increase() treats a counter reset.
 */
export function counterIncrease(snapshots: readonly MetricsSnapshot[], field: string): number | null {
  const values = snapshots.map((m) => toNumber(m.fields[field])).filter((v): v is number => v !== null);
  if (values.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1] as number;
    const cur = values[i] as number;
    sum += cur >= prev ? cur - prev : cur;
  }
  return sum;
}

/**
 * Drops Falco counted over the snapshots; null when it counted no event over them either (its counters had
 * just restarted with a reload, or the snapshots repeat one reading): standing counters measure nothing.
 */
export function snapshotDrops(snapshots: readonly MetricsSnapshot[]): number | null {
  if (counterIncrease(snapshots, 'scap.n_evts') === 0) return null;
  return counterIncrease(snapshots, 'scap.n_drops');
}
