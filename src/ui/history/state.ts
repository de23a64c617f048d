// The history screen: the journal newest first, one entry's detail, and the undo of the selected
// entry (undo-state.ts). Opened from home's `u`, it is only the undo: leaving it leaves the screen.
// No Ink, no I/O.
import { assertNever } from '../../core/findings.js';
import { sanitizeDeep } from '../../core/sanitize.js';
import type { ChangeView } from './change-view.js';
import type { HistoryKey } from './keys.js';
import { initialUndoState, isBusy, undoReducer, type UndoAction, type UndoState } from './undo-state.js';

export interface HistoryState {
  /** newest first */
  changes: readonly ChangeView[];
  /** the journal could not be read: the message, with file and reason */
  loadError: string | null;
  selected: number;
  view: 'list' | 'detail' | 'undo';
  /** where the undo view returns to */
  undoFrom: 'list' | 'detail' | 'leave';
  detailOffset: number;
  undo: UndoState | null;
  notice: string | null;
  done: boolean;
}

export type HistoryAction =
  /** detailMax: how far the open detail can scroll (the view knows its height) */
  | { type: 'key'; key: HistoryKey; detailMax?: number }
  | { type: 'undo'; action: UndoAction }
  /** after an undo: the journal as it is now (the selection follows the same entry) */
  | { type: 'reloaded'; changes: readonly ChangeView[] };

export interface HistoryStart {
  changes: readonly ChangeView[];
  loadError?: string | null;
  /** open straight on the undo of this entry (home's `u`); leaving the undo leaves the screen */
  undoId?: string | null;
}

export function initialHistoryState(start: HistoryStart): HistoryState {
  const changes = sanitizeDeep(start.changes);
  const base: HistoryState = {
    changes,
    loadError: start.loadError ?? null,
    selected: 0,
    view: 'list',
    undoFrom: 'list',
    detailOffset: 0,
    undo: null,
    notice: null,
    done: false,
  };
  if (!start.undoId) return base;
  const i = changes.findIndex((c) => c.id === start.undoId);
  const target = changes[i];
  if (!target) return { ...base, notice: `journal entry ${start.undoId} is gone` };
  if (!target.undoable) return { ...base, selected: i, notice: `${target.id} is ${target.state}: nothing to undo` };
  return { ...base, selected: i, view: 'undo', undoFrom: 'leave', undo: initialUndoState(target) };
}

export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'key':
      // a notice answers one key press; the next clears it
      return onKey(state.notice === null ? state : { ...state, notice: null }, action.key, action.detailMax ?? Number.MAX_SAFE_INTEGER);
    case 'undo':
      return state.undo === null ? state : { ...state, undo: undoReducer(state.undo, action.action) };
    case 'reloaded': {
      const changes = sanitizeDeep(action.changes);
      const id = state.changes[state.selected]?.id;
      const i = changes.findIndex((c) => c.id === id);
      return { ...state, changes, selected: i < 0 ? 0 : i };
    }
    default:
      return assertNever(action);
  }
}

function onKey(state: HistoryState, key: HistoryKey, detailMax: number): HistoryState {
  if (state.view === 'undo') return onUndoKey(state, key);
  switch (key) {
    case 'quit':
      return { ...state, done: true };
    case 'escape':
    case 'back':
      // one level up: the detail goes back to the list, the list back home
      return state.view === 'detail' ? { ...state, view: 'list' } : { ...state, done: true };
    case 'open':
      return state.view === 'list' && state.changes.length > 0 ? { ...state, view: 'detail', detailOffset: 0 } : state;
    case 'up':
    case 'down': {
      const delta = key === 'up' ? -1 : 1;
      if (state.view === 'detail') return { ...state, detailOffset: clamp(state.detailOffset + delta, 0, detailMax) };
      return { ...state, selected: clamp(state.selected + delta, 0, Math.max(0, state.changes.length - 1)) };
    }
    case 'undo': {
      const change = state.changes[state.selected];
      if (!change) return { ...state, notice: 'no change in the journal' };
      if (!change.undoable) return { ...state, notice: `${change.id} is ${change.state}: nothing to undo` };
      return { ...state, view: 'undo', undoFrom: state.view, undo: initialUndoState(change) };
    }
    case 'confirm':
    case 'cancel':
      return state;
    default:
      return assertNever(key);
  }
}

function onUndoKey(state: HistoryState, key: HistoryKey): HistoryState {
  const undo = state.undo;
  // the rollback runs to its end (every step has its own deadline): keys wait, as in the fix flow
  if (undo === null || isBusy(undo)) return state;
  const leave = (): HistoryState => (state.undoFrom === 'leave' ? { ...state, done: true } : { ...state, view: state.undoFrom, undo: null });
  if (undo.phase === 'confirm') {
    if (key === 'confirm') return { ...state, undo: undoReducer(undo, { type: 'confirm' }) };
    if (key === 'cancel' || key === 'escape' || key === 'back' || key === 'quit') return leave();
    return state;
  }
  // undone or failed: any of the leaving keys (and Enter) goes back
  if (key === 'open' || key === 'escape' || key === 'back' || key === 'quit' || key === 'cancel') return leave();
  return state;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);
