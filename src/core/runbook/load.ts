// Loads runbook, fix and code files from their text. Errors are data (file, line, key path, message,
// "did you mean") and all of them are collected, so one run shows every mistake in a data file.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node, type Document } from 'yaml';
import type { z } from 'zod';
import { CodesSchema, RunbookSchema, type CodeEntry, type Runbook } from './schema.js';
import { FixCatalogueSchema, type FixCatalogue } from '../fix/schema.js';
import { isProbeId, PROBES } from '../diagnosis/probes/index.js';
import { didYouMean } from '../text/did-you-mean.js';
import { hostileYaml } from '../yaml/hostile.js';

export interface DataError {
  file: string;
  line: number | null;
  key: string;
  message: string;
}

export interface DataFile {
  path: string;
  text: string;
}

export interface Catalogue {
  runbooks: Runbook[];
  fixes: FixCatalogue;
  codes: Record<string, CodeEntry>;
}

export function formatDataError(e: DataError): string {
  return `${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.key ? `${e.key}: ` : ''}${e.message}`;
}

/** Parses and validates one YAML file against a schema. */
export function parseDataFile<S extends z.ZodType>(
  file: DataFile,
  schema: S,
): { value: z.infer<S> | null; errors: DataError[]; lineOf: (path: (string | number)[]) => number | null } {
  const refused = hostileYaml(file.text);
  if (refused) return { value: null, errors: [{ file: file.path, line: null, key: '', message: `refused: ${refused}` }], lineOf: () => null };
  const lc = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lc, prettyErrors: false });
  const lineOf = (path: (string | number)[]) => nodeLine(doc, lc, path);
  if (doc.errors.length > 0) {
    return {
      value: null,
      errors: doc.errors.map((e) => ({
        file: file.path,
        line: lc.linePos(e.pos[0]).line,
        key: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
      lineOf,
    };
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { value: null, errors: [{ file: file.path, line: null, key: '', message: (e as Error).message }], lineOf };
  }
  const parsed = schema.safeParse(js);
  if (parsed.success) return { value: parsed.data, errors: [], lineOf };
  return {
    value: null,
    errors: parsed.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { file: file.path, line: lineOf(path), key: path.join('.'), message: i.message };
    }),
    lineOf,
  };
}

function nodeLine(doc: Document, lc: LineCounter, path: (string | number)[]): number | null {
  let node: Node | null = doc.contents as Node | null;
  let line: number | null = node?.range ? lc.linePos(node.range[0]).line : null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      const k = pair.key as Node;
      if (k.range) line = lc.linePos(k.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      node = (node.items[key] as Node | undefined) ?? null;
      if (node?.range) line = lc.linePos(node.range[0]).line;
    } else break;
  }
  return line;
}

/** Loads everything and cross-checks names: probes, fix ids, codes, thresholds. */
export function loadCatalogue(
  runbookFiles: DataFile[],
  fixesFile: DataFile,
  codesFile: DataFile,
): {
  catalogue: Catalogue;
  errors: DataError[];
} {
  const errors: DataError[] = [];
  const codes = parseDataFile(codesFile, CodesSchema);
  const fixes = parseDataFile(fixesFile, FixCatalogueSchema);
  errors.push(...codes.errors, ...fixes.errors);
  const codeMap = codes.value?.codes ?? {};
  const fixMap = fixes.value?.fixes ?? {};
  const runbooks: Runbook[] = [];
  for (const f of runbookFiles) {
    const rb = parseDataFile(f, RunbookSchema);
    errors.push(...rb.errors);
    if (!rb.value) continue;
    const before = errors.length;
    rb.value.checks.forEach((check, ci) => {
      const at = (sub: (string | number)[]) => rb.lineOf(['checks', ci, ...sub]);
      const err = (sub: (string | number)[], message: string) => errors.push({ file: f.path, line: at(sub), key: ['checks', ci, ...sub].join('.'), message });
      for (const [ti, t] of check.when.entries()) {
        if (!isProbeId(t.probe)) err(['when', ti, 'probe'], unknown('probe', t.probe, Object.keys(PROBES)));
        if (typeof t.value === 'string' && t.value.startsWith('$') && !rb.value!.thresholds[t.value.slice(1)])
          err(['when', ti, 'value'], unknown('threshold', t.value.slice(1), Object.keys(rb.value!.thresholds)));
      }
      for (const [ei, p] of check.evidence.entries()) if (!isProbeId(p)) err(['evidence', ei], unknown('probe', p, Object.keys(PROBES)));
      for (const [fi, id] of check.fixes.entries()) if (!fixMap[id]) err(['fixes', fi], unknown('fix', id, Object.keys(fixMap)));
      if (codes.value && !codeMap[check.code]) err(['code'], unknown('code', check.code, Object.keys(codeMap)));
    });
    if (errors.length === before) runbooks.push(rb.value);
  }
  return { catalogue: { runbooks, fixes: fixMap, codes: codeMap }, errors };
}

function unknown(kind: string, name: string, known: string[]): string {
  const guess = didYouMean(name, known);
  return `unknown ${kind} "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
}
