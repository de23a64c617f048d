// Before/after figures for a fix: the evidence of the findings that offered it (the probes that raised
// them), plus the headline figures of what the fix touches. Pure: facts in, measures out.
import type { Finding } from '../findings.js';
import type { FactValue } from '../report.js';
import type { Measure } from './journal-entry.js';
import type { FixPlan } from './plan.js';
import { PROBES, isProbeId } from '../diagnosis/probes/index.js';

const HEADLINES: Record<string, string[]> = {
  'config-set': ['drops.counted', 'drops.per_min', 'mem.usage_bytes', 'cpu.percent'],
  'config-unset': ['drops.counted', 'drops.per_min', 'mem.usage_bytes', 'cpu.percent'],
  'disable-rules': ['cpu.percent', 'rules.enabled', 'cpu.throttled_percent'],
  limits: ['cpu.throttled_percent', 'mem.limit_percent', 'drops.per_min'],
};

export function factsToWatch(plan: FixPlan, findings: readonly Finding[]): string[] {
  const ids = new Set<string>();
  for (const f of findings) if (f.fixes.some((x) => x.id === plan.id)) for (const e of f.evidence) ids.add(e.fact);
  for (const c of plan.changes) for (const id of HEADLINES[c.kind] ?? []) ids.add(id);
  return [...ids].filter(isProbeId);
}

export function measures(ids: readonly string[], before: Record<string, FactValue>, after: Record<string, FactValue>): Measure[] {
  return ids.map((fact) => ({
    fact,
    label: isProbeId(fact) ? PROBES[fact].label : fact,
    before: before[fact] ?? null,
    after: after[fact] ?? null,
  }));
}

/** The findings that offered this fix and are still raised after it. */
export function stillRaised(fixId: string, before: readonly Finding[], after: readonly Finding[]): string[] {
  const codes = before.filter((f) => f.fixes.some((x) => x.id === fixId)).map((f) => f.code);
  return after.filter((f) => codes.includes(f.code)).map((f) => f.code);
}
