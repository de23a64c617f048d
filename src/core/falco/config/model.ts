// The config key catalogue per Falco version: which keys a release reads, their types, defaults
// (shipped and in code) and ranges, and which engine kinds (and their options) it knows. The keys come
// from the generated catalogue (knowledge/falco-config-catalogue.json); a version that is not a known
// release is judged by the nearest known one (resolveRelease).
import { CATALOGUE, KNOWN_RELEASES, inSpans, releaseAfter, resolveRelease, runAt, type CatalogueKey } from '../catalogue/index.js';
import { ALL_ENGINE_KINDS, ENGINE_KIND_RANGES, ENGINE_SINCE, type EngineKind } from './keys/engine.js';
import { CONSTRAINTS } from './keys/constraints.js';
import { LEGACY_KEYS, type LegacyKey } from './keys/legacy.js';
import type { KeySpec } from './keys/spec.js';
import { compareVersions, inRange } from '../version-compare.js';

export { compareVersions } from '../version-compare.js';
export type { KeySpec, ValueType } from './keys/spec.js';
export type { EngineKind } from './keys/engine.js';
export type { LegacyKey } from './keys/legacy.js';
export { LEGACY_KEYS } from './keys/legacy.js';
export { ALL_ENGINE_KINDS, ENGINE_SINCE } from './keys/engine.js';

/** Releases whose shipped falco.yaml (and schema, 0.39+) the catalogue was derived from. */
export const COVERED_VERSIONS: readonly string[] = KNOWN_RELEASES;

function bounds(k: CatalogueKey): { since?: string; until?: string } {
  const first = k.read[0]?.[0];
  const last = k.read[k.read.length - 1]?.[1];
  const out: { since?: string; until?: string } = {};
  if (first && first !== KNOWN_RELEASES[0]) out.since = first;
  const after = last ? releaseAfter(last) : undefined;
  if (after) out.until = after;
  return out;
}

function toSpec(path: string, k: CatalogueKey, release: string | null): KeySpec {
  const at = (runs: CatalogueKey['shipped']) => (release ? runAt(release, runs) : runs?.[runs.length - 1]);
  const shipped = at(k.shipped);
  const code = at(k.code);
  const c = CONSTRAINTS[path] ?? {};
  const spec: KeySpec = { path, type: c.type ?? k.type, ...bounds(k) };
  if (shipped) spec.default = shipped.value;
  if (code) spec.codeDefault = code.value;
  // not read by this release (or, for any release, by none): the schema may still declare it
  const read = release === null ? k.read.length > 0 : inSpans(release, k.read);
  if (!read) spec.schemaOnly = release === null || inSpans(release, k.schema);
  const oneOf = c.oneOf ?? k.enum;
  if (oneOf) spec.oneOf = oneOf;
  if (c.min !== undefined) spec.min = c.min;
  if (c.max !== undefined) spec.max = c.max;
  if (c.deprecatedSince) spec.deprecatedSince = c.deprecatedSince;
  return spec;
}

const ANY = new Map(Object.entries(CATALOGUE.keys).map(([p, k]) => [p, toSpec(p, k, null)]));
export const ALL_KEYS: readonly KeySpec[] = [...ANY.values()].filter((k) => !k.schemaOnly);
const LEGACY_BY_PATH = new Map(LEGACY_KEYS.map((k) => [k.path, k]));
const perRelease = new Map<string, Map<string, KeySpec>>();

/** Every key some covered release reads, whatever the version (the newest release's defaults). */
export function lookupKey(path: string): KeySpec | undefined {
  const k = ANY.get(path);
  return k && !k.schemaOnly ? k : undefined;
}

/** The key as the schema of the version's series declares it, when Falco itself does not read it. */
export function schemaOnlyKey(path: string, version: string | null): KeySpec | undefined {
  const k = CATALOGUE.keys[path];
  if (!k) return undefined;
  const release = version === null ? null : resolveRelease(version).release;
  const spec = toSpec(path, k, release);
  return spec.schemaOnly ? spec : undefined;
}

export function lookupLegacy(path: string): LegacyKey | undefined {
  return LEGACY_BY_PATH.get(path);
}

export function keyExistsIn(spec: KeySpec, version: string | null): boolean {
  if (version === null) return true;
  const k = CATALOGUE.keys[spec.path];
  return k ? inSpans(resolveRelease(version).release, k.read) : inRange(version, spec.since, spec.until);
}

/** Keys that `version` reads (null: the union over all covered releases), by dotted path. */
export function knownKeysFor(version: string | null): Map<string, KeySpec> {
  if (version === null) return new Map(ALL_KEYS.map((k) => [k.path, k]));
  const release = resolveRelease(version).release;
  let out = perRelease.get(release);
  if (!out) {
    out = new Map();
    for (const [p, k] of Object.entries(CATALOGUE.keys)) if (inSpans(release, k.read)) out.set(p, toSpec(p, k, release));
    perRelease.set(release, out);
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
  return [...knownKeysFor(version).keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
}

export function isEngineKind(s: string): s is EngineKind {
  return (ALL_ENGINE_KINDS as readonly string[]).includes(s);
}
