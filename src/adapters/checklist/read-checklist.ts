// Reads checklists/production.yaml (or --checklist FILE); every error listed by file:line.
import path from 'node:path';
import { formatDataError, type Catalogue } from '../../core/runbook/load.js';
import { qualifiedThresholds } from '../../core/runbook/thresholds.js';
import { loadChecklist } from '../../core/checklist/load.js';
import type { Checklist } from '../../core/checklist/schema.js';
import { UserError } from '../../core/errors.js';
import { dataFolder, readDataPath, shippedFolderLocation } from '../shipped-files.js';

/** Names are checked against the catalogue: its fixes and its runbooks' thresholds ($runbook.name). */
export async function readChecklist(file: string | null, catalogue: Catalogue): Promise<Checklist> {
  const data = await (file ? readDataPath(file) : dataFolder('checklists').read('production.yaml')).catch(() => {
    throw new UserError(`cannot read the checklist ${file ?? path.join(shippedFolderLocation('checklists'), 'production.yaml')}`);
  });
  const { checklist, errors } = loadChecklist(data, Object.keys(catalogue.fixes), Object.keys(qualifiedThresholds(catalogue.runbooks, {})));
  if (!checklist) throw new UserError(`invalid checklist: ${errors.map(formatDataError).join('; ')}`);
  return checklist;
}
