// The config key catalogue per Falco version: which keys exist, their types, defaults and ranges,
// and which engine kinds (and their options) a release knows.
import { ENGINE_KEYS, ENGINE_KIND_RANGES, ALL_ENGINE_KINDS, ENGINE_SINCE, type EngineKind } from './keys/engine.js';
import { LEGACY_KEYS, type LegacyKey } from './keys/legacy.js';
import { OUTPUT_KEYS } from './keys/outputs.js';
import { RUNTIME_KEYS } from './keys/runtime.js';
import type { KeySpec } from './keys/spec.js';
import { compareVersions, inRange } from '../version-compare.js';

export { compareVersions } from '../version-compare.js';
export type { KeySpec, ValueType } from './keys/spec.js';
export type { EngineKind } from './keys/engine.js';
export type { LegacyKey } from './keys/legacy.js';
export { LEGACY_KEYS } from './keys/legacy.js';
export { ALL_ENGINE_KINDS, ENGINE_SINCE } from './keys/engine.js';

/** Releases whose shipped falco.yaml the catalogue was checked against (test fixtures). */
export const COVERED_VERSIONS = ['0.36.2', '0.38.0', '0.44.1'] as const;

export const ALL_KEYS: readonly KeySpec[] = [...ENGINE_KEYS, ...OUTPUT_KEYS, ...RUNTIME_KEYS];
const BY_PATH = new Map(ALL_KEYS.map((k) => [k.path, k]));
const LEGACY_BY_PATH = new Map(LEGACY_KEYS.map((k) => [k.path, k]));

/** Every key any covered release knows, whatever the version. */
export function lookupKey(path: string): KeySpec | undefined {
  return BY_PATH.get(path);
}

export function lookupLegacy(path: string): LegacyKey | undefined {
  return LEGACY_BY_PATH.get(path);
}

export function keyExistsIn(spec: KeySpec, version: string | null): boolean {
  return version === null || inRange(version, spec.since, spec.until);
}

/** Keys that `version` reads (null: the union over all covered releases), by dotted path. */
export function knownKeysFor(version: string | null): Map<string, KeySpec> {
  const out = new Map<string, KeySpec>();
  for (const k of ALL_KEYS) if (keyExistsIn(k, version)) out.set(k.path, k);
  // Before 0.38 these legacy keys were the real ones.
  if (version !== null && compareVersions(version, '0.38.0') < 0) {
    out.set('syscall_buf_size_preset', { path: 'syscall_buf_size_preset', type: 'integer', default: 4, min: 0, max: 10 });
    out.set('syscall_drop_failed_exit', { path: 'syscall_drop_failed_exit', type: 'boolean', default: false });
    out.set('modern_bpf.cpus_for_each_syscall_buffer', { path: 'modern_bpf.cpus_for_each_syscall_buffer', type: 'integer', default: 2, min: 0 });
    out.set('rules_file', { path: 'rules_file', type: 'string[]' });
    out.set('outputs.rate', { path: 'outputs.rate', type: 'number', default: 0 });
    out.set('outputs.max_burst', { path: 'outputs.max_burst', type: 'integer', default: 1000 });
    for (const m of ['max_mb', 'chunk_wait_us', 'watch_freq_sec'])
      out.set(`metadata_download.${m}`, { path: `metadata_download.${m}`, type: 'integer', min: 1 });
  }
  return out;
}

/** Parent paths ("engine", "engine.kmod", ...) of the known keys: the blocks a file may contain. */
export function knownBlocksFor(version: string | null): Set<string> {
  const blocks = new Set<string>();
  for (const p of knownKeysFor(version).keys()) {
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) blocks.add(parts.slice(0, i).join('.'));
  }
  return blocks;
}

/** Engine kinds a release accepts in `engine.kind`; empty before the engine block existed. */
export function engineKindsFor(version: string | null): EngineKind[] {
  if (version !== null && compareVersions(version, ENGINE_SINCE) < 0) return [];
  return ALL_ENGINE_KINDS.filter((k) => version === null || inRange(version, ENGINE_KIND_RANGES[k].since, ENGINE_KIND_RANGES[k].until));
}

/** Option names under `engine.<kind>` for a release. nodriver has none. */
export function engineOptionsFor(kind: string, version: string | null): string[] {
  const prefix = `engine.${kind}.`;
  return ENGINE_KEYS.filter((k) => k.path.startsWith(prefix) && keyExistsIn(k, version)).map((k) => k.path.slice(prefix.length));
}

export function isEngineKind(s: string): s is EngineKind {
  return (ALL_ENGINE_KINDS as readonly string[]).includes(s);
}
