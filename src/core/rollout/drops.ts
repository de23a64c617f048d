// Events Falco dropped during a rollout window, from its own log, read as diagnose reads it
// (diagnosis/window-log.ts): the increase of scap.n_drops over the metrics snapshots (every drop,
// diagnose's drops.counted), else the n_drops of the drop alerts, one per drop (rate-limited, so a
// lower bound), else unknown. A quiet log is no zero: Falco alerts only above syscall_event_drops.threshold
// of a second's events, at most once per 30 s, and its log action writes at debug level
// (event_drops.cpp@0.44.1).
import { readWindowLog, snapshotDrops } from '../diagnosis/window-log.js';

export interface DropCount {
  drops: number | null;
  source: string | null;
}

export function countDrops(lines: readonly string[]): DropCount {
  const { dropAlerts, metricsSnapshots } = readWindowLog(lines);
  const counted = snapshotDrops(metricsSnapshots);
  if (counted !== null) return { drops: counted, source: `scap.n_drops of the metrics snapshots (${metricsSnapshots.length})` };
  if (dropAlerts.length > 0)
    return { drops: dropAlerts.reduce((s, a) => s + a.nDrops, 0), source: `drop alerts (${dropAlerts.length}, rate-limited: at least this many)` };
  return { drops: null, source: null };
}
