// The "Falco internal: syscall event drop" alert (userspace/falco/event_drops.cpp), json_output on
// or off, and the same message written by the `log` action.
import { parseFieldTail, parseJsonObject, TEXT_TIME, toNumber } from './text-fields.js';

export interface DropAlert {
  time: string | null;
  nDrops: number;
  nEvts: number;
  fields: Record<string, number>;
  format: 'json' | 'text';
}

export const DROP_RULE = 'Falco internal: syscall event drop';
const MESSAGE = /syscall event drop\. (\d+) system calls dropped in last second\./;

function numericFields(src: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(src)) {
    const n = toNumber(v);
    if (n !== null) out[k] = n;
  }
  return out;
}

export function parseDropAlert(line: string): DropAlert | null {
  if (!line.includes('syscall event drop')) return null; // cheap reject: most lines are other alerts
  const json = parseJsonObject(line);
  if (json) {
    if (json['rule'] !== DROP_RULE) return null;
    const of = json['output_fields'];
    const fields = of && typeof of === 'object' ? numericFields(of as Record<string, unknown>) : {};
    const fromMsg = MESSAGE.exec(String(json['output'] ?? ''));
    return {
      time: typeof json['time'] === 'string' ? json['time'] : null,
      nDrops: fields['n_drops'] ?? (fromMsg ? Number(fromMsg[1]) : 0),
      nEvts: fields['n_evts'] ?? 0,
      fields,
      format: 'json',
    };
  }
  const m = MESSAGE.exec(line);
  if (!m) return null;
  const paren = line.indexOf('(', m.index);
  const fields = paren >= 0 ? numericFields(parseFieldTail(line.slice(paren))) : {};
  return {
    time: TEXT_TIME.exec(line)?.[1] ?? null,
    nDrops: fields['n_drops'] ?? Number(m[1]),
    nEvts: fields['n_evts'] ?? 0,
    fields,
    format: 'text',
  };
}
