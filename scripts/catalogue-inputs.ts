// Reads the catalogue's inputs from disk: ../shared/fixtures/falco (RELEASES.md names each file and its
// commit) and knowledge/falco-code-reads.json. Used by scripts/gen-catalogue.ts and the drift test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeReads, ReleaseInput, SchemaInput } from '../src/core/falco/catalogue/derive.js';
import type { Catalogue } from '../src/core/falco/catalogue/types.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const FALCO_FIXTURES = fileURLToPath(new URL('../../shared/fixtures/falco/', import.meta.url));
export const CATALOGUE_FILE = `${ROOT}knowledge/falco-config-catalogue.json`;
export const CODE_READS_FILE = `${ROOT}knowledge/falco-code-reads.json`;

export function catalogueInputs(): { releases: ReleaseInput[]; schemas: SchemaInput[]; code: CodeReads } {
  const md = readFileSync(`${FALCO_FIXTURES}RELEASES.md`, 'utf8');
  const rows = [...md.matchAll(/^\| (\S+) \| falcosecurity\/falco \| (\S+) \| ([\d.]+) \| ([0-9a-f]{40}) \|$/gm)];
  const releases = rows
    .filter((m) => m[2] === 'falco.yaml')
    .map((m) => ({ version: m[3] as string, commit: m[4] as string, yaml: readFileSync(`${FALCO_FIXTURES}${m[1]}`, 'utf8') }));
  const schemas = rows
    .filter((m) => (m[1] as string).startsWith('config-schema/'))
    .map((m) => ({ version: m[3] as string, commit: m[4] as string, json: JSON.parse(readFileSync(`${FALCO_FIXTURES}${m[1]}`, 'utf8')) as unknown }));
  const code = JSON.parse(readFileSync(CODE_READS_FILE, 'utf8')) as CodeReads;
  return { releases, schemas, code };
}

/** One key a line: diffs of a regenerated catalogue read key by key. */
export function renderCatalogue(c: Catalogue): string {
  const keys = Object.entries(c.keys).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return [
    '{',
    `  "generatedBy": "npm run catalogue (scripts/gen-catalogue.ts) from ../shared/fixtures/falco and knowledge/falco-code-reads.json",`,
    `  "releases": ${JSON.stringify(c.releases)},`,
    `  "schemaOf": ${JSON.stringify(c.schemaOf)},`,
    `  "sources": [\n${c.sources.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ],`,
    `  "keys": {\n${keys.join(',\n')}\n  }`,
    '}',
    '',
  ].join('\n');
}
