// Text marks carry the meaning; colour only repeats it (so NO_COLOR loses nothing).
import type { StepStatus } from '../../core/events.js';
import { assertNever, type Severity } from '../../core/findings.js';
import type { RunbookResult } from '../../core/report.js';
import type { Tone } from '../theme.js';

export interface Mark {
  symbol: string;
  tone: Tone;
}

export function stepMark(status: StepStatus): Mark {
  switch (status) {
    case 'ok':
      return { symbol: '✔', tone: 'ok' };
    case 'warn':
      return { symbol: '⚠', tone: 'warning' };
    case 'failed':
      return { symbol: '✖', tone: 'critical' };
    case 'skipped':
      return { symbol: '–', tone: 'muted' };
    default:
      return assertNever(status);
  }
}

/** Upper-case words padded to one width, so a list of findings lines up. */
export function severityMark(severity: Severity): Mark {
  switch (severity) {
    case 'critical':
      return { symbol: 'CRITICAL', tone: 'critical' };
    case 'warning':
      return { symbol: 'WARNING ', tone: 'warning' };
    case 'info':
      return { symbol: 'INFO    ', tone: 'info' };
    default:
      return assertNever(severity);
  }
}

export function runbookMark(status: RunbookResult['status']): Mark {
  switch (status) {
    case 'problem':
      return { symbol: '✖ problem', tone: 'critical' };
    case 'clear':
      return { symbol: '✔ clear  ', tone: 'ok' };
    default:
      return assertNever(status);
  }
}
