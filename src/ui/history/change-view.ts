// One journal entry as the screens show it: what changed, where, how it ended, and whether `u` can
// undo it. Built by the command from the journal (src/commands/history-ui.ts); no bytes, no Docker.
import type { EntryState } from '../../core/fix/journal-entry.js';
import type { Mark } from '../diagnose/marks.js';

export interface ChangeView {
  id: string;
  fixId: string;
  title: string;
  state: EntryState;
  createdAt: string;
  finishedAt: string | null;
  /** the container the change was made to */
  container: string;
  /** one line per planned change, e.g. `engine.modern_ebpf.buf_size_preset: 1 → 4` */
  changes: readonly string[];
  /** host paths the undo restores */
  files: readonly string[];
  /** "label (fact): before → after" */
  measures: readonly string[];
  log: readonly { t: string; message: string }[];
  /** still in place (or half done): `rollback` would put the before-state back */
  undoable: boolean;
  /** later changes, still in place, to the same files or limits: undoing this one reverts them too */
  laterOverlapping: readonly string[];
}

/** A mark that carries the state without colour; the state word is always printed beside it. */
export function stateMark(state: EntryState): Mark {
  switch (state) {
    case 'verified':
      return { symbol: '✔', tone: 'ok' };
    case 'rolled-back':
      return { symbol: '↩', tone: 'muted' };
    case 'reverted':
      return { symbol: '↩', tone: 'warning' };
    case 'rollback-incomplete':
      return { symbol: '✖', tone: 'critical' };
    case 'intent':
    case 'applied':
      // a transaction whose process died (or still runs): the journal knows how to undo it
      return { symbol: '⚠', tone: 'warning' };
  }
}

/** `2026-11-23 08:01 UTC`: minutes are enough to tell changes apart; the id has the rest. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** `11-23 08:01 UTC`: the home screen's one line has no room for the year (history shows it). */
export function formatShortWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(5, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
