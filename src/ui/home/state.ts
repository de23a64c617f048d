// The home screen's state and reducer: monitor ticks and keys in, screen state out. No Ink, no I/O.
// Ticks are sanitised here, once, because names and log lines come from the target.
import { assertNever, type Severity } from '../../core/findings.js';
import { initialMonitorState, reduceMonitor, type MonitorState } from '../../core/monitor/state.js';
import type { MonitorTick } from '../../core/monitor/types.js';
import { sanitizeDeep } from '../../core/sanitize.js';
import type { ChangeView } from '../history/change-view.js';
import type { HomeKey, HomeScreenName } from './keys.js';
import type { CanaryState } from '../../core/canary/pace.js';

export type { HomeScreenName } from './keys.js';
/** What the home screen resolves with: the screen to open next, the undo of the last change, a
 *  canary (prove detection), or quit. */
export type HomeNext = HomeScreenName | 'undo' | 'canary' | 'quit';

/** The open findings of the last diagnosis (the shape of the saved report the screen needs). */
export interface OpenFindings {
  generatedAt: string;
  target: { name: string };
  findings: readonly { code: string; severity: Severity; title: string }[];
}

export interface HomeState {
  monitor: MonitorState;
  lastDiagnosis: OpenFindings | null;
  /** the newest journal entry (null: nothing journaled yet); `u` undoes it when it can be undone */
  lastChange: ChangeView | null;
  /** the last canary (state dir): "detection: proven N min ago"; null: never fired */
  detection: CanaryState | null;
  /** screens the caller can open; the others say "coming soon" */
  available: readonly HomeScreenName[];
  selected: number;
  view: 'panels' | 'log';
  /** log view: lines scrolled back from the newest */
  logOffset: number;
  helpOpen: boolean;
  notice: string | null;
  next: HomeNext | null;
}

export type HomeAction = { type: 'tick'; tick: MonitorTick } | { type: 'key'; key: HomeKey };

export interface HomeStart {
  lastDiagnosis: OpenFindings | null;
  lastChange?: ChangeView | null;
  detection?: CanaryState | null;
  available: readonly HomeScreenName[];
  windowMs?: number;
  /** shown until the first key press (e.g. a journal that could not be read) */
  notice?: string | null;
}

export function initialHomeState(opts: HomeStart): HomeState {
  return {
    monitor: initialMonitorState(opts.windowMs),
    lastDiagnosis: opts.lastDiagnosis === null ? null : sanitizeDeep(opts.lastDiagnosis),
    lastChange: opts.lastChange ? sanitizeDeep(opts.lastChange) : null,
    detection: opts.detection ? sanitizeDeep(opts.detection) : null,
    available: opts.available,
    selected: 0,
    view: 'panels',
    logOffset: 0,
    helpOpen: false,
    notice: opts.notice ?? null,
    next: null,
  };
}

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'tick': {
      const monitor = reduceMonitor(state.monitor, sanitizeDeep(action.tick));
      return monitor === state.monitor ? state : { ...state, monitor };
    }
    case 'key': {
      // a notice answers one key press; the next key press clears it
      return onKey(state.notice === null ? state : { ...state, notice: null }, action.key);
    }
    default:
      return assertNever(action);
  }
}

const LABELS: Readonly<Record<HomeScreenName, string>> = {
  diagnose: 'diagnose',
  checklist: 'the production checklist',
  rollout: 'the staged rollout',
  history: 'history',
};

function onKey(state: HomeState, key: HomeKey): HomeState {
  switch (key) {
    case 'quit':
      return { ...state, helpOpen: false, next: 'quit' };
    case 'help':
      return { ...state, helpOpen: !state.helpOpen };
    case 'escape':
      // Esc unwinds one level; at the top there is nothing left to unwind, so it quits (as diagnose)
      if (state.helpOpen) return { ...state, helpOpen: false };
      if (state.view === 'log') return { ...state, view: 'panels' };
      return { ...state, next: 'quit' };
    case 'back':
      if (state.helpOpen) return { ...state, helpOpen: false };
      return state.view === 'log' ? { ...state, view: 'panels' } : state;
    case 'log':
      return { ...state, helpOpen: false, view: state.view === 'log' ? 'panels' : 'log', logOffset: 0 };
    case 'open':
      return state;
    case 'up':
    case 'down':
      return move(state, key === 'up' ? -1 : 1);
    case 'undo':
      return undoLast(state);
    case 'canary':
      return { ...state, helpOpen: false, next: 'canary' };
    case 'diagnose':
    case 'checklist':
    case 'rollout':
    case 'history':
      if (state.available.includes(key)) return { ...state, helpOpen: false, next: key };
      return { ...state, notice: `${LABELS[key]}: coming soon` };
    default:
      return assertNever(key);
  }
}

/** `u`: undo the newest journal entry — only one still in place; the undo screen asks before it acts. */
function undoLast(state: HomeState): HomeState {
  const c = state.lastChange;
  if (c === null) return { ...state, notice: 'no change in the journal to undo' };
  if (!c.undoable) return { ...state, notice: `the last change is ${c.state}: nothing to undo (h: history)` };
  return { ...state, helpOpen: false, next: 'undo' };
}

function move(state: HomeState, delta: number): HomeState {
  if (state.helpOpen) return state;
  if (state.view === 'log') {
    // up scrolls back in time; the offset never goes past the oldest line kept
    const max = Math.max(0, state.monitor.recentLog.length - 1);
    return { ...state, logOffset: clamp(state.logOffset - delta, 0, max) };
  }
  const last = (state.lastDiagnosis?.findings.length ?? 0) - 1;
  return { ...state, selected: clamp(state.selected + delta, 0, Math.max(last, 0)) };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);
