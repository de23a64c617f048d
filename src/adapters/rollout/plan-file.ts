// Reads checklists/staged-rollout.yaml (or --plan FILE) and validates it; every error listed by file:line.
import path from 'node:path';
import { formatDataError } from '../../core/runbook/load.js';
import { loadRolloutPlan } from '../../core/rollout/load-plan.js';
import type { RolloutPlan } from '../../core/rollout/plan-schema.js';
import { UserError } from '../../core/errors.js';
import { dataFolder, readDataPath, shippedFolderLocation } from '../shipped-files.js';

export async function readRolloutPlan(file: string | null, knownFixes: readonly string[]): Promise<RolloutPlan> {
  const data = await (file ? readDataPath(file) : dataFolder('checklists').read('staged-rollout.yaml')).catch(() => {
    throw new UserError(`cannot read the rollout plan ${file ?? path.join(shippedFolderLocation('checklists'), 'staged-rollout.yaml')}`);
  });
  const { plan, errors } = loadRolloutPlan(data, knownFixes);
  if (!plan) throw new UserError(`invalid rollout plan: ${errors.map(formatDataError).join('; ')}`);
  return plan;
}
