// What the catalogue cannot read from data: ranges and types Falco's code enforces, each from the
// source at the tag named. The catalogue supplies which keys exist, their schema types and defaults.
import type { KeySpec, ValueType } from './spec.js';

type Constraint = Partial<Pick<KeySpec, 'min' | 'max' | 'oneOf' | 'deprecatedSince'>> & { type?: ValueType };

const PRIORITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'info', 'debug'];
const LOG_LEVELS = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];
// userspace/falco/app/actions/configure_syscall_buffer_size.cpp@0.42.1: MIN_INDEX 1, MAX_INDEX 10, fatal outside.
const PRESET: Constraint = { min: 1, max: 10 };

export const CONSTRAINTS: Record<string, Constraint> = {
  syscall_buf_size_preset: PRESET,
  'engine.kmod.buf_size_preset': PRESET,
  'engine.ebpf.buf_size_preset': PRESET,
  'engine.modern_ebpf.buf_size_preset': PRESET,
  // uint16 in configuration.h@0.42.1; configure_syscall_buffer_num.cpp clamps values above the online CPUs.
  'engine.modern_ebpf.cpus_for_each_buffer': { min: 0, max: 65535 },
  'modern_bpf.cpus_for_each_syscall_buffer': { min: 0, max: 65535 },
  // configuration.cpp@0.42.1: "threshold must be a double in the range [0, 1]".
  'syscall_event_drops.threshold': { min: 0, max: 1 },
  'syscall_event_drops.actions': { oneOf: ['ignore', 'log', 'alert', 'exit'] },
  'syscall_event_drops.rate': { min: 0 },
  'syscall_event_drops.max_burst': { min: 0 },
  // configuration.cpp@0.42.1: "the maximum consecutive timeouts without an event must be an unsigned integer > 0".
  'syscall_event_timeouts.max_consecutives': { min: 1 },
  // process_events.cpp@0.42.1 init_stats_writer: a Prometheus duration, at least 100ms.
  'metrics.interval': { type: 'duration' },
  priority: { oneOf: PRIORITIES },
  log_level: { oneOf: LOG_LEVELS },
  'libs_logger.severity': { oneOf: [...LOG_LEVELS, 'trace', 'fatal'] },
  rule_matching: { oneOf: ['first', 'all'] },
  'capture.mode': { oneOf: ['rules', 'all_rules'] },
  'webserver.listen_port': { min: 1, max: 65535 },
  'http_output.max_consecutive_timeouts': { min: 0, max: 255 }, // uint8_t in configuration.cpp@0.42.1
  'outputs_queue.capacity': { min: 0 },
  'falco_libs.thread_table_size': { min: 1 },
  // configuration.cpp@0.43.0 logs a deprecation warning when grpc.enabled is true; 0.44.0 reads no grpc key.
  'grpc.enabled': { deprecatedSince: '0.43.0' },
};
