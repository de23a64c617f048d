// Reads checklists/production.yaml (or --checklist FILE); every error listed by file:line.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDataError } from '../../core/runbook/load.js';
import { loadChecklist } from '../../core/checklist/load.js';
import type { Checklist } from '../../core/checklist/schema.js';
import { UserError } from '../../core/errors.js';
import { packageRoot } from '../catalogue-files.js';

export async function readChecklist(file: string | null, knownFixes: readonly string[]): Promise<Checklist> {
  const p = file ?? path.join(packageRoot(), 'checklists', 'production.yaml');
  const text = await readFile(p, 'utf8').catch(() => {
    throw new UserError(`cannot read the checklist ${p}`);
  });
  const { checklist, errors } = loadChecklist({ path: path.relative(process.cwd(), p) || p, text }, knownFixes);
  if (!checklist) throw new UserError(`invalid checklist: ${errors.map(formatDataError).join('; ')}`);
  return checklist;
}
