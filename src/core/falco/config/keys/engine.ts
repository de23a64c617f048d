import { key, type KeySpec } from './spec.js';

// The `engine` block, from the shipped falco.yaml of 0.38.0 and 0.44.1 (fixtures) and
// userspace/falco/configuration.cpp load_engine_config. It appeared in 0.37.0 (falco-facts.md).
// The legacy `ebpf` probe and `gvisor` were deprecated in 0.43.0 (falcosecurity/falco#3763) and
// dropped in 0.44.0 (falcosecurity/falco-website#1555); 0.44.1's falco.yaml lists kmod, modern_ebpf,
// replay and nodriver.
export const ENGINE_SINCE = '0.37.0';
const GONE = { until: '0.44.0', deprecatedSince: '0.43.0' } as const;

export type EngineKind = 'kmod' | 'ebpf' | 'modern_ebpf' | 'replay' | 'gvisor' | 'nodriver';
export const ALL_ENGINE_KINDS: readonly EngineKind[] = ['kmod', 'ebpf', 'modern_ebpf', 'replay', 'gvisor', 'nodriver'];

export const ENGINE_KIND_RANGES: Record<EngineKind, { since: string; until?: string }> = {
  kmod: { since: ENGINE_SINCE },
  ebpf: { since: ENGINE_SINCE, until: '0.44.0' },
  modern_ebpf: { since: ENGINE_SINCE },
  replay: { since: ENGINE_SINCE },
  gvisor: { since: ENGINE_SINCE, until: '0.44.0' },
  nodriver: { since: ENGINE_SINCE },
};

const preset = { min: 0, max: 10 } as const; // 0 is reserved (falco.yaml `buf_size_preset` comment)

export const ENGINE_KEYS: KeySpec[] = [
  key('engine.kind', 'string', 'modern_ebpf', { since: ENGINE_SINCE, oneOf: ALL_ENGINE_KINDS }),
  key('engine.kmod.buf_size_preset', 'integer', 4, { since: ENGINE_SINCE, ...preset }),
  key('engine.kmod.drop_failed_exit', 'boolean', false, { since: ENGINE_SINCE }),
  key('engine.ebpf.probe', 'string', '${HOME}/.falco/falco-bpf.o', { since: ENGINE_SINCE, ...GONE }),
  key('engine.ebpf.buf_size_preset', 'integer', 4, { since: ENGINE_SINCE, ...GONE, ...preset }),
  key('engine.ebpf.drop_failed_exit', 'boolean', false, { since: ENGINE_SINCE, ...GONE }),
  key('engine.modern_ebpf.cpus_for_each_buffer', 'integer', 2, { since: ENGINE_SINCE, min: 0 }),
  key('engine.modern_ebpf.buf_size_preset', 'integer', 4, { since: ENGINE_SINCE, ...preset }),
  key('engine.modern_ebpf.drop_failed_exit', 'boolean', false, { since: ENGINE_SINCE }),
  key('engine.modern_ebpf.disable_iterators', 'boolean', false, { since: '0.44.1', approx: true }),
  key('engine.replay.capture_file', 'string', '', { since: ENGINE_SINCE }),
  key('engine.gvisor.config', 'string', '', { since: ENGINE_SINCE, ...GONE }),
  key('engine.gvisor.root', 'string', '', { since: ENGINE_SINCE, ...GONE }),
];
