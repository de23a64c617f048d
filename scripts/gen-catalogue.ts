// Regenerates knowledge/falco-config-catalogue.json from ../shared/fixtures/falco (the shipped falco.yaml
// of every release in RELEASES.md, the config schemas) and knowledge/falco-code-reads.json.
//   npm run catalogue            write it
//   npm run catalogue -- --check exit 1 when the committed file differs from what the data gives
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueInputs, CATALOGUE_FILE, renderCatalogue } from './catalogue-inputs.js';
import { deriveCatalogue } from '../src/core/falco/catalogue/derive.js';

const text = renderCatalogue(deriveCatalogue(catalogueInputs()));
if (process.argv.includes('--check')) {
  const same = readFileSync(CATALOGUE_FILE, 'utf8') === text;
  console.log(same ? 'catalogue: up to date' : 'catalogue: DRIFT — run npm run catalogue and review the diff');
  process.exit(same ? 0 : 1);
}
writeFileSync(CATALOGUE_FILE, text);
const n = Object.keys(JSON.parse(text).keys).length;
console.log(`catalogue: ${n} keys over ${JSON.parse(text).releases.length} releases -> ${CATALOGUE_FILE}`);
