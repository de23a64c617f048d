// Events Falco dropped during a window, from its own log: the cumulative scap.n_drops of the metrics
// snapshots (exact, when there are two or more), else the drop alerts (rate-limited, so a lower bound),
// else zero when drop actions would have logged one, else unknown.
import { parseDropAlert } from '../falco/parse/drop-alert.js';
import { parseMetricsSnapshot } from '../falco/parse/metrics-snapshot.js';

export interface DropCount {
  drops: number | null;
  source: string | null;
}

export function countDrops(lines: readonly string[], dropActionsLog: boolean): DropCount {
  const counters: number[] = [];
  let alerts = 0;
  let alertDrops = 0;
  for (const line of lines) {
    const m = parseMetricsSnapshot(line);
    const n = m?.fields['scap.n_drops'];
    if (typeof n === 'number') counters.push(n);
    else if (typeof n === 'string' && Number.isFinite(Number(n))) counters.push(Number(n));
    const a = parseDropAlert(line);
    if (a) {
      alerts += 1;
      alertDrops += a.nDrops;
    }
  }
  // a reload restarts the counter: add up the increases, never a negative step
  if (counters.length >= 2) {
    let sum = 0;
    for (let i = 1; i < counters.length; i++) sum += Math.max(0, (counters[i] as number) - (counters[i - 1] as number));
    return { drops: Math.max(sum, alertDrops), source: `metrics snapshots (${counters.length})` };
  }
  if (alerts > 0) return { drops: alertDrops, source: `drop alerts (${alerts}, rate-limited: at least this many)` };
  if (dropActionsLog) return { drops: 0, source: 'no drop alert logged (syscall_event_drops.actions log/alert)' };
  return { drops: null, source: null };
}
