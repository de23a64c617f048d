// Progress for non-UI runs: one line per finished step, on stderr, so stdout holds only the report.
import type { DiagnoseEvent } from '../core/events.js';

const MARK = { ok: 'ok  ', warn: 'warn', failed: 'FAIL', skipped: 'skip' } as const;

export function progressLine(e: DiagnoseEvent): string | null {
  if (e.type !== 'step-finished') return null;
  return `[${MARK[e.status]}] ${e.id}: ${e.detail}`;
}
