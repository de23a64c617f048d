// evaluate(runbook, facts) → findings. Pure: the same facts always give the same findings.
import type { FactValue } from '../report.js';
import type { Evidence, Finding, FixRef } from '../findings.js';
import type { Check, Runbook, Test, CodeEntry } from '../runbook/schema.js';
import { PROBES, isProbeId, type Probe } from './probes/index.js';
import { formatValue } from './format.js';

export type Facts = Record<string, FactValue>;

export interface EvaluateOptions {
  codes: Record<string, CodeEntry>;
  /** runbook threshold overrides, keyed `name` or `runbook.name` */
  thresholds: Record<string, number>;
  describeFix: (id: string) => FixRef;
  /** the target is a Kubernetes pod: evidence names the Kubernetes sources */
  kube?: boolean;
}

export type TestOutcome = 'pass' | 'fail' | 'unknown';

export function evaluateRunbook(rb: Runbook, facts: Facts, opts: EvaluateOptions): Finding[] {
  const findings: Finding[] = [];
  for (const check of rb.checks) {
    const outcomes = check.when.map((t) => runTest(t, facts, rb, opts));
    if (outcomes.every((o) => o === 'pass')) findings.push(toFinding(rb, check, facts, opts));
  }
  return findings;
}

export function thresholdValue(rb: Runbook, name: string, opts: Pick<EvaluateOptions, 'thresholds'>): number {
  const t = rb.thresholds[name];
  if (!t) throw new Error(`runbook ${rb.id}: unknown threshold $${name}`);
  return opts.thresholds[`${rb.id}.${name}`] ?? opts.thresholds[name] ?? t.default;
}

function resolveOperand(v: Test['value'], rb: Runbook, opts: EvaluateOptions): Test['value'] {
  return typeof v === 'string' && v.startsWith('$') ? thresholdValue(rb, v.slice(1), opts) : v;
}

export function runTest(t: Test, facts: Facts, rb: Runbook, opts: EvaluateOptions): TestOutcome {
  const actual = facts[t.probe];
  if (actual === null || actual === undefined) return 'unknown';
  const expected = resolveOperand(t.value, rb, opts);
  return compare(actual, t.op, expected) ? 'pass' : 'fail';
}

function compare(actual: string | number | boolean, op: Test['op'], expected: Test['value']): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return typeof expected === 'number' && typeof actual === 'number' && actual > expected;
    case 'gte':
      return typeof expected === 'number' && typeof actual === 'number' && actual >= expected;
    case 'lt':
      return typeof expected === 'number' && typeof actual === 'number' && actual < expected;
    case 'lte':
      return typeof expected === 'number' && typeof actual === 'number' && actual <= expected;
    case 'in':
      return Array.isArray(expected) && (expected as (string | number)[]).includes(actual as string | number);
    case 'regex':
      return typeof expected === 'string' && new RegExp(expected).test(String(actual));
  }
}

function toFinding(rb: Runbook, check: Check, facts: Facts, opts: EvaluateOptions): Finding {
  const code = opts.codes[check.code];
  if (!code) throw new Error(`runbook ${rb.id}: code ${check.code} is not in codes.yaml`);
  const tested = check.when.map((t) => t.probe);
  const probes = [...new Set([...tested, ...check.evidence])];
  const evidence: Evidence[] = probes.filter(isProbeId).map((id) => {
    const p: Probe = PROBES[id];
    const test = check.when.find((t) => t.probe === id);
    return {
      fact: id,
      label: p.label,
      observed: formatValue(facts[id] ?? null, p.unit),
      ...(test ? { expected: `${opLabel(test.op)} ${renderOperand(resolveOperand(test.value, rb, opts), p.unit)}` } : {}),
      source: opts.kube && p.kubeSource ? p.kubeSource : p.source,
    };
  });
  return {
    code: check.code,
    severity: code.severity,
    runbook: rb.id,
    title: fillTemplate(check.title, facts),
    cause: check.cause,
    explanation: fillTemplate(check.explain, facts),
    evidence,
    fixes: check.fixes.map(opts.describeFix),
  };
}

const OP_LABELS: Record<Test['op'], string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'one of',
  regex: 'matches',
};
function opLabel(op: Test['op']): string {
  return OP_LABELS[op];
}

function renderOperand(v: Test['value'], unit: Parameters<typeof formatValue>[1]): string {
  if (Array.isArray(v)) return v.join(', ');
  return formatValue(v, unit);
}

/** Replaces {probe.id} with the formatted measured value. */
export function fillTemplate(text: string, facts: Facts): string {
  return text.replace(/\{([a-z_]+\.[a-z_.]+)\}/g, (whole, id: string) => (isProbeId(id) ? formatValue(facts[id] ?? null, PROBES[id].unit) : whole));
}
