// One entry's detail as lines, so the view can scroll it a terminal's height at a time: what changed,
// the files the undo restores, before → after figures, and the transaction's own log.
import type { Tone } from '../theme.js';
import type { WrappableLine } from '../home/wrap.js';
import { formatClock } from '../home/format.js';
import { formatWhen, type ChangeView } from './change-view.js';

export interface DetailLine extends WrappableLine {
  tone?: Tone;
  bold?: boolean;
}

export function detailLines(c: ChangeView): DetailLine[] {
  const section = (title: string, items: readonly string[], empty: string): DetailLine[] => [
    { text: title, bold: true },
    ...(items.length === 0 ? [{ text: `  ${empty}`, tone: 'muted' as const }] : items.map((text) => ({ text: `  ${text}` }))),
  ];
  return [
    { text: c.title, bold: true },
    { text: `id ${c.id}`, tone: 'muted' },
    { text: `${c.state} · ${c.fixId} on ${c.container} · made ${formatWhen(c.createdAt)}${c.finishedAt ? ` · last step ${formatWhen(c.finishedAt)}` : ''}` },
    ...overlapWarning(c),
    ...section('Changes', c.changes, 'none recorded'),
    ...section('Files (restored byte for byte by an undo)', c.files, 'none: container settings only'),
    ...section('Before → after', c.measures, 'no re-measure recorded'),
    ...section(
      'Log',
      c.log.map((l) => `${formatClock(l.t)} ${l.message}`),
      'empty',
    ),
  ];
}

/** Undoing an older change puts its files back as they were before it, over anything done since. */
export function overlapWarning(c: ChangeView): DetailLine[] {
  if (!c.undoable || c.laterOverlapping.length === 0) return [];
  return [
    {
      text: `⚠ undoing this also reverts ${c.laterOverlapping.length} later change(s) to the same files or limits: ${c.laterOverlapping.join(', ')}`,
      tone: 'warning',
    },
  ];
}
