// The metrics snapshot alert ("Falco internal: metrics snapshot", output "Falco metrics snapshot")
// emitted every metrics.interval when metrics.output_rule is on. Fields vary by version and options:
// everything present is kept.
import { parseFieldTail, parseJsonObject, TEXT_TIME } from './text-fields.js';

export interface MetricsSnapshot {
  time: string | null;
  fields: Record<string, number | string>;
  format: 'json' | 'text';
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
    return { time: typeof json['time'] === 'string' ? json['time'] : null, fields, format: 'json' };
  }
  const at = line.indexOf('Falco metrics snapshot (');
  if (at < 0) return null;
  return { time: TEXT_TIME.exec(line)?.[1] ?? null, fields: parseFieldTail(line.slice(at + 'Falco metrics snapshot ('.length)), format: 'text' };
}
