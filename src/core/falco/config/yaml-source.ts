// Parse one YAML config file into a plain value plus the 1-based line of every key, so the
// effective config can say which file and line set each leaf.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ConfigError, SourceFile } from './types.js';
import { hostileYaml } from '../../yaml/hostile.js';

export interface ParsedYaml {
  value: Record<string, unknown>;
  /** Dotted path of every leaf (scalar, sequence or empty map) -> line of its key. */
  leaves: Map<string, number>;
  /** Dotted path of every key, blocks included -> line of the key. */
  keyLines: Map<string, number>;
  /** Dotted path of every sequence -> line of each of its items. */
  itemLines: Map<string, number[]>;
  errors: ConfigError[];
}

export function parseYamlSource(file: SourceFile): ParsedYaml {
  const refused = hostileYaml(file.text);
  if (refused)
    return {
      value: {},
      leaves: new Map(),
      keyLines: new Map(),
      itemLines: new Map(),
      errors: [{ file: file.path, line: null, key: null, message: `refused: ${refused}` }],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true });
  const errors: ConfigError[] = doc.errors.map((e) => ({
    file: file.path,
    line: e.linePos?.[0]?.line ?? null,
    key: null,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const leaves = new Map<string, number>();
  const keyLines = new Map<string, number>();
  const itemLines = new Map<string, number[]>();
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  const walk = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix === '' ? k : `${prefix}.${k}`;
      const range = (pair.key as Node | null)?.range;
      const line = range ? lineOf(range[0]) : 0;
      keyLines.set(path, line);
      const v = pair.value;
      if (isMap(v) && v.items.length > 0) walk(v, path);
      else leaves.set(path, line);
      if (isSeq(v))
        itemLines.set(
          path,
          v.items.map((it) => ((it as Node | null)?.range ? lineOf((it as Node).range![0]) : line)),
        );
    }
  };
  walk(doc.contents, '');

  let value: Record<string, unknown> = {};
  try {
    const js: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (js !== null && typeof js === 'object' && !Array.isArray(js)) value = js as Record<string, unknown>;
    else if (js !== null && js !== undefined)
      errors.push({ file: file.path, line: 1, key: null, message: 'the top level of a Falco config file must be a map of keys' });
  } catch (e) {
    errors.push({ file: file.path, line: null, key: null, message: e instanceof Error ? e.message : String(e) });
  }
  return { value, leaves, keyLines, itemLines, errors };
}
