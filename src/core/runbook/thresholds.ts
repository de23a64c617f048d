// Every runbook threshold by its qualified name ("memory-pressure.budget_percent"), with the value in
// force: the operator's --threshold (qualified, or by its bare name as diagnose accepts it), else the
// runbook's default. The checklist judges by the same numbers diagnose does.
import type { Runbook } from './schema.js';

export function qualifiedThresholds(runbooks: readonly Runbook[], overrides: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rb of runbooks)
    for (const [name, t] of Object.entries(rb.thresholds)) out[`${rb.id}.${name}`] = overrides[`${rb.id}.${name}`] ?? overrides[name] ?? t.default;
  return out;
}
