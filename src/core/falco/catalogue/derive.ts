// Derives the key catalogue from upstream data, purely: the shipped falco.yaml of each release, the
// JSON schema of each minor series that has one (0.39+), and the keys configuration.cpp reads
// (knowledge/falco-code-reads.json, itself extracted from Falco's source by scripts/extract-code-reads.mjs).
// scripts/gen-catalogue.ts writes the result to knowledge/falco-config-catalogue.json; a test re-derives it.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { compareVersions } from '../version-compare.js';
import type { ValueType } from '../config/keys/spec.js';
import type { Catalogue, CatalogueKey, CatalogueSource, Span, ValueRun } from './types.js';

export interface ReleaseInput {
  version: string;
  commit: string;
  yaml: string;
}
export interface SchemaInput {
  version: string;
  commit: string;
  json: unknown;
}
export interface CodeRead {
  cxxType: string;
  line: number;
  value?: unknown;
  raw?: string;
}
export interface CodeReads {
  releases: Record<string, { commit: string; reads: Record<string, CodeRead> }>;
}

interface Leaf {
  type: ValueType;
  value?: unknown;
  line: number;
  enum?: string[];
}

function yamlType(v: unknown): ValueType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') && v.length > 0 ? 'string[]' : 'sequence';
  if (v !== null && typeof v === 'object') return 'map';
  return 'any';
}

/** Leaves of a shipped falco.yaml: scalars, sequences and empty maps, with the line of their key. */
export function yamlLeaves(text: string): Map<string, Leaf> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const out = new Map<string, Leaf>();
  const walk = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix === '' ? k : `${prefix}.${k}`;
      const at = (pair.key as Node | null)?.range?.[0] ?? 0;
      if (isMap(pair.value) && pair.value.items.length > 0) walk(pair.value, path);
      else {
        const value: unknown = isScalar(pair.value) || isSeq(pair.value) || isMap(pair.value) ? pair.value.toJSON() : null;
        out.set(path, { type: yamlType(value), value, line: lc.linePos(at).line });
      }
    }
  };
  walk(doc.contents, '');
  return out;
}

type JsonSchema = Record<string, unknown>;

function deref(s: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = s['$ref'];
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/definitions/', '');
  const defs = root['definitions'] as Record<string, JsonSchema> | undefined;
  return deref(defs?.[name] ?? {}, root);
}

function schemaType(s: JsonSchema): ValueType {
  const t = s['type'];
  if (t === 'boolean' || t === 'integer' || t === 'number' || t === 'string') return t;
  if (t === 'array') return (s['items'] as JsonSchema | undefined)?.['type'] === 'string' ? 'string[]' : 'sequence';
  if (t === 'object') return 'map';
  return 'any';
}

/** Leaves the schema declares: properties of objects that have properties are walked, the rest are leaves. */
export function schemaLeaves(root: JsonSchema): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (s: JsonSchema, prefix: string): void => {
    const props = s['properties'] as Record<string, JsonSchema> | undefined;
    for (const [k, raw] of Object.entries(props ?? {})) {
      const sub = deref(raw, root);
      const path = prefix === '' ? k : `${prefix}.${k}`;
      if (sub['properties'] && Object.keys(sub['properties'] as object).length > 0) walk(sub, path);
      else {
        const e = sub['enum'];
        out.set(path, { type: schemaType(sub), line: 0, ...(Array.isArray(e) ? { enum: e.map(String) } : {}) });
      }
    }
  };
  walk(deref(root, root), '');
  return out;
}

function codeType(cxx: string): ValueType {
  if (cxx === 'bool') return 'boolean';
  if (/int|size_t/.test(cxx)) return 'integer';
  if (cxx === 'double' || cxx === 'float') return 'number';
  if (cxx === 'std::string') return 'string';
  if (cxx.startsWith('std::map')) return 'map';
  if (cxx === 'sequence') return 'sequence';
  return 'any';
}

const minor = (v: string): string => v.split('.').slice(0, 2).join('.');

function spans(present: boolean[], releases: string[]): Span[] {
  const out: Span[] = [];
  present.forEach((p, i) => {
    if (!p) return;
    const last = out[out.length - 1];
    if (last && i > 0 && present[i - 1]) last[1] = releases[i] as string;
    else out.push([releases[i] as string, releases[i] as string]);
  });
  return out;
}

/** Runs of consecutive releases with the same value; a release without the value ends the run. */
function runsOver(releases: string[], at: (r: string) => { value: unknown; line: number } | null): ValueRun[] {
  const out: ValueRun[] = [];
  let open: ValueRun | null = null;
  for (const r of releases) {
    const v = at(r);
    if (v && open && JSON.stringify(open.value) === JSON.stringify(v.value)) open.to = r;
    else open = v ? { from: r, to: r, value: v.value, line: v.line } : null;
    if (open && open.from === r) out.push(open);
  }
  return out;
}

export function deriveCatalogue(input: { releases: ReleaseInput[]; schemas: SchemaInput[]; code: CodeReads }): Catalogue {
  const rel = [...input.releases].sort((a, b) => compareVersions(a.version, b.version));
  const releases = rel.map((r) => r.version);
  const yaml = new Map(rel.map((r) => [r.version, yamlLeaves(r.yaml)]));
  const schemaByMinor = new Map(input.schemas.map((s) => [minor(s.version), s]));
  const schemaOf: Record<string, string> = {};
  const schemaLeavesOf = new Map<string, Map<string, Leaf>>();
  for (const r of releases) {
    const s = schemaByMinor.get(minor(r));
    if (!s) continue;
    schemaOf[r] = s.version;
    schemaLeavesOf.set(r, schemaLeaves(s.json as JsonSchema));
  }
  const code = (r: string): Record<string, CodeRead> => input.code.releases[r]?.reads ?? {};

  const paths = new Set<string>();
  for (const r of releases) {
    for (const p of yaml.get(r)?.keys() ?? []) paths.add(p);
    for (const p of schemaLeavesOf.get(r)?.keys() ?? []) paths.add(p);
    for (const p of Object.keys(code(r))) paths.add(p);
  }

  const keys: Record<string, CatalogueKey> = {};
  for (const path of [...paths].sort()) {
    const inYaml = releases.map((r) => yaml.get(r)?.has(path) ?? false);
    const inCode = releases.map((r) => code(r)[path] !== undefined);
    const inSchema = releases.map((r) => schemaLeavesOf.get(r)?.has(path) ?? false);
    const newestSchema = [...releases]
      .reverse()
      .map((r) => schemaLeavesOf.get(r)?.get(path))
      .find(Boolean);
    const newestYaml = [...releases]
      .reverse()
      .map((r) => yaml.get(r)?.get(path))
      .find(Boolean);
    const newestCode = [...releases]
      .reverse()
      .map((r) => code(r)[path])
      .find(Boolean);
    const type: ValueType =
      newestSchema && newestSchema.type !== 'any'
        ? newestSchema.type
        : newestCode && codeType(newestCode.cxxType) !== 'any'
          ? codeType(newestCode.cxxType)
          : (newestYaml?.type ?? 'any');
    const key: CatalogueKey = {
      type,
      read: spans(
        releases.map((_, i) => Boolean(inYaml[i] || inCode[i])),
        releases,
      ),
    };
    if (inSchema.some(Boolean)) key.schema = spans(inSchema, releases);
    const shipped = runsOver(releases, (r) => {
      const l = yaml.get(r)?.get(path);
      return l ? { value: l.value, line: l.line } : null;
    });
    if (shipped.length > 0) key.shipped = shipped;
    const fromCode = runsOver(releases, (r) => {
      const c = code(r)[path];
      return c && 'value' in c ? { value: c.value, line: c.line } : null;
    });
    if (fromCode.length > 0) key.code = fromCode;
    if (newestSchema?.enum) key.enum = newestSchema.enum;
    keys[path] = key;
  }
  const sources: CatalogueSource[] = [
    ...rel.map((r) => ({ version: r.version, commit: r.commit, file: `releases/falco-${r.version}.yaml` })),
    ...input.schemas.map((s) => ({ version: s.version, commit: s.commit, file: `config-schema/falco-${s.version}.schema.json` })),
  ];
  return { releases, schemaOf, sources, keys };
}
