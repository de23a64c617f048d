// falco-doctor fix ID: diagnose, plan the fix for this target, show the diff, and (with --yes, or a
// confirmation in the TUI) run the journaled transaction: intent → write → reload → verify → measure,
// undone automatically on failure.
import type { Catalogue } from '../../core/runbook/load.js';
import type { FixPlan } from '../../core/fix/plan.js';
import type { ContainerTarget } from '../../core/fix/journal-entry.js';
import { planFix } from '../../core/fix/plan.js';
import { buildApplyPlan, changesNothing, previewText, ApplyPlanError, type ApplyPlan } from '../../core/fix/apply-plan.js';
import { DEFAULT_MAX_CHANGES_PER_HOUR } from '../../core/fix/breaker.js';
import { factsToWatch } from '../../core/fix/measure.js';
import type { Diagnosis } from '../../core/diagnosis/diagnose.js';
import { diagnoseLive, type DiagnoseRun } from '../diagnose.js';
import { EXIT, UserError, errorMessage, type ExitCode } from '../../core/errors.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import type { ComposeTarget } from '../../adapters/apply/compose.js';
import type { FixEvent } from '../../core/fix/events.js';
import { runChange, type ChangeResult, type PostChangeCheck } from '../../adapters/change/engine.js';
import { plannedDockerChange } from '../../adapters/change/kinds/docker.js';
import { DEFAULT_TIMINGS, type TimingOptions } from '../../adapters/change/session.js';
import { dockerUnreachable, isEngineGone } from '../../adapters/docker/client.js';
import { newEntryId } from '../../adapters/journal/journal.js';
import { gatherInputs, snapshotPlanFiles } from './inputs.js';
import { measureAfter } from './measure.js';
import { formatResult } from './report.js';
import { liveCollectOptions } from '../../adapters/collect-options.js';

export interface FixRequest {
  fixId: string;
  container: string | null;
  stateDir: string | null;
  /** sampling window of the diagnosis before, and of the re-measure after */
  windowSeconds: number;
  lookbackSeconds: number;
  maxChangesPerHour: number;
  timings: TimingOptions;
  toolVersion: string;
  hostVisible: boolean;
  /** --threshold as diagnose takes them: the fix's diagnosis and its re-measure judge by them */
  thresholds: Record<string, number>;
  catalogue: Catalogue;
  /** checks after the change (e.g. the detection canary): a failing one undoes it, unless `accept` */
  checks?: readonly PostChangeCheck[];
  /** the operator accepts what a failing check reports: the change stays, the journal says so */
  accept?: boolean;
}

export const FIX_DEFAULTS = { windowSeconds: 10, lookbackSeconds: 300, maxChangesPerHour: DEFAULT_MAX_CHANGES_PER_HOUR, timings: DEFAULT_TIMINGS };

export interface PreparedFix {
  id: string;
  plan: FixPlan;
  applyPlan: ApplyPlan;
  preview: string;
  diagnosis: Diagnosis;
  compose: ComposeTarget | null;
  target: ContainerTarget;
}

export async function prepareFix(docker: DockerClient, req: FixRequest, progress: (line: string) => void = () => {}): Promise<PreparedFix> {
  const fix = req.catalogue.fixes[req.fixId];
  if (!fix) throw new UserError(`unknown fix "${req.fixId}"`, `fixes: ${Object.keys(req.catalogue.fixes).join(', ')}`);
  const collect = liveCollectOptions({
    container: req.container,
    windowMs: req.windowSeconds * 1000,
    lookbackMs: req.lookbackSeconds * 1000,
    toolVersion: req.toolVersion,
    hostVisible: req.hostVisible,
  });
  const diagnosis = await diagnoseLive(docker, collect, runOf(req), (e) => e.type === 'step-finished' && progress(`${e.id}: ${e.detail}`));
  return prepareFixFor(docker, req, diagnosis);
}

/** What the fix's diagnosis (and its re-measure) judge by: the runbooks, with --threshold. */
export const runOf = (req: FixRequest): DiagnoseRun => ({ catalogue: req.catalogue, thresholds: req.thresholds, only: [], toolVersion: req.toolVersion });

/** Plans the fix on a diagnosis already made (the diagnose screen's), without measuring again. */
export async function prepareFixFor(docker: DockerClient, req: FixRequest, diagnosis: Diagnosis): Promise<PreparedFix> {
  const fix = req.catalogue.fixes[req.fixId];
  if (!fix) throw new UserError(`unknown fix "${req.fixId}"`, `fixes: ${Object.keys(req.catalogue.fixes).join(', ')}`);
  const snapshot = diagnosis.context.snapshot;
  const plan = planFix(req.fixId, fix, diagnosis.context, diagnosis.facts);
  if (plan.refused) throw new UserError(`fix ${req.fixId} does not apply to ${snapshot.target.name}: ${plan.refused}`);
  const id = newEntryId(req.fixId);
  const { inputs, compose } = await gatherInputs(docker, diagnosis.context, id, req.hostVisible);
  let applyPlan: ApplyPlan;
  try {
    applyPlan = buildApplyPlan(plan, inputs);
  } catch (e) {
    if (e instanceof ApplyPlanError) throw new UserError(e.message);
    throw e;
  }
  if (changesNothing(applyPlan)) throw new UserError(`fix ${req.fixId}: already in place on ${snapshot.target.name}`);
  // the health URL only when it answered before the change: the verify then holds Falco to it
  const described = diagnosis.context.target;
  const target: ContainerTarget = {
    kind: 'container',
    id: snapshot.target.id,
    name: snapshot.target.name,
    healthzUrl: snapshot.webserver.healthz?.status === 200 ? described.urls.healthz : null,
    watchConfig: described.watchConfig,
  };
  return { id, plan, applyPlan, preview: previewText(applyPlan), diagnosis, compose, target };
}

/** The change engine runs it: lock, guards, intent, write, reload, verify, checks, re-measure (or undo). */
export async function applyPreparedFix(docker: DockerClient, p: PreparedFix, req: FixRequest, emit: (e: FixEvent) => void): Promise<ChangeResult<'docker'>> {
  const watch = factsToWatch(p.plan, p.diagnosis.report.findings);
  const planned = plannedDockerChange(docker, {
    id: p.id,
    fixId: p.plan.id,
    title: p.plan.title,
    target: p.target,
    plan: p.applyPlan,
    filesBefore: () => snapshotPlanFiles(p.applyPlan, p.diagnosis.context.snapshot, p.compose),
    timings: req.timings,
    measure: (since) => measureAfter(docker, req, since, watch, p.diagnosis),
  });
  return runChange({
    command: `fix ${req.fixId}`,
    stateDir: req.stateDir,
    maxChangesPerHour: req.maxChangesPerHour,
    planned,
    checks: req.checks ?? [],
    accept: req.accept ?? false,
    emit,
  });
}

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Non-interactive: print the diff; apply only with --yes. */
export async function runFixCommand(docker: DockerClient, req: FixRequest, yes: boolean, io: CommandIo): Promise<ExitCode> {
  const p = await prepareFix(docker, req, (l) => io.err(`  ${l}\n`));
  io.out(
    `${p.plan.title} (${p.plan.id}) on ${p.target.name}\n${p.applyPlan.summary.map((s) => `  ${s}\n`).join('')}${p.plan.warnings.map((w) => `  warning: ${w}\n`).join('')}\n${p.preview}\n`,
  );
  if (!yes) {
    io.err(`nothing changed: re-run with --yes to apply (falco-doctor fix ${req.fixId} --yes)\n`);
    return EXIT.ok;
  }
  const r = await applyPreparedFix(
    docker,
    p,
    req,
    (e) => e.type === 'step-finished' && io.err(`  ${e.status === 'ok' ? '✔' : '✖'} ${e.id}: ${e.detail}\n`),
  ).catch((e: unknown) => {
    if (e instanceof UserError) throw e;
    // before the first change (a change that had begun is undone and reported as an outcome)
    if (isEngineGone(e)) throw dockerUnreachable(e);
    throw new Error(`fix ${req.fixId}: ${errorMessage(e)}`);
  });
  io.out(formatResult(r));
  return r.outcome === 'verified' ? EXIT.ok : r.outcome === 'reverted' ? EXIT.fixReverted : EXIT.rollbackIncomplete;
}
