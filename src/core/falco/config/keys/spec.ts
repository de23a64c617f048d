// What the catalogue knows about one config key.

export type ValueType =
  | 'boolean'
  | 'integer'
  | 'number'
  | 'string'
  | 'duration' // metrics.interval: a Prometheus-style duration such as "30s", "15m", "1h"
  | 'string[]'
  | 'sequence' // a list of objects, checked as one leaf
  | 'map' // a free-form map (plugins' init_config, static_fields, ...), not walked
  | 'any';

export interface KeySpec {
  path: string;
  type: ValueType;
  default?: unknown;
  /** First release with the key. Absent: present in every release covered (0.36 on). */
  since?: string;
  /** First release WITHOUT the key. */
  until?: string;
  /** true when since/until come from the shipped falco.yaml of the fixture releases, not a changelog. */
  approx?: boolean;
  deprecatedSince?: string;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
}

export function key(path: string, type: ValueType, def?: unknown, extra: Omit<KeySpec, 'path' | 'type' | 'default'> = {}): KeySpec {
  return def === undefined ? { path, type, ...extra } : { path, type, default: def, ...extra };
}
