// Events Falco dropped during a rollout window, from its own log, read as diagnose reads it
// (diagnosis/window-log.ts): the increase of scap.n_drops over the metrics snapshots (every drop,
// diagnose's drops.counted), else the n_drops of the drop alerts, one per drop (rate-limited, so a
// lower bound), else zero when drop actions would have logged one, else unknown.
import { counterIncrease, readWindowLog } from '../diagnosis/window-log.js';

export interface DropCount {
  drops: number | null;
  source: string | null;
}

export function countDrops(lines: readonly string[], dropActionsLog: boolean): DropCount {
  const { dropAlerts, metricsSnapshots } = readWindowLog(lines);
  const counted = counterIncrease(metricsSnapshots, 'scap.n_drops');
  if (counted !== null) return { drops: counted, source: `scap.n_drops of the metrics snapshots (${metricsSnapshots.length})` };
  if (dropAlerts.length > 0)
    return { drops: dropAlerts.reduce((s, a) => s + a.nDrops, 0), source: `drop alerts (${dropAlerts.length}, rate-limited: at least this many)` };
  if (dropActionsLog) return { drops: 0, source: 'no drop alert logged (syscall_event_drops.actions log/alert)' };
  return { drops: null, source: null };
}
