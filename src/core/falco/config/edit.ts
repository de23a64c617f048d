// Comment-preserving edits of a Falco YAML file. We never re-stringify the document: the yaml
// package would normalise formatting (`.1` -> `0.1`, quoting, blank lines). Instead we locate the
// node with the Document API and splice only its source range, so every untouched byte stays.
import { createTwoFilesPatch } from 'diff';
import { CST, isMap, isScalar, parseDocument, Parser, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { hostileYaml } from '../../yaml/hostile.js';
import { isScalarValue, lineStart, renderPair, renderScalar, renderValue, trimmedEnd } from './edit-render.js';

export class EditError extends Error {}

/** Parse to the concrete syntax tree and print it back: byte-identical, the baseline for edits. */
export function reserialize(text: string): string {
  let out = '';
  for (const token of new Parser().parse(text)) out += CST.stringify(token);
  return out;
}

function findPair(map: YAMLMap, k: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === k) as Pair | undefined;
}

function parse(text: string) {
  const refused = hostileYaml(text);
  if (refused) throw new EditError(`cannot edit this file: ${refused}`);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new EditError(`cannot edit a file with YAML errors: ${doc.errors[0]?.message ?? ''}`);
  return doc;
}

function setIn(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj;
  path.forEach((k, i) => {
    if (i === path.length - 1) cur[k] = value;
    else {
      if (cur[k] === null || typeof cur[k] !== 'object' || Array.isArray(cur[k])) cur[k] = {};
      cur = cur[k] as Record<string, unknown>;
    }
  });
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Rewrite a flow collection `{...}` as a whole (no comments can live inside one on a single line). */
function rewriteFlow(text: string, node: YAMLMap, rest: string[], value: unknown, unset: boolean): string {
  const js = node.toJSON() as Record<string, unknown>;
  if (unset) {
    const parentPath = rest.slice(0, -1);
    let cur: unknown = js;
    for (const k of parentPath) cur = (cur as Record<string, unknown> | undefined)?.[k];
    if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[rest[rest.length - 1] as string];
  } else setIn(js, rest, value);
  const [start, end] = node.range as [number, number, number];
  return splice(text, start, trimmedEnd(text, end), stringify(js, { collectionStyle: 'flow' }).replace(/\n$/, ''));
}

export function setKey(text: string, path: string[], value: unknown): string {
  if (path.length === 0) throw new EditError('empty key path');
  const doc = parse(text);
  let node: unknown = doc.contents;
  if (node === null || (isScalar(node) && node.value === null)) {
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}${renderPair(path, value, 0)}\n`;
  }
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) throw new EditError(`${path.slice(0, i).join('.')} is not a map`);
    if (node.flow) return rewriteFlow(text, node, path.slice(i), value, false);
    const pair = findPair(node, path[i] as string);
    const keyNode = pair?.key as Node | undefined;
    if (!pair || !keyNode?.range) {
      // Insert after the last pair of this block map, at the indentation of its keys.
      const first = node.items[0]?.key as Node | undefined;
      const indent = first?.range ? first.range[0] - lineStart(text, first.range[0]) : 0;
      const last = node.items[node.items.length - 1];
      const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1] ?? text.length;
      const at = trimmedEnd(text, lastEnd);
      const eol = text.indexOf('\n', at);
      const insertAt = eol < 0 ? text.length : eol;
      return splice(text, insertAt, insertAt, `\n${' '.repeat(indent)}${renderPair(path.slice(i), value, indent)}`);
    }
    const v = pair.value as Node | null;
    const last = i === path.length - 1;
    const indent = keyNode.range[0] - lineStart(text, keyNode.range[0]);
    if (last || !isMap(v)) {
      const colon = text.indexOf(':', keyNode.range[1]);
      const rest = path.slice(i + 1);
      const newValue = rest.length === 0 ? value : null;
      if (rest.length === 0 && isScalarValue(value) && v && isScalar(v) && v.range && v.range[1] > v.range[0]) {
        if (v.value === value) return text; // nothing to change: keep the file byte for byte
        return splice(text, v.range[0], v.range[1], renderScalar(value));
      }
      const start = colon + 1;
      const end = v?.range && v.range[1] > v.range[0] ? trimmedEnd(text, v.range[1]) : start;
      const rendered = rest.length === 0 ? renderValue(newValue, indent) : `\n${' '.repeat(indent + 2)}${renderPair(rest, value, indent + 2)}`;
      return splice(text, start, end, rendered);
    }
    node = v;
  }
  return text;
}

export function unsetKey(text: string, path: string[]): string {
  const doc = parse(text);
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return text;
    if (node.flow) return rewriteFlow(text, node, path.slice(i), undefined, true);
    const pair = findPair(node, path[i] as string);
    if (!pair) return text;
    if (i < path.length - 1) {
      node = pair.value;
      continue;
    }
    // Removing the only key of a nested block would leave `parent:` = null: remove the parent instead.
    if (node.items.length === 1 && i > 0) return unsetKey(text, path.slice(0, i));
    const keyNode = pair.key as Node;
    const start = lineStart(text, keyNode.range?.[0] ?? 0);
    if (text.slice(start, keyNode.range?.[0]).trim() !== '') throw new EditError(`cannot remove ${path.join('.')}: it shares a line with other content`);
    const v = pair.value as Node | null;
    const end = trimmedEnd(text, v?.range?.[1] ?? keyNode.range?.[1] ?? start);
    const eol = text.indexOf('\n', end);
    return splice(text, start, eol < 0 ? text.length : eol + 1, '');
  }
  return text;
}

export function unifiedDiff(fileName: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${fileName}`, `b/${fileName}`, before, after, undefined, undefined, { context: 3 });
  // Drop diff's "Index:"/"====" preamble: plain unified diff, as git prints it.
  return patch
    .split('\n')
    .filter((l, i) => !(i < 2 && (l.startsWith('Index:') || /^=+$/.test(l))))
    .join('\n');
}
