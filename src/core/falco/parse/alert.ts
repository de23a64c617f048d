// One Falco alert line from stdout or file_output, json_output on or off.
import { parseJsonObject, TEXT_TIME } from './text-fields.js';

export interface AlertLine {
  time: string | null;
  priority: string;
  /** Rule name; text output does not carry it, except for Falco's internal alerts. */
  rule: string | null;
  output: string;
  format: 'json' | 'text';
}

// Falco's priorities as printed (falco_common.cpp priority names).
export const PRIORITIES = ['Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug'] as const;
const TEXT_ALERT = new RegExp(`^(?:${TEXT_TIME.source})(${PRIORITIES.join('|')}) (.*)$`);

export function parseAlertLine(line: string): AlertLine | null {
  const json = parseJsonObject(line);
  if (json) {
    if (typeof json['priority'] !== 'string' || typeof json['output'] !== 'string') return null;
    return {
      time: typeof json['time'] === 'string' ? json['time'] : null,
      priority: json['priority'],
      rule: typeof json['rule'] === 'string' ? json['rule'] : null,
      output: json['output'],
      format: 'json',
    };
  }
  const m = TEXT_ALERT.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  const output = m[3] as string;
  const rule = output.startsWith('Falco internal: syscall event drop')
    ? 'Falco internal: syscall event drop'
    : output.startsWith('Falco metrics snapshot')
      ? 'Falco internal: metrics snapshot'
      : null;
  return { time: m[1] ?? null, priority: m[2] as string, rule, output, format: 'text' };
}
