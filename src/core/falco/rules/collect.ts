// Fold the items of rules files into final lists, macros and rules, as Falco's rule loader does
// (userspace/engine/rule_loader_reader.cpp, rule_loader_collector.cpp):
// - a later definition with the same name replaces the earlier one;
// - `append: true` appends (condition: " " + text; items, tags, exceptions: concatenated);
// - `override: {field: append|replace}` appends or replaces the named fields;
// - a rule item with only `enabled:` toggles an existing rule (deprecated in 0.44.1 in favour of
//   `override: {enabled: replace}`, rule_loading_messages.h WARNING_ENABLED).
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { ConfigError, SourceFile } from '../config/types.js';
import { hostileYaml } from '../../yaml/hostile.js';

export interface RuleDef {
  name: string;
  file: string;
  line: number | null;
  condition: string;
  enabled: boolean;
  priority: string;
  tags: string[];
  source: string;
  exceptions: unknown[];
}

export interface Collected {
  rules: Map<string, RuleDef>;
  macros: Map<string, { condition: string; file: string; line: number | null }>;
  lists: Map<string, string[]>;
  /** Each `required_engine_version` item, with the file it is in. */
  requiredEngineVersions: { file: string; version: string }[];
  /** Each entry of a `required_plugin_versions` item: one requirement, met by any of its alternatives
   * (the entry itself first, then its `alternatives:`; rule_loader_reader.cpp@0.42.1). */
  requiredPlugins: PluginRequirement[];
  errors: ConfigError[];
}

export interface PluginRequirement {
  file: string;
  line: number | null;
  alternatives: { name: string; version: string }[];
}

type Item = Record<string, unknown>;
const APPENDABLE_RULE = new Set(['condition', 'output', 'desc', 'tags', 'exceptions']);

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);
}
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);

export function collect(files: SourceFile[]): Collected {
  const c: Collected = { rules: new Map(), macros: new Map(), lists: new Map(), requiredEngineVersions: [], requiredPlugins: [], errors: [] };
  for (const file of files) {
    const refused = hostileYaml(file.text);
    if (refused) {
      c.errors.push({ file: file.path, line: null, key: null, message: `refused: ${refused}` });
      continue;
    }
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(file.text, { lineCounter: lc })) {
      for (const e of doc.errors)
        c.errors.push({ file: file.path, line: e.linePos?.[0]?.line ?? null, key: null, message: e.message.split('\n')[0] ?? e.message });
      if (doc.errors.length > 0 || doc.contents === null) continue;
      if (!isSeq(doc.contents)) {
        c.errors.push({ file: file.path, line: 1, key: null, message: 'Rules content is not yaml array of objects' });
        continue;
      }
      for (const node of doc.contents.items) {
        const line = (node as Node | null)?.range ? lc.linePos((node as Node).range![0]).line : null;
        if (!isMap(node)) {
          c.errors.push({ file: file.path, line, key: null, message: 'Unexpected element type. Each element should be a yaml associative array.' });
          continue;
        }
        item(c, node.toJSON() as Item, file.path, line);
      }
    }
  }
  return c;
}

function item(c: Collected, it: Item, file: string, line: number | null): void {
  const err = (message: string, key: string | null = null): void => void c.errors.push({ file, line, key, message });
  const override = (it['override'] ?? {}) as Record<string, unknown>;
  const appendAll = it['append'] === true;
  const mode = (field: string): 'append' | 'replace' | null =>
    override[field] === 'append' || override[field] === 'replace' ? (override[field] as 'append' | 'replace') : appendAll && field in it ? 'append' : null;
  const modifying = appendAll || Object.keys(override).length > 0;

  if ('required_engine_version' in it) c.requiredEngineVersions.push({ file, version: str(it['required_engine_version']) });
  else if ('required_plugin_versions' in it) pluginRequirements(c, it['required_plugin_versions'], file, line);
  else if ('list' in it) {
    const name = str(it['list']);
    const items = strList(it['items']);
    const prev = c.lists.get(name);
    if (modifying && !prev) return err(`List has 'append' or 'override' key but no list by that name already exists`, name);
    c.lists.set(name, prev && mode('items') === 'append' ? [...prev, ...items] : items);
  } else if ('macro' in it) {
    const name = str(it['macro']);
    const prev = c.macros.get(name);
    if (modifying && !prev) return err(`Macro has 'append' or 'override' key but no macro by that name already exists`, name);
    const cond = str(it['condition']);
    c.macros.set(name, {
      condition: prev && mode('condition') === 'append' ? `${prev.condition} ${cond}` : cond,
      file: prev?.file ?? file,
      line: prev?.line ?? line,
    });
  } else if ('rule' in it) rule(c, it, file, line, modifying, mode, err);
  else err(`Unknown top level object: ${Object.keys(it).join(', ')}`);
}

function pluginRequirements(c: Collected, v: unknown, file: string, line: number | null): void {
  const named = (x: unknown): { name: string; version: string } | null => {
    const o = (x ?? {}) as Item;
    return typeof o['name'] === 'string' ? { name: o['name'], version: str(o['version']) } : null;
  };
  for (const entry of Array.isArray(v) ? v : []) {
    const first = named(entry);
    if (!first) {
      c.errors.push({ file, line, key: 'required_plugin_versions', message: 'required_plugin_versions entry without a name' });
      continue;
    }
    const alts = ((entry as Item)['alternatives'] ?? []) as unknown[];
    const rest = (Array.isArray(alts) ? alts : []).map(named).filter((a): a is { name: string; version: string } => a !== null);
    c.requiredPlugins.push({ file, line, alternatives: [first, ...rest] });
  }
}

function rule(
  c: Collected,
  it: Item,
  file: string,
  line: number | null,
  modifying: boolean,
  mode: (f: string) => 'append' | 'replace' | null,
  err: (m: string, k?: string | null) => void,
): void {
  const name = str(it['rule']);
  const prev = c.rules.get(name);
  const onlyEnabled = Object.keys(it).every((k) => k === 'rule' || k === 'enabled');
  if (!modifying && onlyEnabled && 'enabled' in it) {
    if (!prev) return err(`Rule has 'enabled' key but no rule by that name already exists`, name);
    prev.enabled = it['enabled'] !== false;
    return;
  }
  if (modifying) {
    if (!prev) return err(`Rule has 'append' or 'override' key but no rule by that name already exists`, name);
    for (const f of Object.keys(it)) {
      const m = mode(f);
      if (m === null) continue;
      if (m === 'append' && !APPENDABLE_RULE.has(f)) return err(`Key '${f}' cannot be appended to`, name);
      applyField(prev, f, it[f], m);
    }
    return;
  }
  if (!('condition' in it)) return err(`Item has no mapping for key 'condition'`, name);
  c.rules.set(name, {
    name,
    file,
    line,
    condition: str(it['condition']),
    enabled: it['enabled'] !== false,
    priority: str(it['priority']) || 'Debug',
    tags: strList(it['tags']),
    source: str(it['source']) || 'syscall',
    exceptions: Array.isArray(it['exceptions']) ? it['exceptions'] : [],
  });
}

function applyField(r: RuleDef, f: string, v: unknown, m: 'append' | 'replace'): void {
  switch (f) {
    case 'condition':
      r.condition = m === 'append' ? `${r.condition} ${str(v)}` : str(v);
      break;
    case 'tags':
      r.tags = m === 'append' ? [...r.tags, ...strList(v)] : strList(v);
      break;
    case 'exceptions':
      r.exceptions = m === 'append' ? [...r.exceptions, ...(Array.isArray(v) ? v : [])] : Array.isArray(v) ? v : [];
      break;
    case 'enabled':
      r.enabled = v !== false;
      break;
    case 'priority':
      r.priority = str(v);
      break;
    case 'source':
      r.source = str(v);
      break;
    default:
      break; // output, desc, capture...: not needed for the doctor's analysis
  }
}
