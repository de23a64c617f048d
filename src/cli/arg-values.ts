// The values of the flags that take one: durations, thresholds, the node sizes of the Kubernetes budget,
// the sampling window per command. Each bad value is a UserError (exit 2) naming its flag.
import { UserError } from '../core/errors.js';
import type { Command } from './flags.js';

/** "30", "30s", "5m", "1h" → seconds */
export function parseDuration(flag: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UserError(`--${flag}: "${v}" is not a duration`, 'use seconds (30) or a unit: 500ms, 30s, 5m, 1h');
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return n * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as const)[unit as 'ms' | 's' | 'm' | 'h'];
}

/** --threshold NAME=NUMBER, repeatable (diagnose, home, checklist) */
export function parseThresholds(values: readonly string[]): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const t of values) {
    const m = /^([a-z0-9_.-]+)=(-?\d+(?:\.\d+)?)$/.exec(t);
    if (!m) throw new UserError(`--threshold: "${t}" is not NAME=NUMBER`, 'e.g. --threshold memory-pressure.limit_percent=90');
    thresholds[m[1]!] = Number(m[2]);
  }
  return thresholds;
}

export function parseNodeCpus(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  const n = parts.map(Number);
  const bad = parts.find((p, i) => !/^\d+$/.test(p) || (n[i] ?? 0) < 1 || (n[i] ?? 0) > 4096);
  if (bad !== undefined) throw new UserError(`--node-cpus: "${bad}" is not a CPU count`, 'a comma-separated list of whole numbers, e.g. --node-cpus 4,16,64');
  return n;
}

/** --window: the sampling window in seconds. The checklist samples 5 s by default (up to 10 min), the
 *  others 10 s (up to 1 h); the rollout's --window is the phase's window, a duration of days, read by
 *  the rollout (phaseWindow). */
export function sampleWindow(command: Command, raw: string | undefined): number {
  if (command === 'rollout') return 10;
  const [fallback, max] = command === 'checklist' ? ['5', 600] : ['10', 3600];
  const s = parseDuration('window', raw ?? fallback);
  if (s < 2 || s > max) throw new UserError(`--window must be between 2 s and ${max === 600 ? '10 min' : '1 h'}`);
  return s;
}
