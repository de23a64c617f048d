// Loads staged-rollout.yaml with the runbooks' machinery: every error as file:line: key: message,
// fix ids checked against fixes.yaml with a did-you-mean, phase ids unique.
import { parseDataFile, type DataError, type DataFile } from '../runbook/load.js';
import { didYouMean } from '../text/did-you-mean.js';
import { CRITERIA, RolloutPlanSchema, type RolloutPlan } from './plan-schema.js';

export function loadRolloutPlan(file: DataFile, knownFixes: readonly string[]): { plan: RolloutPlan | null; errors: DataError[] } {
  const parsed = parseDataFile(file, RolloutPlanSchema);
  if (!parsed.value) return { plan: null, errors: parsed.errors };
  const plan = parsed.value;
  const errors: DataError[] = [];
  for (const c of CRITERIA)
    (plan.fixes[c] ?? []).forEach((id, i) => {
      if (knownFixes.includes(id)) return;
      const guess = didYouMean(id, [...knownFixes]);
      errors.push({
        file: file.path,
        line: parsed.lineOf(['fixes', c, i]),
        key: `fixes.${c}.${i}`,
        message: `unknown fix "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      });
    });
  const seen = new Set<string>();
  plan.phases.forEach((p, i) => {
    if (seen.has(p.id))
      errors.push({ file: file.path, line: parsed.lineOf(['phases', i, 'id']), key: `phases.${i}.id`, message: `phase id "${p.id}" is used twice` });
    seen.add(p.id);
  });
  return { plan: errors.length ? null : plan, errors };
}
