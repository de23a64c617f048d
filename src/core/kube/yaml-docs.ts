// Multi-document YAML as `helm template` or `kubectl get -o yaml` print it, each object kept with its
// file and parsed document so a finding can name file:line. A `kind: List` is unrolled.
import { isMap, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { UserError } from '../errors.js';
import type { SourceFile } from '../falco/config/types.js';
import { hostileYaml } from '../yaml/hostile.js';

export interface KubeObject {
  file: string;
  kind: string;
  name: string;
  namespace: string;
  value: Record<string, unknown>;
  /** line of a key path inside this object, when it is in the file (items of a List: null) */
  lineOf: (path: (string | number)[]) => number | null;
}

export function parseKubeObjects(files: readonly SourceFile[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const f of files) {
    const refused = hostileYaml(f.text);
    if (refused) throw new UserError(`${f.path}: refused: ${refused}`);
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(f.text, { lineCounter: lc })) {
      const e = doc.errors[0];
      if (e) throw new UserError(`${f.path}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0] ?? e.message}`);
      if (!isMap(doc.contents)) continue;
      const value = doc.toJSON() as Record<string, unknown>;
      const lineOf = lineFinder(doc, lc);
      if (value['kind'] === 'List' && Array.isArray(value['items'])) {
        value['items'].forEach((item, i) => pushObject(out, f.path, item, (p) => lineOf(['items', i, ...p])));
      } else pushObject(out, f.path, value, lineOf);
    }
  }
  return out;
}

function pushObject(out: KubeObject[], file: string, v: unknown, lineOf: KubeObject['lineOf']): void {
  if (v === null || typeof v !== 'object') return;
  const value = v as Record<string, unknown>;
  const meta = (value['metadata'] ?? {}) as Record<string, unknown>;
  if (typeof value['kind'] !== 'string') return;
  out.push({ file, kind: value['kind'], name: String(meta['name'] ?? ''), namespace: String(meta['namespace'] ?? 'default'), value, lineOf });
}

export function lineFinder(doc: Document, lc: LineCounter): (path: (string | number)[]) => number | null {
  return (path) => {
    const node = doc.getIn(path, true) as Node | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : null;
  };
}

/** The first YAML document of a file as an object, with a line finder (Helm values). */
export function parseValuesFile(f: SourceFile): { value: Record<string, unknown>; lineOf: (path: string[]) => number | null } {
  const refused = hostileYaml(f.text);
  if (refused) throw new UserError(`${f.path}: refused: ${refused}`);
  const lc = new LineCounter();
  const [doc] = parseAllDocuments(f.text, { lineCounter: lc });
  const e = doc?.errors[0];
  if (e) throw new UserError(`${f.path}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0] ?? e.message}`);
  const value = (doc?.toJSON() ?? {}) as Record<string, unknown>;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${f.path}:1: a Helm values file is a YAML map`);
  const find = doc ? lineFinder(doc as Document, lc) : () => null;
  // a key's line, not its value's: the pair's key node
  const lineOf = (path: string[]): number | null => {
    if (!doc || path.length === 0) return null;
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return find(path);
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
    const k = pair?.key as Node | undefined;
    return k?.range ? lc.linePos(k.range[0]).line : null;
  };
  return { value, lineOf };
}
