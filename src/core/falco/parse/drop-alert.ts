// The "Falco internal: syscall event drop" alert (userspace/falco/event_drops.cpp), json_output on
// or off, and the same message written by the `log` action.
import { parseFieldTail, parseJsonObject, TEXT_TIME, toNumber } from './text-fields.js';

export interface DropAlert {
  time: string | null;
  nDrops: number;
  nEvts: number;
  fields: Record<string, number>;
  format: 'json' | 'text';
  /** 'log': the `log` action's stderr line (falco_logger at DEBUG: "<time>: Falco internal: ..." with no
   *  priority and no fields, event_drops.cpp@0.42.1:149); 'alert': the alert, on stdout. With actions
   *  [log, alert] and log_level debug, one drop writes both: count it once (dedupeDropAlerts). */
  via: 'alert' | 'log';
}

/** Each `log` line that repeats an alert of the same drop count is dropped (one drop, one count). */
export function dedupeDropAlerts(alerts: DropAlert[]): DropAlert[] {
  const alertCounts = new Map<number, number>();
  for (const a of alerts) if (a.via === 'alert') alertCounts.set(a.nDrops, (alertCounts.get(a.nDrops) ?? 0) + 1);
  return alerts.filter((a) => {
    if (a.via === 'alert') return true;
    const left = alertCounts.get(a.nDrops) ?? 0;
    if (left === 0) return true;
    alertCounts.set(a.nDrops, left - 1);
    return false;
  });
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
      via: 'alert',
    };
  }
  const m = MESSAGE.exec(line);
  if (!m) return null;
  const paren = line.indexOf('(', m.index);
  const fields = paren >= 0 ? numericFields(parseFieldTail(line.slice(paren))) : {};
  // the alert names its priority ("Debug Falco internal: ..."); the log action's line does not
  const head = line.slice(0, Math.max(0, m.index - 'Falco internal: '.length));
  const via = paren < 0 && !/\b(Debug|Informational|Notice|Warning|Error|Critical|Alert|Emergency)\s*$/.test(head) ? 'log' : 'alert';
  return {
    time: TEXT_TIME.exec(line)?.[1] ?? null,
    nDrops: fields['n_drops'] ?? Number(m[1]),
    nEvts: fields['n_evts'] ?? 0,
    fields,
    format: 'text',
    via,
  };
}
