// How a measured value reads in findings, evidence and reports.
import type { FactValue } from '../report.js';
import { formatBytes } from '../falco/presets.js';
import { assertNever } from '../findings.js';
import type { Unit } from './probes/index.js';

export function formatValue(v: FactValue, unit: Unit): string {
  if (v === null) return 'not measured';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  switch (unit) {
    case 'percent':
      return `${round(v)} %`;
    case 'bytes':
      return formatBytes(v);
    case 'count':
    case 'preset':
      return Number.isInteger(v) ? String(v) : round(v);
    case 'per-min':
      return `${round(v)}/min`;
    case 'per-sec':
      return `${round(v)}/s`;
    case 'cpus':
      return `${round(v)} CPU`;
    case 'ratio':
      return round(v);
    case 'text':
    case 'bool':
      return String(v);
    default:
      return assertNever(unit);
  }
}

function round(v: number): string {
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2).replace(/\.?0+$/, '') || '0';
}
