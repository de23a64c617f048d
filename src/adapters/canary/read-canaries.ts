// Reads runbooks/canaries.yaml (shipped, or embedded in the single-file build) and validates it; a
// mistake stops the run with file:line:key, as the runbooks' do.
import { formatDataError } from '../../core/runbook/load.js';
import { loadCanaries, type Canary } from '../../core/canary/schema.js';
import { UserError } from '../../core/errors.js';
import { dataFolder } from '../shipped-files.js';

export async function readCanaries(dir?: string): Promise<Canary[]> {
  const { canaries, errors } = loadCanaries(await dataFolder('runbooks', dir).read('canaries.yaml'));
  const [first, ...more] = errors.map(formatDataError);
  if (first) throw new UserError(`invalid canary data: ${first}${more.length ? ` (and ${more.length} more: ${more.join('; ')})` : ''}`);
  return canaries;
}
