// Checklist items + what was measured → results with evidence. Pure. A confirmation counts only for an
// item that allows one and whose automatic check did not pass; a passing check needs no word for it.
import type { Diagnosis } from '../diagnosis/diagnose.js';
import type { Facts } from '../diagnosis/evaluate.js';
import { runTest } from '../diagnosis/evaluate.js';
import { PROBES, isProbeId } from '../diagnosis/probes/index.js';
import { formatValue } from '../diagnosis/format.js';
import type { Runbook } from '../runbook/schema.js';
import type { FixRef } from '../findings.js';
import { runBuiltin, type BuiltinInputs } from './builtins.js';
import { isRecordEvidence, type Checklist, type ChecklistItem, type RecordEvidence } from './schema.js';
import type { ProofView } from '../canary/proof.js';
import { assertNever } from '../assert-never.js';
import type { ChecklistEvidence, Confirmation, ItemResult } from './results.js';

export interface ChecklistInputs extends BuiltinInputs {
  facts: Facts;
  confirmations: Record<string, Confirmation>;
  describeFix: (id: string) => FixRef;
  /** qualified runbook thresholds in force (core/runbook/thresholds.ts): the numbers diagnose judges by */
  thresholds: Record<string, number>;
  /** the last canary's proof (state dir), shown where an item lists detection.last_proof */
  detection: ProofView;
}

/** What the checklist takes of a diagnosis: its facts, effective config, version and refusals, so an
 *  item judges Falco as diagnose does. */
export function diagnosisInputs(d: Diagnosis): Pick<ChecklistInputs, 'facts' | 'config' | 'falcoVersion' | 'refusals'> {
  return { facts: d.facts, config: d.context.config, falcoVersion: d.context.version.version, refusals: d.context.refusals };
}

/** runTest resolves `$name` operands through a runbook: one holding the runbooks' thresholds as in force. */
function thresholdBook(thresholds: Record<string, number>): Runbook {
  const entries = Object.entries(thresholds).map(([k, v]) => [k, { default: v, description: k }] as const);
  return { id: 'checklist', title: 'checklist', description: '', thresholds: Object.fromEntries(entries), checks: [] };
}

export function evaluateChecklist(list: Checklist, inp: ChecklistInputs): ItemResult[] {
  return list.items.map((item) => evaluateItem(item, inp));
}

function evaluateItem(item: ChecklistItem, inp: ChecklistInputs): ItemResult {
  const { automatic, evidence } = automaticCheck(item, inp);
  const confirmation = item.confirm ? (inp.confirmations[item.id] ?? null) : null;
  const status = automatic === 'pass' ? 'pass' : confirmation ? 'confirmed' : automatic;
  return {
    id: item.id,
    title: item.title,
    status,
    automatic,
    evidence,
    fixes: status === 'pass' ? [] : item.fixes.map(inp.describeFix),
    remedy: item.remedy ?? null,
    confirm: item.confirm ?? null,
    confirmation,
  };
}

function automaticCheck(item: ChecklistItem, inp: ChecklistInputs): { automatic: ItemResult['automatic']; evidence: ChecklistEvidence[] } {
  const extra = item.evidence.map((id) => (isRecordEvidence(id) ? recordEvidence(id, inp) : probeEvidence(id, inp.facts)));
  if ('builtin' in item.check) {
    const v = runBuiltin(item.check.builtin, inp);
    return { automatic: v.status, evidence: [...v.evidence, ...extra] };
  }
  const book = thresholdBook(inp.thresholds);
  const outcomes = item.check.probes.map((t) => runTest(t, inp.facts, book, { codes: {}, thresholds: {}, describeFix: inp.describeFix }));
  const shown = (v: (typeof item.check.probes)[number]['value']): string =>
    Array.isArray(v) ? v.join(', ') : typeof v === 'string' && v.startsWith('$') ? `${inp.thresholds[v.slice(1)] ?? v} (${v.slice(1)})` : String(v);
  const evidence = item.check.probes.map((t) => ({ ...probeEvidence(t.probe, inp.facts), expected: `${t.op} ${shown(t.value)}` }));
  const automatic = outcomes.includes('fail') ? 'fail' : outcomes.every((o) => o === 'pass') ? 'pass' : 'unknown';
  return { automatic, evidence: [...evidence, ...extra] };
}

function recordEvidence(id: RecordEvidence, inp: ChecklistInputs): ChecklistEvidence {
  switch (id) {
    case 'detection.last_proof':
      return {
        label: 'Detection (last canary)',
        observed: inp.detection.line,
        source: "state dir: canary.json (falco-doctor canary, or a change's verification)",
      };
    default:
      return assertNever(id);
  }
}

function probeEvidence(id: string, facts: Facts): ChecklistEvidence {
  if (!isProbeId(id)) return { label: id, observed: 'unknown probe', source: '' };
  const p = PROBES[id];
  return { label: p.label, observed: formatValue(facts[id] ?? null, p.unit), source: p.source };
}

export function checklistPassed(results: readonly ItemResult[]): boolean {
  return results.every((r) => r.status === 'pass' || r.status === 'confirmed');
}
