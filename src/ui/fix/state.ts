// The fix flow's state and pure reducer: preview → applying → done → undoing → undone. No Ink, no I/O:
// the run function performs apply/undo and feeds their events and results in as actions.
import type { FixEvent } from '../../core/fix/events.js';
import type { StepStatus } from '../../core/events.js';
import { assertNever } from '../../core/findings.js';
import type { KeyIntent } from '../keys.js';
import { sanitize, sanitizeDeep } from '../../core/sanitize.js';

export interface FixPreviewView {
  title: string;
  target: string;
  summary: string[];
  warnings: string[];
  /** unified diffs and the container change */
  diff: string;
}

export interface FixOutcomeView {
  outcome: 'verified' | 'reverted' | 'rollback-incomplete';
  entryId: string;
  failure: string | null;
  manualSteps: string[];
  /** "label: before → after", rendered by the caller */
  measures: string[];
}

export interface StepLine {
  id: string;
  title: string;
  status: StepStatus | 'running';
  detail: string;
}

export type FixPhase = 'preview' | 'applying' | 'done' | 'undoing' | 'undone' | 'undo-failed' | 'cancelled';

export interface FixState {
  phase: FixPhase;
  preview: FixPreviewView;
  steps: StepLine[];
  outcome: FixOutcomeView | null;
  undoProblems: string[];
  quitRequested: boolean;
}

export type FixIntent = KeyIntent | 'confirm' | 'undo';

export type FixAction =
  | { type: 'key'; intent: FixIntent }
  | { type: 'event'; event: FixEvent }
  | { type: 'applied'; outcome: FixOutcomeView }
  | { type: 'undone'; ok: boolean; problems: string[] }
  | { type: 'failed'; message: string };

export function initialFixState(preview: FixPreviewView): FixState {
  return { phase: 'preview', preview: sanitizeDeep(preview), steps: [], outcome: null, undoProblems: [], quitRequested: false };
}

export function fixReducer(state: FixState, action: FixAction): FixState {
  switch (action.type) {
    case 'key':
      return onKey(state, action.intent);
    case 'event':
      return { ...state, steps: stepsAfter(state.steps, sanitizeDeep(action.event)) };
    case 'applied':
      return { ...state, phase: 'done', outcome: sanitizeDeep(action.outcome) };
    case 'undone':
      return { ...state, phase: action.ok ? 'undone' : 'undo-failed', undoProblems: action.problems.map(sanitize) };
    case 'failed':
      return { ...state, phase: state.phase === 'undoing' ? 'undo-failed' : 'done', undoProblems: [sanitize(action.message)] };
    default:
      return assertNever(action);
  }
}

function onKey(state: FixState, intent: FixIntent): FixState {
  const busy = state.phase === 'applying' || state.phase === 'undoing';
  if ((intent === 'quit' || intent === 'escape' || intent === 'back') && !busy)
    return { ...state, phase: state.phase === 'preview' ? 'cancelled' : state.phase, quitRequested: true };
  if ((intent === 'confirm' || intent === 'open') && state.phase === 'preview') return { ...state, phase: 'applying' };
  // only a change that is in place can be undone
  if (intent === 'undo' && state.phase === 'done' && state.outcome?.outcome === 'verified') return { ...state, phase: 'undoing', steps: [] };
  return state;
}

/** The step list after one transaction event (the fix screen and the history's undo share it). */
export function stepsAfter(steps: readonly StepLine[], e: FixEvent): StepLine[] {
  switch (e.type) {
    case 'step-started':
      return [...steps, { id: e.id, title: e.title, status: 'running', detail: '' }];
    case 'step-finished':
      return steps.map((s) => (s.id === e.id && s.status === 'running' ? { ...s, status: e.status, detail: e.detail } : s));
    default:
      return assertNever(e);
  }
}
