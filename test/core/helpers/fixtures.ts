// Paths to the real upstream Falco files in ../shared/fixtures/falco (beside the repo, as in CI).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.resolve(REPO, '../shared/fixtures/falco');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function repoFile(name: string): string {
  return readFileSync(path.join(REPO, name), 'utf8');
}
