// Which driver Falco runs and how much memory its kernel ring buffers take.
// Sources: userspace/falco/configuration.cpp load_engine_config (engine.kind defaults to kmod when the
// key is missing; buf_size_preset 4 and cpus_for_each_buffer 2 by default), falco.yaml comments
// (preset table; kmod and legacy ebpf: one buffer per online CPU; modern_ebpf: one buffer per
// `cpus_for_each_buffer` CPUs, 0 = one shared buffer; each buffer is mapped twice in virtual memory).
import { getPath } from './config/effective.js';
import type { EffectiveConfig } from './config/types.js';
import { isOn } from './config/yaml-cpp-bool.js';
import { compareVersions } from './version-compare.js';
import { DEFAULT_PRESET, formatBytes, presetBytes } from './presets.js';

export interface RingBufferBudget {
  kind: string;
  preset: number;
  bytesPerBuffer: number;
  buffers: number;
  totalBytes: number;
  cpusForEachBuffer: number | null;
  /** Key path that sets the preset. */
  presetKey: string;
  explanation: string;
}

const DEFAULT_CPUS_FOR_EACH_BUFFER = 2;

const hasEngineBlock = (version: string | null): boolean => version === null || compareVersions(version, '0.37.0') >= 0;

/** configuration.cpp@0.37.1 load_engine_config: m_changes_in_engine_config stays false only for kind
 *  kmod (the default) with engine.kmod.buf_size_preset 4 and drop_failed_exit false, set or not. */
function engineBlockChanged(value: Record<string, unknown>): boolean {
  if (String(getPath(value, 'engine.kind') ?? 'kmod') !== 'kmod') return true;
  const preset = getPath(value, 'engine.kmod.buf_size_preset');
  return (preset !== undefined && preset !== null && Number(preset) !== DEFAULT_PRESET) || isOn(getPath(value, 'engine.kmod.drop_failed_exit'));
}

/**
 * Whether Falco takes its ring-buffer settings from the top-level keys (syscall_buf_size_preset,
 * syscall_drop_failed_exit, modern_bpf.cpus_for_each_syscall_buffer) rather than from engine.<kind>.
 * Before 0.37 they are the only keys; 0.38 removed them. In 0.37.x both exist, and the top-level ones
 * win while the engine block is unchanged: app/actions/load_config.cpp@0.37.1 apply_deprecated_options
 * then copies them into the kmod settings (and into ebpf/modern_ebpf when FALCO_BPF_PROBE or
 * --modern-bpf picks the driver); once the block is changed it warns that they "will be ignored".
 * Without a version, the file's layout says which. The lint's words and the budget both come from here.
 */
export function readsTopLevelBufferKeys(value: Record<string, unknown>, version: string | null): boolean {
  if (version === null) return value['engine'] === undefined;
  if (compareVersions(version, '0.37.0') < 0) return true;
  if (compareVersions(version, '0.38.0') >= 0) return false;
  return !engineBlockChanged(value);
}

/** The key whose value Falco uses as the buffer-size preset of `kind`, for this release. */
export function bufferPresetKey(value: Record<string, unknown>, version: string | null, kind: string): string {
  return readsTopLevelBufferKeys(value, version) ? 'syscall_buf_size_preset' : `engine.${kind}.buf_size_preset`;
}

/**
 * engine.kind, or "kmod" (the code default) when 0.37+ has no kind. Before 0.37 the driver was picked
 * on the command line (--modern-bpf, FALCO_BPF_PROBE), not in falco.yaml: null.
 */
export function engineKind(cfg: EffectiveConfig, version: string | null): string | null {
  const kind = getPath(cfg.value, 'engine.kind');
  if (typeof kind === 'string' && kind !== '') return kind;
  if (version !== null && !hasEngineBlock(version)) return null;
  if (version === null && getPath(cfg.value, 'engine') === undefined) return null;
  return 'kmod';
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * Ring-buffer memory for the engine in use; null for kinds without a kernel ring buffer (replay,
 * gvisor, nodriver). `kindHint` (e.g. from the startup log) names the driver of pre-0.37 setups.
 */
export function ringBufferBudget(cfg: EffectiveConfig, onlineCpus: number, version: string | null, kindHint?: string): RingBufferBudget | null {
  const configured = engineKind(cfg, version);
  const kind = configured ?? kindHint ?? 'kmod';
  if (kind !== 'kmod' && kind !== 'ebpf' && kind !== 'modern_ebpf') return null;
  const legacy = readsTopLevelBufferKeys(cfg.value, version);
  const presetKey = bufferPresetKey(cfg.value, version, kind);
  const preset = num(getPath(cfg.value, presetKey)) ?? DEFAULT_PRESET;
  const bytesPerBuffer = presetBytes(preset) ?? 0;

  let cpusForEachBuffer: number | null = null;
  let buffers = Math.max(1, onlineCpus);
  if (kind === 'modern_ebpf') {
    const cpusKey = legacy ? 'modern_bpf.cpus_for_each_syscall_buffer' : 'engine.modern_ebpf.cpus_for_each_buffer';
    cpusForEachBuffer = num(getPath(cfg.value, cpusKey)) ?? DEFAULT_CPUS_FOR_EACH_BUFFER;
    // above the online CPUs Falco clamps it to them (configure_syscall_buffer_num.cpp@0.42.1): one buffer
    if (cpusForEachBuffer > Math.max(1, onlineCpus)) cpusForEachBuffer = Math.max(1, onlineCpus);
    buffers = cpusForEachBuffer <= 0 ? 1 : Math.ceil(Math.max(1, onlineCpus) / cpusForEachBuffer);
  }
  const totalBytes = bytesPerBuffer * buffers;
  const assumed = configured === null ? ` (driver ${kindHint ? 'from the hint' : 'assumed kmod'}: before 0.37 it is chosen on the command line)` : '';
  const layout =
    kind === 'modern_ebpf'
      ? cpusForEachBuffer === 0
        ? 'one buffer shared by all CPUs (cpus_for_each_buffer: 0)'
        : `one buffer every ${cpusForEachBuffer} CPU(s) over ${onlineCpus} online CPU(s)`
      : `one buffer per online CPU (${onlineCpus})`;
  const explanation =
    bytesPerBuffer === 0
      ? `${presetKey} = ${preset} is not a valid preset (1..10; 0 is reserved).`
      : `${kind}${assumed}: ${presetKey} = ${preset} -> ${formatBytes(bytesPerBuffer)} per buffer; ${layout} -> ${buffers} buffer(s), ` +
        `${formatBytes(totalBytes)} in total (each buffer is mapped twice, so ${formatBytes(2 * totalBytes)} of virtual memory).`;
  return { kind, preset, bytesPerBuffer, buffers, totalBytes, cpusForEachBuffer, presetKey, explanation };
}
