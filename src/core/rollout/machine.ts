// The rollout's state machine, pure: what `rollout next` should do now, and the state after each step.
// baseline → phase 1 (monitor → gate) → phase 2 … → complete; abort from anywhere after the baseline.
import { assertNever } from '../assert-never.js';
import type { GateResult } from './criteria.js';
import type { RolloutPlan } from './plan-schema.js';
import type { RolloutState, RolloutStatus } from './state.js';
import type { MeasureWindow } from './window.js';

export type NextAction =
  | { kind: 'measure-baseline' }
  | { kind: 'start-phase'; index: number }
  | { kind: 'resume-window'; index: number }
  | { kind: 'evaluate-gate'; index: number }
  /** the gate was inconclusive: measure the same phase longer (samples add up) */
  | { kind: 'extend-window'; index: number }
  | { kind: 'blocked'; index: number; reason: string }
  | { kind: 'done'; reason: string };

export function currentIndex(s: RolloutState): number {
  return s.phases.length - 1;
}

export function nextAction(s: RolloutState | null, plan: RolloutPlan, now: number): NextAction {
  if (s === null || s.baseline === null) return { kind: 'measure-baseline' };
  const i = currentIndex(s);
  const status: RolloutStatus = s.status;
  switch (status) {
    case 'ready':
      return { kind: 'start-phase', index: 0 };
    case 'monitoring': {
      const w = s.phases[i]?.window;
      return w && now >= w.endsAt ? { kind: 'evaluate-gate', index: i } : { kind: 'resume-window', index: i };
    }
    case 'gate-passed':
      return i + 1 < plan.phases.length ? { kind: 'start-phase', index: i + 1 } : { kind: 'done', reason: 'every phase passed its gate' };
    case 'gate-failed':
      return { kind: 'blocked', index: i, reason: `phase ${s.phases[i]?.id ?? i + 1} failed its gate: ${(s.phases[i]?.gate?.failing ?? []).join(', ')}` };
    case 'gate-inconclusive':
      return { kind: 'extend-window', index: i };
    case 'complete':
      return { kind: 'done', reason: 'the rollout is complete' };
    case 'aborted':
      return { kind: 'done', reason: 'the rollout was aborted' };
    default:
      return assertNever(status);
  }
}

const log = (s: RolloutState, now: number, message: string): RolloutState['log'] => [...s.log, { t: now, message }];

export function withBaseline(s: RolloutState, journalId: string, window: MeasureWindow, now: number): RolloutState {
  return { ...s, baseline: { journalId, window }, status: 'ready', updatedAt: now, log: log(s, now, `baseline measured (journal ${journalId})`) };
}

export function withPhaseStarted(s: RolloutState, phaseId: string, journalId: string | null, window: MeasureWindow, now: number): RolloutState {
  const phases = [...s.phases, { id: phaseId, journalId, window, gate: null, rounds: 1 }];
  return {
    ...s,
    phases,
    status: 'monitoring',
    updatedAt: now,
    log: log(s, now, `phase ${phaseId} started (${journalId ? `journal ${journalId}` : 'selection already in place'})`),
  };
}

export function withWindow(s: RolloutState, window: MeasureWindow, now: number): RolloutState {
  const i = currentIndex(s);
  const phases = s.phases.map((p, j) => (j === i ? { ...p, window } : p));
  return { ...s, phases, updatedAt: now };
}

/** A new window for the current phase: `extend` keeps the samples (more of them narrow the interval). */
export function withNewRound(s: RolloutState, window: MeasureWindow, now: number, why: string): RolloutState {
  const i = currentIndex(s);
  const phases = s.phases.map((p, j) => (j === i ? { ...p, window, gate: null, rounds: p.rounds + 1 } : p));
  return { ...s, phases, status: 'monitoring', updatedAt: now, log: log(s, now, why) };
}

export function withGate(s: RolloutState, gate: GateResult, plan: RolloutPlan, now: number): RolloutState {
  const i = currentIndex(s);
  const phases = s.phases.map((p, j) => (j === i ? { ...p, gate: { ...gate, evaluatedAt: now } } : p));
  const last = i === plan.phases.length - 1;
  const status: RolloutStatus =
    gate.verdict === 'passed' ? (last ? 'complete' : 'gate-passed') : gate.verdict === 'failed' ? 'gate-failed' : 'gate-inconclusive';
  return {
    ...s,
    phases,
    status,
    updatedAt: now,
    log: log(s, now, `gate of ${phases[i]?.id ?? i + 1}: ${gate.verdict}${gate.failing.length ? ` (${gate.failing.join(', ')})` : ''}`),
  };
}

export function withAborted(s: RolloutState, journalId: string | null, now: number): RolloutState {
  return {
    ...s,
    status: 'aborted',
    abortJournalId: journalId,
    updatedAt: now,
    log: log(s, now, journalId ? `aborted: rule selection restored (journal ${journalId})` : 'aborted: nothing to restore'),
  };
}
