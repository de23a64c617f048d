// What the catalogue knows about one config key, for one release (or for any release).

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
  /** The value the shipped falco.yaml sets. */
  default?: unknown;
  /** The value Falco's code falls back to when the key is absent (configuration.cpp), where known. */
  codeDefault?: unknown;
  /** First release that reads the key. Absent: every release covered. */
  since?: string;
  /** First release that no longer reads it. Absent: the newest release covered still does. */
  until?: string;
  /** Declared by the config schema but never read (e.g. container_engines from 0.41, rule_files). */
  schemaOnly?: boolean;
  deprecatedSince?: string;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
}
