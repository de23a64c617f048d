// Reads the runbook, fix and code files shipped with the tool (runbooks/, see shipped-files.ts) and
// validates them; any error stops the run with every problem listed by file and line.
import { loadCatalogue, formatDataError, type Catalogue } from '../core/runbook/load.js';
import { UserError } from '../core/errors.js';
import { dataFolder } from './shipped-files.js';

export { packageRoot } from './shipped-files.js';

/** `dir`: a runbooks folder on disk; default the shipped one (embedded in the single-file build). */
export async function readCatalogue(dir?: string): Promise<Catalogue> {
  const folder = dataFolder('runbooks', dir);
  // canaries.yaml sits beside the runbooks but is its own catalogue (adapters/canary/read-canaries.ts)
  const names = (await folder.names()).filter((n) => n.endsWith('.yaml') && !['fixes.yaml', 'codes.yaml', 'canaries.yaml'].includes(n));
  const runbookFiles = await Promise.all(names.map((n) => folder.read(n)));
  const { catalogue, errors } = loadCatalogue(runbookFiles, await folder.read('fixes.yaml'), await folder.read('codes.yaml'));
  if (errors.length > 0) {
    const [first, ...more] = errors.map(formatDataError);
    throw new UserError(`invalid runbook data: ${first}${more.length ? ` (and ${more.length} more: ${more.join('; ')})` : ''}`);
  }
  return catalogue;
}
