// Reads checklists/staged-rollout.yaml (or --plan FILE) and validates it; every error listed by file:line.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDataError } from '../../core/runbook/load.js';
import { loadRolloutPlan } from '../../core/rollout/load-plan.js';
import type { RolloutPlan } from '../../core/rollout/plan-schema.js';
import { UserError } from '../../core/errors.js';
import { packageRoot } from '../catalogue-files.js';

export async function readRolloutPlan(file: string | null, knownFixes: readonly string[]): Promise<RolloutPlan> {
  const p = file ?? path.join(packageRoot(), 'checklists', 'staged-rollout.yaml');
  const text = await readFile(p, 'utf8').catch(() => {
    throw new UserError(`cannot read the rollout plan ${p}`);
  });
  const { plan, errors } = loadRolloutPlan({ path: path.relative(process.cwd(), p) || p, text }, knownFixes);
  if (!plan) throw new UserError(`invalid rollout plan: ${errors.map(formatDataError).join('; ')}`);
  return plan;
}
