// The metrics snapshot alert ("Falco internal: metrics snapshot", output "Falco metrics snapshot")
// emitted every metrics.interval when metrics.output_rule is on. Fields vary by version and options:
// everything present is kept.
import { parseFieldTail, parseJsonObject, TEXT_TIME } from './text-fields.js';

export interface MetricsSnapshot {
  time: string | null;
  fields: Record<string, number | string>;
  format: 'json' | 'text';
  /** When it was taken, in ms since the epoch: `evt.time` (ns, both formats carry it), else the JSON
   *  `time`. Text output's own time prefix has no date ("08:01:19.238799437"), so it is not used. */
  timeMs: number | null;
}

function timeMsOf(fields: Record<string, number | string>, time: string | null): number | null {
  const ns = Number(fields['evt.time']);
  if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  const t = time ? Date.parse(time) : NaN;
  return Number.isFinite(t) ? t : null;
}

export const METRICS_RULE = 'Falco internal: metrics snapshot';

export function parseMetricsSnapshot(line: string): MetricsSnapshot | null {
  if (!line.includes('metrics snapshot')) return null;
  const json = parseJsonObject(line);
  if (json) {
    if (json['rule'] !== METRICS_RULE) return null;
    const fields: Record<string, number | string> = {};
    const of = json['output_fields'];
    if (of && typeof of === 'object')
      for (const [k, v] of Object.entries(of as Record<string, unknown>)) if (typeof v === 'number' || typeof v === 'string') fields[k] = v;
    const time = typeof json['time'] === 'string' ? json['time'] : null;
    return { time, fields, format: 'json', timeMs: timeMsOf(fields, time) };
  }
  const at = line.indexOf('Falco metrics snapshot (');
  if (at < 0) return null;
  const fields = parseFieldTail(line.slice(at + 'Falco metrics snapshot ('.length));
  const time = TEXT_TIME.exec(line)?.[1] ?? null;
  return { time, fields, format: 'text', timeMs: timeMsOf(fields, null) };
}
