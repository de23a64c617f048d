// Events Falco dropped during a rollout window, from its own log: diagnose's figure (windowDrops in
// diagnosis/counters.ts) over diagnose's parse of the log (diagnosis/window-log.ts). The rollout reads
// no /metrics: the metrics snapshots in the log are its counters.
import { windowDrops, type DropCount } from '../diagnosis/counters.js';
import { readWindowLog } from '../diagnosis/window-log.js';

export type { DropCount };

export function countDrops(lines: readonly string[]): DropCount {
  return windowDrops({ ...readWindowLog(lines), promStart: null, promEnd: null });
}
