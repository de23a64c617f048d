// Keys that used to exist (renamed or removed) and keys that circulate in tuning guides but that no
// Falco release has ever read. `replacement` may contain `<kind>`: the engine kind in use.

export type LegacyKind = 'moved' | 'removed' | 'invented';

export interface LegacyKey {
  path: string;
  kind: LegacyKind;
  replacement: string | null;
  /** Release that started warning about it. */
  deprecatedSince?: string;
  /** First release that ignores it. Absent: still read (with a deprecation warning). */
  until?: string;
  /** Report once for the whole block instead of walking into it. */
  wholeBlock?: boolean;
  why: string;
}

// configuration.cpp@0.37.1 load_engine_config still reads the top-level keys; app/actions/load_config.cpp@0.37.1
// apply_deprecated_options uses them only while the engine block is left at its kmod defaults.
// configuration.cpp@0.38.0 no longer reads them.
const ENGINE_MOVE = 'moved under engine.<kind> in 0.37.0; configuration.cpp stops reading the top-level key in 0.38.0';

export const LEGACY_KEYS: LegacyKey[] = [
  {
    path: 'syscall_buf_size_preset',
    kind: 'moved',
    replacement: 'engine.<kind>.buf_size_preset',
    deprecatedSince: '0.37.0',
    until: '0.38.0',
    why: ENGINE_MOVE,
  },
  {
    path: 'syscall_drop_failed_exit',
    kind: 'moved',
    replacement: 'engine.<kind>.drop_failed_exit',
    deprecatedSince: '0.37.0',
    until: '0.38.0',
    why: ENGINE_MOVE,
  },
  {
    path: 'modern_bpf.cpus_for_each_syscall_buffer',
    kind: 'moved',
    replacement: 'engine.modern_ebpf.cpus_for_each_buffer',
    deprecatedSince: '0.37.0',
    until: '0.38.0',
    why: ENGINE_MOVE,
  },
  // configuration.cpp load_yaml still reads `rules_file` and logs "Using deprecated config key
  // 'rules_file' (singular form)"; having both keys is a fatal error.
  {
    path: 'rules_file',
    kind: 'moved',
    replacement: 'rules_files',
    deprecatedSince: '0.38.0',
    why: 'renamed to rules_files in 0.38.0; still read with a deprecation warning, and setting both is an error',
  },
  // Read by configuration.cpp through 0.36.2, by no release from 0.37.0 (knowledge/falco-code-reads.json).
  {
    path: 'metadata_download',
    kind: 'removed',
    replacement: null,
    until: '0.37.0',
    wholeBlock: true,
    why: 'the Kubernetes metadata client it tuned is gone (configuration.cpp reads it through 0.36.2 only)',
  },
  {
    path: 'outputs',
    kind: 'removed',
    replacement: null,
    until: '0.37.0',
    wholeBlock: true,
    why: 'output rate limiting was removed (configuration.cpp reads outputs.rate and outputs.max_burst through 0.36.2 only)',
  },
  // Read by configuration.cpp 0.39.0–0.40.0; 0.41.0's falco.yaml loads the `container` plugin instead.
  {
    path: 'container_engines',
    kind: 'removed',
    replacement: 'the container plugin (load_plugins: [container], plugins: - name: container)',
    until: '0.41.0',
    wholeBlock: true,
    why: 'container metadata comes from the container plugin from 0.41.0 on (configuration.cpp reads container_engines in 0.39.0–0.40.0 only)',
  },
  // The schema in config_json_schema.h accepts `rule_files`, but configuration.cpp never reads it.
  { path: 'rule_files', kind: 'invented', replacement: 'rules_files', why: 'accepted by the schema but never read by Falco: the key is rules_files' },
  {
    path: 'tune.syscall_buf_size',
    kind: 'invented',
    replacement: 'engine.<kind>.buf_size_preset',
    why: 'Falco sizes the ring buffer with a preset (1 = 1 MB ... 10 = 512 MB), not a byte count',
  },
  { path: 'tune.syscall_drops_threshold', kind: 'invented', replacement: 'syscall_event_drops.threshold', why: 'drop handling lives in syscall_event_drops' },
  {
    path: 'tune.syscall_drops_timeout',
    kind: 'invented',
    replacement: null,
    why: 'Falco has no drop timeout: drops are checked once a second (event_drops.cpp)',
  },
  { path: 'tune.syscall_drops_rate', kind: 'invented', replacement: 'syscall_event_drops.rate', why: 'drop handling lives in syscall_event_drops' },
  { path: 'tune.syscall_drops_max_burst', kind: 'invented', replacement: 'syscall_event_drops.max_burst', why: 'drop handling lives in syscall_event_drops' },
  { path: 'tune', kind: 'invented', replacement: null, why: 'Falco has no `tune:` block' },
  {
    path: 'metrics.collection_interval_seconds',
    kind: 'invented',
    replacement: 'metrics.interval',
    why: 'the interval is metrics.interval, a duration such as 30s, 15m or 1h',
  },
  {
    path: 'log_rotation',
    kind: 'invented',
    replacement: null,
    wholeBlock: true,
    why: 'Falco does not rotate files: rotate file_output.filename with logrotate, or ship events off the host',
  },
  {
    path: 'prometheus_output.enabled',
    kind: 'invented',
    replacement: 'webserver.prometheus_metrics_enabled',
    why: 'Prometheus metrics are served by the webserver at /metrics when webserver.prometheus_metrics_enabled and metrics.enabled are both true',
  },
  {
    path: 'prometheus_output.listen_port',
    kind: 'invented',
    replacement: 'webserver.listen_port',
    why: 'Prometheus is served on the webserver port (8765 by default), not a port of its own',
  },
  {
    path: 'prometheus_output',
    kind: 'invented',
    replacement: 'webserver.prometheus_metrics_enabled',
    why: 'there is no prometheus_output: use the webserver /metrics endpoint',
  },
];
