// Undoing one journaled change: confirm (y) → undoing (the rollback's steps) → undone | undo-failed.
// Pure: the app starts the rollback when the phase says so and feeds its events and result in.
import type { FixEvent } from '../../core/fix/events.js';
import { assertNever } from '../../core/findings.js';
import type { StepLine } from '../fix/state.js';
import { sanitize, sanitizeDeep } from '../sanitize.js';
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
      return state.phase === 'undoing' ? { ...state, steps: onEvent(state.steps, sanitizeDeep(action.event)) } : state;
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

function onEvent(steps: readonly StepLine[], e: FixEvent): StepLine[] {
  switch (e.type) {
    case 'step-started':
      return [...steps, { id: e.id, title: e.title, status: 'running', detail: '' }];
    case 'step-finished':
      return steps.map((s) => (s.id === e.id && s.status === 'running' ? { ...s, status: e.status, detail: e.detail } : s));
    default:
      return assertNever(e);
  }
}
