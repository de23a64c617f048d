// The effective config: falco.yaml, then each drop-in with its merge strategy, then `-o` overrides,
// with the file and line that set every leaf.
//
// Merging is top-level only, as in yaml_helper::include_config_file (userspace/falco/yaml_helper.h):
//   append   — a sequence value is appended to the existing sequence; any other value REPLACES the
//              whole top-level key (so a drop-in `engine: {kind: kmod}` drops engine.modern_ebpf.*);
//   override — the top-level key is replaced;
//   add-only — the key is set only when falco.yaml (or an earlier drop-in) does not define it.
// A drop-in may not contain `config_files` (Falco: "'config_files' directive in included config file").
import { parseKeyPath, provenanceKey } from './key-path.js';
import { parseOverride, setAtPath } from './override.js';
import type { ConfigError, EffectiveConfig, MergeStrategy, Provenance, SourceFile } from './types.js';
import { parseYamlSource } from './yaml-source.js';
import { compareVersions } from '../version-compare.js';

export { parseOverride } from './override.js';

export interface ConfigFileEntry {
  path: string;
  strategy: MergeStrategy;
}

/**
 * Entries of `config_files` (strings, or {path, strategy}; a missing or unknown strategy means append,
 * as yaml_helper::strategy_from_string). When the key is absent Falco loads no drop-in: the
 * `/etc/falco/config.d` default lives in the shipped falco.yaml, not in the code
 * (configuration.cpp merge_config_files reads only the key). Before 0.38 there were no drop-ins.
 */
export function configFileEntries(mainValue: Record<string, unknown>, version: string | null = null): ConfigFileEntry[] {
  if (version !== null && compareVersions(version, '0.38.0') < 0) return [];
  const raw = mainValue['config_files'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const out: ConfigFileEntry[] = [];
  for (const e of list) {
    if (typeof e === 'string') out.push({ path: e, strategy: 'append' });
    else if (e !== null && typeof e === 'object' && typeof (e as Record<string, unknown>)['path'] === 'string') {
      const s = (e as Record<string, unknown>)['strategy'];
      const strategy: MergeStrategy = s === 'override' ? 'override' : s === 'add-only' ? 'add-only' : 'append';
      out.push({ path: (e as Record<string, unknown>)['path'] as string, strategy });
    }
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  const segs = parseKeyPath(path);
  if (typeof segs === 'string') return undefined;
  let cur: unknown = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'string') cur = Array.isArray(cur) ? undefined : (cur as Record<string, unknown>)[s];
    else if (typeof s === 'number') cur = Array.isArray(cur) ? cur[s] : undefined;
    else return undefined;
  }
  return cur;
}

function dropProvenanceUnder(prov: Record<string, Provenance>, key: string): void {
  for (const p of Object.keys(prov)) if (p === key || p.startsWith(`${key}.`)) delete prov[p];
}

export function computeEffectiveConfig(main: SourceFile, dropIns: { file: SourceFile; strategy: MergeStrategy }[], overrides: string[]): EffectiveConfig {
  const parsedMain = parseYamlSource(main);
  const value: Record<string, unknown> = structuredClone(parsedMain.value);
  const provenance: Record<string, Provenance> = {};
  const errors: ConfigError[] = [...parsedMain.errors];
  for (const [p, line] of parsedMain.leaves) provenance[p] = { source: main.path, line };
  const files = [main.path];

  for (const { file, strategy } of dropIns) {
    files.push(file.path);
    const parsed = parseYamlSource(file);
    errors.push(...parsed.errors);
    for (const [key, v] of Object.entries(parsed.value)) {
      const line = parsed.keyLines.get(key) ?? null;
      if (key === 'config_files') {
        errors.push({ file: file.path, line, key, message: `Config error: 'config_files' directive in included config file ${file.path}.` });
        continue;
      }
      const setFromDropIn = (): void => {
        value[key] = structuredClone(v);
        dropProvenanceUnder(provenance, key);
        for (const [p, l] of parsed.leaves) if (p === key || p.startsWith(`${key}.`)) provenance[p] = { source: file.path, line: l };
      };
      switch (strategy) {
        case 'append':
          if (Array.isArray(v) && value[key] !== undefined && value[key] !== null) {
            const cur = value[key];
            if (!Array.isArray(cur)) {
              errors.push({ file: file.path, line, key, message: `cannot append a sequence to "${key}", which is not a sequence in the files before` });
              continue;
            }
            value[key] = [...cur, ...structuredClone(v)];
            provenance[key] = { source: file.path, line };
          } else setFromDropIn();
          break;
        case 'override':
          setFromDropIn();
          break;
        case 'add-only':
          if (value[key] === undefined) setFromDropIn();
          break;
      }
    }
  }

  for (const o of overrides) {
    const parsed = parseOverride(o);
    if ('message' in parsed) {
      errors.push(parsed);
      continue;
    }
    const segs = parseKeyPath(parsed.path);
    if (typeof segs === 'string') continue; // parseOverride already validated it
    const err = setAtPath(value, segs, parsed.value);
    if (err !== null) {
      errors.push({ file: `-o ${o}`, line: null, key: parsed.path, message: err });
      continue;
    }
    const pk = provenanceKey(segs);
    dropProvenanceUnder(provenance, pk);
    provenance[pk] = { source: `-o ${o}`, line: null };
  }
  return { value, provenance, errors, files };
}
