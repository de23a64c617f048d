import { MAX_PRESET, MIN_PRESET, presetBytes } from '../../presets.js';

/** The preset whose buffer is exactly `bytes` long (4194304 -> 3), or null when none is. */
export function presetFromBytes(bytes: number): number | null {
  for (let p = MIN_PRESET; p <= MAX_PRESET; p++) if (presetBytes(p) === bytes) return p;
  return null;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/**
 * metrics.interval as milliseconds: a Prometheus duration ("30s", "1h30m"), as documented in
 * falco.yaml `metrics.interval`. Null when it does not parse.
 */
export function durationMs(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const re = /(\d+)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
    matched = re.lastIndex;
  }
  return matched === v.length && v.length > 0 ? total : null;
}
