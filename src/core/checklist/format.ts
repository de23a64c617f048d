// Checklist results as text (markdown-ish, for pipes and CI) and the one-character marks the TUI shares.
import { assertNever } from '../assert-never.js';
import type { ItemResult, ItemStatus } from './results.js';

export function statusMark(s: ItemStatus): string {
  switch (s) {
    case 'pass':
      return '✔';
    case 'confirmed':
      return '✔';
    case 'fail':
      return '✖';
    case 'unknown':
      return '?';
    default:
      return assertNever(s);
  }
}

export function formatChecklist(results: readonly ItemResult[], target: string): string {
  const lines = [`Production checklist for ${target}`, ''];
  for (const r of results) {
    lines.push(
      `${statusMark(r.status)} ${r.status.padEnd(9)} ${r.title}${r.confirmation ? ` (confirmed by ${r.confirmation.by} ${r.confirmation.at}: ${r.confirmation.note})` : ''}`,
    );
    if (r.status === 'pass' || r.status === 'confirmed') continue;
    for (const e of r.evidence) lines.push(`      ${e.label}: ${e.observed}${e.expected ? ` (expected ${e.expected})` : ''}`);
    for (const f of r.fixes) lines.push(`      fix: falco-doctor fix ${f.id} — ${f.title}${f.summary ? `: ${f.summary}` : ''}`);
    if (r.remedy) lines.push(`      remedy: ${r.remedy}`);
    if (r.confirm) lines.push(`      or confirm: falco-doctor checklist confirm ${r.id} --note "..." (${r.confirm})`);
  }
  const passed = results.filter((r) => r.status === 'pass' || r.status === 'confirmed').length;
  lines.push('', `${passed}/${results.length} items pass`);
  return `${lines.join('\n')}\n`;
}
