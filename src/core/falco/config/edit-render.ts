// Rendering and offset helpers for edit.ts: new YAML text in block style at a given indentation.
import { stringify } from 'yaml';

export const isScalarValue = (v: unknown): boolean => v === null || typeof v !== 'object';

export function renderScalar(v: unknown): string {
  return stringify(v).replace(/\n$/, '');
}

/** `key: value` as block YAML whose first line starts at column `indent` (the caller writes that indent). */
export function renderPair(path: string[], value: unknown, indent: number): string {
  const [head, ...rest] = path;
  const pad = ' '.repeat(indent + 2);
  if (rest.length > 0) return `${head}:\n${pad}${renderPair(rest, value, indent + 2)}`;
  return `${head}:${renderValue(value, indent)}`;
}

export function renderValue(value: unknown, indent: number): string {
  if (isScalarValue(value)) return ` ${renderScalar(value)}`;
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0) return Array.isArray(value) ? ' []' : ' {}';
  const pad = ' '.repeat(indent + 2);
  const body = stringify(value).replace(/\n$/, '');
  return `\n${body
    .split('\n')
    .map((l) => pad + l)
    .join('\n')}`;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of a node's text without the trailing newlines/spaces the parser folds into block ranges. */
export function trimmedEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
