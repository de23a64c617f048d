// A probe: one value a runbook may test, with its unit and where it comes from.
import type { FactValue } from '../../report.js';
import type { DiagnosisContext } from '../context.js';

export type Unit = 'percent' | 'bytes' | 'count' | 'per-min' | 'per-sec' | 'cpus' | 'ratio' | 'text' | 'bool' | 'preset';

export interface Probe {
  label: string;
  unit: Unit;
  /** where the value comes from, shown as evidence source */
  source: string;
  /** where it comes from when the target is a Kubernetes pod (diagnose --kube), when that differs */
  kubeSource?: string;
  compute: (ctx: DiagnosisContext) => FactValue;
}

export const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
export const pct = (a: number | null, b: number | null) => {
  const r = ratio(a, b);
  return r === null ? null : r * 100;
};
