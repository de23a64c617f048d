// falco-doctor rollout [status|next|abort]: the staged rollout. `next` does the next step — measure
// the baseline (asks, stops Falco, measures, starts it: journaled), or switch to the next phase's rule
// selection (journaled) and monitor it to the end of its window, then gate it against the baseline.
// State lives in the state dir, so any session (or a restarted process) continues where it stopped.
import { fixDescriber } from '../../core/fix/describe.js';
import { EXIT, UserError, type ExitCode } from '../../core/errors.js';
import { durationMs, type RolloutPlan } from '../../core/rollout/plan-schema.js';
import type { RolloutState } from '../../core/rollout/state.js';
import { nextAction, withAborted, withBaseline, withGate, withNewRound, withPhaseStarted, withWindow } from '../../core/rollout/machine.js';
import { evaluateGate } from '../../core/rollout/criteria.js';
import { emptyWindow } from '../../core/rollout/window.js';
import { applySelection, describeSelection, phaseSelection } from '../../core/rollout/selection.js';
import { formatGate, formatReport, rolloutReport } from '../../core/rollout/report.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import { stateDir as resolveStateDir } from '../../adapters/paths.js';
import { acquireLock } from '../../adapters/journal/lock.js';
import { readRolloutState, writeRolloutState, rolloutDir } from '../../adapters/rollout/state-file.js';
import { journaledChanges, type ChangeOptions, type RolloutChanges } from '../../adapters/rollout/changes.js';
import { closeProbes } from '../../adapters/rollout/latency-probe.js';
import { readRolloutPlan } from '../../adapters/rollout/plan-file.js';
import type { CommandIo } from '../fix/fix.js';
import { startState } from './start.js';
import { measureService } from './measure-service.js';
import type { RolloutRequest } from './request.js';

export interface RolloutDeps {
  docker: DockerClient;
  io: CommandIo;
  /** asks a yes/no question on the terminal; false when there is none */
  confirm: (question: string) => Promise<boolean>;
  /** how changes are applied (default: the fix journal's transactions) */
  changes?: (target: RolloutState['target']) => RolloutChanges;
  /** the canary around each rules change (commands/detection.ts); none when absent */
  detection?: ChangeOptions['detection'];
}

export async function runRolloutCommand(req: RolloutRequest, deps: RolloutDeps): Promise<ExitCode> {
  const dir = resolveStateDir(process.env, req.stateDir);
  const plan = withWindowOverrides(await readRolloutPlan(req.planPath, Object.keys(req.catalogue.fixes)), req);
  const describeFix = fixDescriber(req.catalogue);
  if (req.action === 'status') {
    const r = rolloutReport(await readRolloutState(dir), plan, Date.now());
    deps.io.out(req.json ? `${JSON.stringify(r, null, 2)}\n` : formatReport(r, describeFix));
    return EXIT.ok;
  }
  // one rollout step at a time, across sessions: a second `rollout next` names the one running
  const lock = await acquireLock(rolloutDir(dir), `rollout ${req.action}`);
  try {
    return req.action === 'abort' ? await abort(dir, req, deps) : await next(dir, req, deps, plan);
  } finally {
    await lock.release();
    closeProbes();
  }
}

function withWindowOverrides(plan: RolloutPlan, req: RolloutRequest): RolloutPlan {
  return {
    ...plan,
    baseline: req.baselineWindow ? { window: req.baselineWindow } : plan.baseline,
    monitor: req.phaseWindow ? { ...plan.monitor, window: req.phaseWindow } : plan.monitor,
    phases: req.phaseWindow ? plan.phases.map(({ window: _w, ...p }) => p) : plan.phases,
  };
}

async function next(dir: string, req: RolloutRequest, deps: RolloutDeps, plan: RolloutPlan): Promise<ExitCode> {
  let state = await readRolloutState(dir);
  const save = async (s: RolloutState) => {
    state = s;
    await writeRolloutState(dir, s);
  };
  const changesFor =
    deps.changes ??
    ((t) =>
      journaledChanges(deps.docker, t, {
        stateDir: req.stateDir,
        timings: req.timings,
        emit: (e) => e.type === 'step-finished' && deps.io.err(`  ${e.status === 'ok' ? '✔' : '✖'} ${e.id}: ${e.detail}\n`),
        ...(deps.detection ? { detection: deps.detection } : {}),
      }));
  const action = nextAction(state, plan, Date.now());
  switch (action.kind) {
    case 'measure-baseline': {
      const s = await startState(req, deps.docker);
      const windowMs = durationMs(plan.baseline.window);
      const ok =
        req.yes ||
        (await deps.confirm(
          `Stop ${s.target.name} for ${plan.baseline.window} to measure ${s.service.container} without Falco (no detection meanwhile), then start it again?`,
        ));
      if (!ok) throw new UserError('baseline not measured: Falco was left running', 'run rollout next again and answer y, or pass --yes');
      deps.io.err(`baseline: stopping ${s.target.name} for ${plan.baseline.window}\n`);
      const { journalId, value } = await changesFor(s.target).withFalcoStopped(() =>
        measureService(s, emptyWindow(Date.now(), windowMs), plan, deps.docker, null, async () => {}),
      );
      const measured = withBaseline(s, journalId, value, Date.now());
      await save(measured);
      deps.io.err(`baseline measured (journal ${journalId}); ${s.target.name} is running again\n`);
      return finish(measured, plan, req, deps);
    }
    case 'start-phase': {
      const s = state as RolloutState;
      const phase = plan.phases[action.index];
      if (!phase) throw new UserError(`the plan has no phase ${action.index + 1}`);
      const change = phaseSelection(phase, s.original);
      deps.io.err(`phase ${phase.id}: ${describeSelection(change)}\n`);
      const journalId = await changesFor(s.target).editConfig(`rollout-${phase.id}`, `phase ${phase.id}: ${describeSelection(change)}`, (t) =>
        applySelection(t, change, s.original),
      );
      const started = withPhaseStarted(s, phase.id, journalId, emptyWindow(Date.now(), phaseWindowMs(plan, action.index)), Date.now());
      await save(started);
      return monitorAndGate(started, plan, req, deps, save);
    }
    case 'resume-window':
    case 'evaluate-gate':
      deps.io.err(`resuming phase ${action.index + 1}\n`);
      return monitorAndGate(state as RolloutState, plan, req, deps, save);
    case 'extend-window': {
      const s = state as RolloutState;
      const w = s.phases[action.index]?.window;
      const extended = w ? { ...w, endsAt: Date.now() + phaseWindowMs(plan, action.index) } : emptyWindow(Date.now(), phaseWindowMs(plan, action.index));
      const round = withNewRound(s, extended, Date.now(), 'gate inconclusive: measuring longer');
      await save(round);
      return monitorAndGate(round, plan, req, deps, save);
    }
    case 'blocked': {
      const s = state as RolloutState;
      if (req.remeasure) {
        const round = withNewRound(s, emptyWindow(Date.now(), phaseWindowMs(plan, action.index)), Date.now(), 're-measure requested');
        await save(round);
        return monitorAndGate(round, plan, req, deps, save);
      }
      const gate = s.phases[action.index]?.gate;
      if (req.json) deps.io.out(`${JSON.stringify(rolloutReport(s, plan, Date.now()), null, 2)}\n`);
      else
        deps.io.out(
          `${action.reason}\n${gate ? `${formatGate(gate, fixDescriber(req.catalogue))}\n` : ''}not promoted: apply a fix, then rollout next --remeasure; or rollout abort\n`,
        );
      return EXIT.findings;
    }
    case 'done':
      if (req.json) deps.io.out(`${JSON.stringify(rolloutReport(state, plan, Date.now()), null, 2)}\n`);
      else deps.io.out(`${action.reason}\n`);
      return EXIT.ok;
  }
}

function phaseWindowMs(plan: RolloutPlan, index: number): number {
  return durationMs(plan.phases[index]?.window ?? plan.monitor.window);
}

async function monitorAndGate(
  s: RolloutState,
  plan: RolloutPlan,
  req: RolloutRequest,
  deps: RolloutDeps,
  save: (s: RolloutState) => Promise<void>,
): Promise<ExitCode> {
  const i = s.phases.length - 1;
  const phase = s.phases[i];
  if (!phase?.window || !s.baseline) throw new UserError('no phase is being monitored');
  const left = Math.max(0, phase.window.endsAt - Date.now());
  deps.io.err(`monitoring phase ${phase.id}: ${Math.round(left / 1000)} s left of the window (safe to interrupt: rollout next resumes it)\n`);
  let current = s;
  const w = await measureService(s, phase.window, plan, deps.docker, s.target.id, async (win) => {
    current = withWindow(current, win, Date.now());
    await save(current);
  });
  current = withWindow(current, w, Date.now());
  const gate = evaluateGate(s.baseline.window, w, plan);
  current = withGate(current, gate, plan, Date.now());
  await save(current);
  return finish(current, plan, req, deps);
}

function finish(s: RolloutState | null, plan: RolloutPlan, req: RolloutRequest, deps: RolloutDeps): ExitCode {
  const r = rolloutReport(s, plan, Date.now());
  deps.io.out(req.json ? `${JSON.stringify(r, null, 2)}\n` : formatReport(r, fixDescriber(req.catalogue)));
  return s?.status === 'gate-failed' || s?.status === 'gate-inconclusive' ? EXIT.findings : EXIT.ok;
}

async function abort(dir: string, req: RolloutRequest, deps: RolloutDeps): Promise<ExitCode> {
  const s = await readRolloutState(dir);
  if (!s || s.status === 'aborted') {
    deps.io.out(s ? 'the rollout was already aborted\n' : 'no rollout in progress\n');
    return EXIT.ok;
  }
  const changes =
    deps.changes?.(s.target) ??
    journaledChanges(deps.docker, s.target, {
      stateDir: req.stateDir,
      timings: req.timings,
      emit: () => {},
      ...(deps.detection ? { detection: deps.detection } : {}),
    });
  // a new journaled change that puts back only the `rules:` block: undoing the phase entries would
  // also undo any fix applied to falco.yaml since (the usual answer to a failed gate)
  const journalId = await changes.editConfig('rollout-abort', 'abort: rules: selection as before the rollout', (t) =>
    applySelection(t, { kind: 'restore' }, s.original),
  );
  await writeRolloutState(dir, withAborted(s, journalId, Date.now()));
  deps.io.out(
    `rollout aborted: ${journalId ? `rule selection restored (journal ${journalId}; undo with falco-doctor rollback ${journalId})` : 'the rule selection was already as before the rollout'}\n`,
  );
  return EXIT.ok;
}
