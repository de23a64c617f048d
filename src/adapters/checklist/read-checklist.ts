// Reads checklists/production.yaml (or --checklist FILE); every error listed by file:line.
import path from 'node:path';
import { formatDataError } from '../../core/runbook/load.js';
import { loadChecklist } from '../../core/checklist/load.js';
import type { Checklist } from '../../core/checklist/schema.js';
import { UserError } from '../../core/errors.js';
import { dataFolder, readDataPath, shippedFolderLocation } from '../shipped-files.js';

export async function readChecklist(file: string | null, knownFixes: readonly string[]): Promise<Checklist> {
  const data = await (file ? readDataPath(file) : dataFolder('checklists').read('production.yaml')).catch(() => {
    throw new UserError(`cannot read the checklist ${file ?? path.join(shippedFolderLocation('checklists'), 'production.yaml')}`);
  });
  const { checklist, errors } = loadChecklist(data, knownFixes);
  if (!checklist) throw new UserError(`invalid checklist: ${errors.map(formatDataError).join('; ')}`);
  return checklist;
}
