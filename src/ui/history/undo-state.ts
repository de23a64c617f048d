// Undoing one journaled change: confirm (y) → undoing (the rollback's steps) → undone | undo-failed.
// Pure: the app starts the rollback when the phase says so and feeds its events and result in.
import type { FixEvent } from '../../core/fix/events.js';
import { assertNever } from '../../core/findings.js';
import { stepsAfter, type StepLine } from '../fix/state.js';
import { sanitize, sanitizeDeep } from '../../core/sanitize.js';
import type { ChangeView } from './change-view.js';

export type UndoPhase = 'confirm' | 'undoing' | 'undone' | 'undo-failed';

export interface UndoState {
  change: ChangeView;
  phase: UndoPhase;
  steps: readonly StepLine[];
  /** what the operator must do by hand, or why the rollback could not start */
  problems: readonly string[];
}

export type UndoAction =
  | { type: 'confirm' }
  | { type: 'event'; event: FixEvent }
  /** the rollback ended; change: the entry as the journal has it now */
  | { type: 'finished'; ok: boolean; problems: readonly string[]; change: ChangeView | null }
  /** the rollback did not run (lock held, container gone, unreadable entry) */
  | { type: 'failed'; message: string };

export function initialUndoState(change: ChangeView): UndoState {
  return { change, phase: 'confirm', steps: [], problems: [] };
}

export function undoReducer(state: UndoState, action: UndoAction): UndoState {
  switch (action.type) {
    case 'confirm':
      return state.phase === 'confirm' ? { ...state, phase: 'undoing' } : state;
    case 'event':
      return state.phase === 'undoing' ? { ...state, steps: stepsAfter(state.steps, sanitizeDeep(action.event)) } : state;
    case 'finished':
      return {
        ...state,
        phase: action.ok ? 'undone' : 'undo-failed',
        problems: action.problems.map(sanitize),
        change: action.change === null ? state.change : sanitizeDeep(action.change),
      };
    case 'failed':
      return { ...state, phase: 'undo-failed', problems: [sanitize(action.message)] };
    default:
      return assertNever(action);
  }
}

export const isBusy = (s: UndoState | null): boolean => s?.phase === 'undoing';
