// A fix as a finding, a checklist item or a rollout gate names it: its title, what it would change
// here, and — as data — why it does not apply. One describer for diagnose, the checklist and the
// rollout; screens read `refused`, never the wording of the summary.
import type { FixRef } from '../findings.js';
import type { Catalogue } from '../runbook/load.js';
import type { DiagnosisContext } from '../diagnosis/context.js';
import type { Facts } from '../diagnosis/evaluate.js';
import { describeChange, planFix } from './plan.js';

/** With the measured context, each fix is planned on it; without (the rollout's saved gates), titles only. */
export function fixDescriber(catalogue: Pick<Catalogue, 'fixes'>, measured?: { context: DiagnosisContext; facts: Facts }): (id: string) => FixRef {
  return (id) => {
    const fix = catalogue.fixes[id];
    if (!fix) return { id, title: id, summary: 'unknown fix', refused: { reason: 'unknown fix' } };
    if (!measured) return { id, title: fix.title, summary: '', refused: null };
    const plan = planFix(id, fix, measured.context, measured.facts);
    if (plan.refused) return { id, title: fix.title, summary: `not applicable: ${plan.refused}`, refused: { reason: plan.refused } };
    const summary = [...plan.changes.map(describeChange), ...plan.warnings.map((w) => `warning: ${w}`)].join('; ');
    return { id, title: fix.title, summary, refused: null };
  };
}
