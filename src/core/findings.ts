// Findings are results: they never mutate the runbook definitions that produced them.
import { assertNever } from './assert-never.js';
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse; used for sorting and for `--fail-on`. */
export function severityRank(s: Severity): number {
  switch (s) {
    case 'critical':
      return 3;
    case 'warning':
      return 2;
    case 'info':
      return 1;
    default:
      return assertNever(s);
  }
}

export { assertNever } from './assert-never.js';

export interface Evidence {
  /** fact id, e.g. `cpu.quota_percent` */
  fact: string;
  label: string;
  observed: string;
  /** the threshold it was compared against, rendered */
  expected?: string;
  /** where the value came from: a probe, a file:line, a log line */
  source: string;
}

export interface FixRef {
  id: string;
  title: string;
  /** one line: what the fix would change (or why it does not apply) */
  summary: string;
  /** why the fix cannot be applied here, as data; null when it can */
  refused: { reason: string } | null;
}

export interface Finding {
  /** stable code from runbooks/codes.yaml, e.g. FD-DROP-BUFFER */
  code: string;
  severity: Severity;
  runbook: string;
  title: string;
  /** the cause, named: e.g. buffer-capacity, cpu-starvation */
  cause: string;
  /** rendered explanation with the evidence values filled in */
  explanation: string;
  evidence: Evidence[];
  fixes: FixRef[];
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.code.localeCompare(b.code));
}
