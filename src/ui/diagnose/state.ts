// The diagnose screen's state and its pure reducer: events from the core and key intents in,
// screen state out. No Ink and no I/O here, so every transition is testable on its own.
import type { DiagnoseEvent, StepStatus } from '../../core/events.js';
import { assertNever, sortFindings, type Finding } from '../../core/findings.js';
import type { DiagnosisReport } from '../../core/report.js';
import type { StatsSample } from '../../core/snapshot.js';
import { selectFixes } from '../../core/fix/select.js';
import type { KeyIntent } from '../keys.js';
import { sanitize, sanitizeDeep } from '../../core/sanitize.js';

export interface RunningStep {
  id: string;
  title: string;
}

export interface FinishedStep extends RunningStep {
  status: StepStatus;
  detail: string;
}

export interface SamplingProgress {
  /** the step that was running when sampling began; its end ends the progress line */
  stepId: string | null;
  elapsedMs: number;
  windowMs: number;
  latest: StatsSample;
}

export interface StreamFailure {
  message: string;
  hint: string | null;
}

export type Phase =
  | { kind: 'running' }
  /** findings: the report's findings, worst first */
  | { kind: 'done'; report: DiagnosisReport; findings: Finding[] }
  | { kind: 'failed'; failure: StreamFailure };

export type View = 'list' | 'detail';

export interface DiagnoseState {
  phase: Phase;
  running: RunningStep[];
  /** in the order they finished: append-only, because Ink's <Static> prints each item once */
  finished: FinishedStep[];
  sampling: SamplingProgress | null;
  findingsSoFar: number;
  selected: number;
  view: View;
  /** lines the open finding is scrolled by (j/k in the detail), and the most it can be: the detail
   *  measures itself (FindingDetail) and reports how far it overflows the terminal */
  detailScroll: number;
  detailMaxScroll: number;
  helpOpen: boolean;
  quitRequested: boolean;
  /** fixes the operator asked to apply (f/e/w): the app ends and hands them to the fix flow */
  fixIds: string[];
}

export type DiagnoseAction =
  | { type: 'event'; event: DiagnoseEvent }
  | { type: 'stream-failed'; failure: StreamFailure }
  | { type: 'key'; intent: KeyIntent }
  | { type: 'detail-measured'; maxScroll: number };

export const initialDiagnoseState: DiagnoseState = {
  phase: { kind: 'running' },
  running: [],
  finished: [],
  sampling: null,
  findingsSoFar: 0,
  selected: 0,
  view: 'list',
  detailScroll: 0,
  detailMaxScroll: 0,
  helpOpen: false,
  quitRequested: false,
  fixIds: [],
};

export function diagnoseReducer(state: DiagnoseState, action: DiagnoseAction): DiagnoseState {
  switch (action.type) {
    case 'event':
      // untrusted strings (names, log lines, rule outputs) are made inert once, on the way in
      return onEvent(state, sanitizeDeep(action.event));
    case 'stream-failed':
      return {
        ...state,
        // steps cut short by the failure stay on screen, so the user sees where it stopped
        finished: [...state.finished, ...state.running.map((step): FinishedStep => ({ ...step, status: 'failed', detail: 'interrupted' }))],
        phase: {
          kind: 'failed',
          failure: {
            message: sanitize(action.failure.message),
            hint: action.failure.hint === null ? null : sanitize(action.failure.hint),
          },
        },
        running: [],
        sampling: null,
      };
    case 'key':
      return onKey(state, action.intent);
    case 'detail-measured': {
      const maxScroll = Math.max(0, action.maxScroll);
      if (maxScroll === state.detailMaxScroll && state.detailScroll <= maxScroll) return state;
      return { ...state, detailMaxScroll: maxScroll, detailScroll: Math.min(state.detailScroll, maxScroll) };
    }
    default:
      return assertNever(action);
  }
}

function onEvent(state: DiagnoseState, event: DiagnoseEvent): DiagnoseState {
  switch (event.type) {
    case 'step-started':
      return { ...state, running: [...state.running, { id: event.id, title: event.title }] };
    case 'step-finished': {
      // a step that never announced its start still gets a line, titled by its id
      const title = state.running.find((s) => s.id === event.id)?.title ?? event.id;
      const step: FinishedStep = { id: event.id, title, status: event.status, detail: event.detail };
      return {
        ...state,
        running: state.running.filter((s) => s.id !== event.id),
        finished: [...state.finished, step],
        sampling: state.sampling?.stepId === event.id ? null : state.sampling,
      };
    }
    case 'sample':
      return {
        ...state,
        sampling: {
          stepId: state.sampling?.stepId ?? state.running.at(-1)?.id ?? null,
          elapsedMs: event.elapsedMs,
          windowMs: event.windowMs,
          latest: event.sample,
        },
      };
    case 'finding':
      return { ...state, findingsSoFar: state.findingsSoFar + 1 };
    case 'done':
      return {
        ...state,
        phase: { kind: 'done', report: event.report, findings: sortFindings(event.report.findings) },
        running: [],
        sampling: null,
        selected: 0,
        view: 'list',
      };
    default:
      return assertNever(event);
  }
}

function onKey(state: DiagnoseState, intent: KeyIntent): DiagnoseState {
  switch (intent) {
    case 'quit':
      // the last frame stays in the scrollback: leave the findings there, not the help
      return { ...state, helpOpen: false, quitRequested: true };
    case 'help':
      return { ...state, helpOpen: !state.helpOpen };
    case 'escape':
      // Esc unwinds one level; at the top level there is nothing left to unwind, so it quits
      if (state.helpOpen) return { ...state, helpOpen: false };
      if (state.view === 'detail') return toList(state);
      return { ...state, quitRequested: true };
    case 'back':
      if (state.helpOpen) return { ...state, helpOpen: false };
      return state.view === 'detail' ? toList(state) : state;
    case 'open':
      if (state.helpOpen) return state;
      if (state.view === 'detail') return toList(state);
      return selectedFinding(state) === null ? state : { ...state, view: 'detail', detailScroll: 0 };
    case 'up':
    case 'down': {
      if (state.helpOpen || state.phase.kind !== 'done') return state;
      // in the detail, j/k scroll a finding taller than the terminal
      if (state.view === 'detail') {
        const by = state.detailScroll + (intent === 'up' ? -1 : 1);
        return { ...state, detailScroll: Math.min(Math.max(by, 0), state.detailMaxScroll) };
      }
      const last = state.phase.findings.length - 1;
      const next = state.selected + (intent === 'up' ? -1 : 1);
      return { ...state, selected: Math.min(Math.max(next, 0), Math.max(last, 0)) };
    }
    case 'fix-all':
    case 'fix-critical':
    case 'fix-warning': {
      if (state.helpOpen || state.phase.kind !== 'done') return state;
      const fixIds = selectFixes(state.phase.findings, intent, state.view === 'detail' ? state.selected : null);
      return fixIds.length === 0 ? state : { ...state, fixIds, quitRequested: true };
    }
    default:
      return assertNever(intent);
  }
}

const toList = (state: DiagnoseState): DiagnoseState => ({ ...state, view: 'list', detailScroll: 0 });

export function selectedFinding(state: DiagnoseState): Finding | null {
  return state.phase.kind === 'done' ? (state.phase.findings[state.selected] ?? null) : null;
}

/** The slice of a long list to show so the selection stays in view: [start, end). */
export function visibleWindow(total: number, selected: number, size: number): { start: number; end: number } {
  if (total <= size) return { start: 0, end: total };
  const start = Math.min(Math.max(selected - Math.floor(size / 2), 0), total - size);
  return { start, end: start + size };
}
