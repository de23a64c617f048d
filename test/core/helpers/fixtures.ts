// The one fixtures module: the repo, and the real upstream Falco files beside it in
// <repo>/../shared/fixtures/falco (CI clones shared/ next to the repo).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../src/core/falco/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** REPO with a trailing slash, for string joins */
export const REPO_ROOT = `${REPO}/`;
export const FIXTURES = path.resolve(REPO, '../shared/fixtures/falco');
/** FIXTURES with a trailing slash */
export const FIXTURES_DIR = `${FIXTURES}/`;
/** the three releases whose falco.yaml sits at the top of fixtures/falco (every release is under releases/) */
export const CONFIG_VERSIONS = ['0.36.2', '0.38.0', '0.44.1'] as const;

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}
export function sample(name: string): string {
  return fixture(`samples/${name}`);
}
export function repoFile(name: string): string {
  return readFileSync(path.join(REPO, name), 'utf8');
}
export function falcoYaml(version: string): SourceFile {
  return { path: `/etc/falco/falco.yaml`, text: fixture(`falco-${version}.yaml`) };
}
/** 1-based line of the first line matching `re` in `text`: an independent way to find a key. */
export function lineOf(text: string, re: RegExp): number {
  const i = text.split('\n').findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matches ${re}`);
  return i + 1;
}
