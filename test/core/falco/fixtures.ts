// Real upstream files live beside the repo: <repo>/../shared/fixtures/falco (CI clones shared/ next to it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../src/core/falco/index.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures/falco/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONFIG_VERSIONS = ['0.36.2', '0.38.0', '0.44.1'] as const;

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
}
export function sample(name: string): string {
  return fixture(`samples/${name}`);
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
