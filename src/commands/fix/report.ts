// Plain-text renderings of a transaction's outcome and of the journal, for stdout and pipes.
import { targetName, type JournalEntry, type Measure } from '../../core/fix/journal-entry.js';
import type { ChangeResult } from '../../adapters/change/engine.js';
import { formatValue } from '../../core/diagnosis/format.js';
import { PROBES, isProbeId } from '../../core/diagnosis/probes/index.js';

export function formatMeasure(m: Measure): string {
  const show = (v: Measure['before']) => (isProbeId(m.fact) ? formatValue(v, PROBES[m.fact].unit) : String(v));
  return `${m.label} (${m.fact}): ${show(m.before)} → ${show(m.after)}`;
}

export function formatResult(r: ChangeResult<'docker'>): string {
  const e = r.entry;
  switch (r.outcome) {
    case 'verified':
      return `applied and verified: ${e.title} (journal ${e.id})\n${e.measures.map((m) => `  ${formatMeasure(m)}\n`).join('')}undo with: falco-doctor rollback ${e.id}\n`;
    case 'reverted':
      return `the fix failed verification and was undone: ${r.failure}\n  files and limits are back as they were (journal ${e.id})\n`;
    case 'rollback-incomplete':
      return `the fix failed (${r.failure}) and the undo could not complete. Do this by hand:\n${r.manualSteps.map((s) => `  - ${s}\n`).join('')}`;
  }
}

export function formatHistory(entries: readonly JournalEntry[]): string {
  if (entries.length === 0) return 'no changes recorded\n';
  return entries
    .map((e) => {
      const head = `${e.id}  ${e.state}  ${e.fixId} on ${targetName(e.target)}  ${e.createdAt}`;
      const lines = [...e.changes.map((c) => `    ${c}`), ...e.measures.map((m) => `    ${formatMeasure(m)}`)];
      return [head, ...lines].join('\n');
    })
    .join('\n')
    .concat('\n');
}
