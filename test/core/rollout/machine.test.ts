import { describe, expect, it } from 'vitest';
import { nextAction, withAborted, withBaseline, withGate, withNewRound, withPhaseStarted, withWindow } from '../../../src/core/rollout/machine.js';
import { RolloutStateSchema, ROLLOUT_SCHEMA_VERSION, type RolloutState } from '../../../src/core/rollout/state.js';
import type { GateResult } from '../../../src/core/rollout/criteria.js';
import { shippedPlan, windowOf } from './helpers.js';

const plan = shippedPlan();
const start: RolloutState = {
  schemaVersion: ROLLOUT_SCHEMA_VERSION,
  createdAt: 0,
  updatedAt: 0,
  planPath: 'p',
  target: {
    id: 'f',
    name: 'falco',
    configHostPath: '/h/falco.yaml',
    configPath: '/etc/falco/falco.yaml',
    configRoot: '/h',
    healthzUrl: null,
    watchConfig: true,
    dropActionsLog: true,
  },
  service: { container: 'bot', probe: { kind: 'http', url: 'http://127.0.0.1:1/q' }, connect: { host: '127.0.0.1', port: 1 } },
  original: { present: false, rules: null },
  baseline: null,
  phases: [],
  status: 'ready',
  abortJournalId: null,
  log: [],
};
const gate = (verdict: GateResult['verdict'], failing: GateResult['failing'] = []): GateResult => ({ verdict, results: [], failing });
const w = windowOf({ latencyMs: [1, 2, 3] });

describe('rollout state machine', () => {
  it('walks baseline → each phase → complete, promoting only on a passed gate', () => {
    expect(nextAction(null, plan, 0)).toEqual({ kind: 'measure-baseline' });
    let s = withBaseline(start, 'j0', w, 1);
    expect(nextAction(s, plan, 1)).toEqual({ kind: 'start-phase', index: 0 });
    s = withPhaseStarted(s, 'core', 'j1', { ...w, endsAt: 100 }, 2);
    expect(nextAction(s, plan, 50)).toEqual({ kind: 'resume-window', index: 0 });
    expect(nextAction(s, plan, 100)).toEqual({ kind: 'evaluate-gate', index: 0 });
    s = withGate(s, gate('passed'), plan, 101);
    expect(s.status).toBe('gate-passed');
    expect(nextAction(s, plan, 101)).toEqual({ kind: 'start-phase', index: 1 });
    s = withGate(withPhaseStarted(s, 'extended', 'j2', w, 102), gate('passed'), plan, 103);
    s = withGate(withPhaseStarted(s, 'full', null, w, 104), gate('passed'), plan, 105);
    expect(s.status).toBe('complete');
    expect(nextAction(s, plan, 106).kind).toBe('done');
  });

  it('a failed gate blocks with the failing criteria named; a re-measure reopens the phase', () => {
    let s = withGate(withPhaseStarted(withBaseline(start, 'j0', w, 1), 'core', 'j1', w, 2), gate('failed', ['cpu', 'drops']), plan, 3);
    expect(nextAction(s, plan, 4)).toEqual({ kind: 'blocked', index: 0, reason: 'phase core failed its gate: cpu, drops' });
    s = withNewRound(s, { ...w, endsAt: 50 }, 5, 're-measure');
    expect(s.status).toBe('monitoring');
    expect(s.phases[0]).toMatchObject({ rounds: 2, gate: null });
  });

  it('an inconclusive gate asks for a longer window, not a promotion', () => {
    const s = withGate(withPhaseStarted(withBaseline(start, 'j0', w, 1), 'core', 'j1', w, 2), gate('inconclusive'), plan, 3);
    expect(nextAction(s, plan, 4)).toEqual({ kind: 'extend-window', index: 0 });
  });

  it('abort ends the rollout from anywhere', () => {
    const s = withAborted(withPhaseStarted(withBaseline(start, 'j0', w, 1), 'core', 'j1', w, 2), 'j9', 3);
    expect(s).toMatchObject({ status: 'aborted', abortJournalId: 'j9' });
    expect(nextAction(s, plan, 4)).toEqual({ kind: 'done', reason: 'the rollout was aborted' });
  });

  it('the persisted state round-trips through JSON and its schema; a damaged one is refused', () => {
    const s = withWindow(withPhaseStarted(withBaseline(start, 'j0', w, 1), 'core', 'j1', w, 2), windowOf({ cpuPercent: [1, 2] }), 3);
    expect(RolloutStateSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(RolloutStateSchema.safeParse({ ...s, status: 'promoting' }).success).toBe(false);
    expect(RolloutStateSchema.safeParse({ ...s, service: { ...s.service, probe: { kind: 'exec', argv: [] } } }).success).toBe(false);
  });
});
