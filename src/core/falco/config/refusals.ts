// Configurations Falco refuses to start with: each is a fatal error in Falco's own code (a thrown
// logic_error in configuration.cpp or a run_result::fatal in app/actions), not a warning. They are
// judged on the effective config (all files merged), with code defaults for absent keys, as Falco does.
// Each check names its source file@tag; all of them are present in every release 0.35.0–0.44.1 unless
// the check says otherwise (git grep of each message over the tags).
import { compareVersions } from '../version-compare.js';
import { getPath } from './effective.js';
import type { EffectiveConfig } from './types.js';
import { isOn as on } from './yaml-cpp-bool.js';
import { loadedPlugins } from './plugins.js';
import { falcoIntervalMs, metricsOutputs } from './metrics-outputs.js';
import { bufferPresetKey } from '../engine.js';

export interface Refusal {
  key: string;
  /** What Falco prints, or its gist. */
  message: string;
  source: string;
}

const KINDS_037 = ['kmod', 'ebpf', 'modern_ebpf', 'replay', 'gvisor', 'nodriver'];
const KINDS_044 = ['kmod', 'modern_ebpf', 'replay', 'nodriver'];

function metrics(config: EffectiveConfig, at: (k: string) => unknown, version: string | null, out: Refusal[]): void {
  const outputs = metricsOutputs(config, version);
  if (!outputs.enabled) return;
  const src = 'userspace/falco/app/actions/process_events.cpp@0.42.1 init_stats_writer';
  // the code default is "5000" (configuration.cpp@0.42.1:618), which parses to 0 ms: the 100 ms bound is
  // checked first, so its "numeric value without Prometheus time unit" check never fires
  const absent = at('metrics.interval') === undefined || at('metrics.interval') === null;
  const interval = absent ? '5000' : String(at('metrics.interval'));
  if (falcoIntervalMs(interval) < 100)
    out.push({
      key: 'metrics.interval',
      message: `Metrics interval must have a minimum value of 100ms and reflect a Prometheus compliant time duration format (metrics.interval: ${interval}${absent ? ', the default in code when the key is absent' : ''})`,
      source: src,
    });
  // fatal from 0.36.0; 0.35.x only warns "no snapshot will be collected" (process_events.cpp@0.35.1:433)
  if (version !== null && compareVersions(version, '0.36.0') < 0) return;
  if (!outputs.rule && !outputs.file && !outputs.prometheus)
    out.push({
      key: 'metrics.enabled',
      message:
        version !== null && compareVersions(version, '0.38.1') < 0
          ? 'Metrics are enabled with no output configured. Please enable at least one output channel'
          : "Metrics are enabled with no output configured. Please enable at least one output channel ('metrics.output_rule', 'metrics.output_file' or 'webserver.prometheus_metrics_enabled')",
      source: src,
    });
}

function drops(at: (k: string) => unknown, out: Refusal[]): void {
  const src = 'userspace/falco/configuration.cpp@0.42.1 (syscall_event_drops)';
  const raw = at('syscall_event_drops.actions');
  const actions = Array.isArray(raw) ? raw.map(String) : raw === undefined || raw === null ? [] : [String(raw)];
  let ignore = false;
  for (const a of actions) {
    if (a === 'ignore') ignore = true;
    else if ((a === 'log' || a === 'alert') && ignore)
      out.push({ key: 'syscall_event_drops.actions', message: `syscall event drop action "${a}" does not make sense with the "ignore" action`, source: src });
    else if (!['log', 'alert', 'exit'].includes(a))
      out.push({
        key: 'syscall_event_drops.actions',
        message: `available actions for syscall event drops are "ignore", "log", "alert", and "exit" (got "${a}")`,
        source: src,
      });
  }
  const t = at('syscall_event_drops.threshold');
  if (t !== undefined && t !== null && (Number(t) < 0 || Number(t) > 1))
    out.push({
      key: 'syscall_event_drops.threshold',
      message: `syscall event drops threshold must be a double in the range [0, 1] (got ${String(t)})`,
      source: src,
    });
  const mc = at('syscall_event_timeouts.max_consecutives');
  if (mc !== undefined && mc !== null && Number(mc) === 0)
    out.push({
      key: 'syscall_event_timeouts.max_consecutives',
      message: 'the maximum consecutive timeouts without an event must be an unsigned integer > 0',
      source: 'userspace/falco/configuration.cpp@0.42.1',
    });
}

function engine(config: EffectiveConfig, at: (k: string) => unknown, version: string | null, out: Refusal[]): void {
  if (version !== null && compareVersions(version, '0.37.0') < 0) {
    // before the engine block the driver is chosen on the command line; any of them reads this key
    bufferPreset(config, at, version, 'kmod', out);
    return;
  }
  const src = 'userspace/falco/configuration.cpp@0.42.1 load_engine_config';
  const kind = String(at('engine.kind') ?? 'kmod');
  const valid = version !== null && compareVersions(version, '0.44.0') >= 0 ? KINDS_044 : KINDS_037;
  if (!valid.includes(kind)) {
    out.push({
      key: 'engine.kind',
      message: `engine.kind '${kind}' is not a valid kind.`,
      source: version !== null && compareVersions(version, '0.44.0') >= 0 ? 'userspace/falco/configuration.cpp@0.44.0 load_engine_config' : src,
    });
    return;
  }
  if (kind === 'replay' && !at('engine.replay.capture_file'))
    out.push({ key: 'engine.replay.capture_file', message: "engine.kind is 'replay' but no engine.replay.capture_file specified.", source: src });
  if (kind === 'gvisor' && !at('engine.gvisor.config'))
    out.push({ key: 'engine.gvisor.config', message: "engine.kind is 'gvisor' but no engine.gvisor.config specified.", source: src });
  if (kind === 'kmod' || kind === 'ebpf' || kind === 'modern_ebpf') bufferPreset(config, at, version, kind, out);
}

/** The preset of the driver in use, read from the key the ring-buffer budget reads (bufferPresetKey). */
function bufferPreset(config: EffectiveConfig, at: (k: string) => unknown, version: string | null, kind: string, out: Refusal[]): void {
  const key = bufferPresetKey(config.value, version, kind);
  const preset = at(key);
  if (preset === undefined || preset === null || (Number.isInteger(Number(preset)) && Number(preset) >= 1 && Number(preset) <= 10)) return;
  // configure_syscall_buffer_size.cpp@0.36.2:45 names syscall_buf_size_preset; from 0.37.0 (:39) 'buf_size_preset'
  const before037 = version !== null && compareVersions(version, '0.37.0') < 0;
  out.push({
    key,
    message: `The '${before037 ? 'syscall_buf_size_preset' : 'buf_size_preset'}' value must be between '1' and '10' (got ${String(preset)})`,
    source: `userspace/falco/app/actions/configure_syscall_buffer_size.cpp@${before037 ? '0.36.2' : '0.42.1'}`,
  });
}

// configuration.cpp@0.42.1 load_yaml: an enabled output without its target is a thrown error.
const OUTPUT_TARGETS: [string, string, string][] = [
  ['file_output.enabled', 'file_output.filename', 'file output enabled but no filename in configuration block'],
  ['program_output.enabled', 'program_output.program', 'program output enabled but no program in configuration block'],
  ['http_output.enabled', 'http_output.url', 'http output enabled but no url in configuration block'],
];

export function startupRefusals(config: EffectiveConfig, version: string | null): Refusal[] {
  const at = (k: string): unknown => getPath(config.value, k);
  const out: Refusal[] = [];
  for (const [flag, target, message] of OUTPUT_TARGETS)
    if (on(at(flag)) && (at(target) === undefined || at(target) === null || at(target) === ''))
      out.push({ key: target, message, source: 'userspace/falco/configuration.cpp@0.42.1 load_yaml' });
  metrics(config, at, version, out);
  drops(at, out);
  engine(config, at, version, out);
  for (const name of loadedPlugins(config).unconfigured)
    out.push({
      key: 'load_plugins',
      message: `Cannot load plugin '${name}': plugin config not found for given name`,
      source: 'userspace/falco/configuration.cpp@0.42.1 load_yaml (load_plugins)',
    });
  // configuration.cpp@0.38.0: both keys set is "both 'rules_files' and 'rules_file' keys set"; 0.37 reads rules_file only.
  if ((version === null || compareVersions(version, '0.38.0') >= 0) && at('rules_file') !== undefined && at('rules_files') !== undefined)
    out.push({ key: 'rules_files', message: "both 'rules_files' and 'rules_file' keys set", source: 'userspace/falco/configuration.cpp@0.38.0' });
  return out;
}
