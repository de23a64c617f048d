// Engine kinds per release. configuration.cpp load_engine_config: the `engine` block and its kinds
// appear in 0.37.0 (engine.kind defaults to kmod in code, 0.37.0–0.44.1); the legacy `ebpf` probe and
// `gvisor` are read through 0.43.1 (deprecated in 0.43.0: "Using deprecated engine") and no longer in
// 0.44.0 (knowledge/falco-code-reads.json: engine.ebpf.* and engine.gvisor.* last read in 0.43.1).
export const ENGINE_SINCE = '0.37.0';

export type EngineKind = 'kmod' | 'ebpf' | 'modern_ebpf' | 'replay' | 'gvisor' | 'nodriver';
export const ALL_ENGINE_KINDS: readonly EngineKind[] = ['kmod', 'ebpf', 'modern_ebpf', 'replay', 'gvisor', 'nodriver'];

export const ENGINE_KIND_RANGES: Record<EngineKind, { since: string; until?: string; deprecatedSince?: string }> = {
  kmod: { since: ENGINE_SINCE },
  ebpf: { since: ENGINE_SINCE, until: '0.44.0', deprecatedSince: '0.43.0' },
  modern_ebpf: { since: ENGINE_SINCE },
  replay: { since: ENGINE_SINCE },
  gvisor: { since: ENGINE_SINCE, until: '0.44.0', deprecatedSince: '0.43.0' },
  nodriver: { since: ENGINE_SINCE },
};
