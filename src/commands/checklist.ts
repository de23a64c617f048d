// falco-doctor checklist [confirm ITEM --note TEXT]: the production checklist. Measures the target once
// (as diagnose does), checks every item with its evidence, records the run in the state dir, and shows
// it in the TUI (Enter: evidence and fixes; c: confirm an item with a note), as JSON, or as text.
import type { Catalogue } from '../core/runbook/load.js';
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { fixDescriber } from '../core/fix/describe.js';
import { evaluateChecklist, checklistPassed, diagnosisInputs, type ChecklistInputs } from '../core/checklist/evaluate.js';
import { formatChecklist } from '../core/checklist/format.js';
import type { ItemResult } from '../core/checklist/results.js';
import type { DockerClient } from '../adapters/docker/client.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { readRolloutState } from '../adapters/rollout/state-file.js';
import { checkRollbackReady } from '../adapters/checklist/rollback-ready.js';
import { readCanaryState } from '../adapters/canary/state-file.js';
import { proofView } from '../core/canary/proof.js';
import { appendRun, readResults, saveConfirmation, whoAmI } from '../adapters/checklist/results-file.js';
import { readChecklist } from '../adapters/checklist/read-checklist.js';
import { liveCollectOptions } from '../adapters/collect-options.js';
import { qualifiedThresholds } from '../core/runbook/thresholds.js';
import type { ChecklistArgs } from '../cli/requests.js';
import type { CommandIo } from './fix/fix.js';
import { diagnoseLive } from './diagnose.js';

/** The parsed args with the action validated and the report's format (--threshold NAME=N judges as diagnose does). */
export interface ChecklistRequest extends Pick<
  ChecklistArgs,
  'note' | 'stateDir' | 'checklistPath' | 'container' | 'windowSeconds' | 'thresholds' | 'noColor'
> {
  /** null: run the checklist; else record the operator's confirmation of this item */
  confirmItem: string | null;
  format: 'ui' | 'json' | 'text';
  toolVersion: string;
  catalogue: Catalogue;
}

export function toChecklistRequest(v: Omit<ChecklistArgs, 'command'>, catalogue: Catalogue, toolVersion: string): ChecklistRequest {
  const [sub, item] = v.operands;
  if (sub !== undefined && sub !== 'confirm')
    throw new UserError(`checklist: unknown action "${sub}"`, 'use: checklist, or checklist confirm ITEM --note TEXT');
  if (sub === 'confirm' && (!item || !v.note?.trim()))
    throw new UserError('checklist confirm needs an item id and --note', 'e.g. checklist confirm alerting --note "sidekick → Slack #sec, tested 2025-01-10"');
  return {
    confirmItem: sub === 'confirm' ? (item ?? null) : null,
    note: v.note?.trim() ?? null,
    stateDir: v.stateDir,
    checklistPath: v.checklistPath,
    container: v.container,
    windowSeconds: v.windowSeconds,
    thresholds: v.thresholds,
    // not a terminal: the checklist's text report (it has no markdown of its own)
    format: v.format === 'markdown' ? 'text' : v.format,
    noColor: v.noColor,
    toolVersion,
    catalogue,
  };
}

/** `falco-doctor checklist [confirm ITEM --note TEXT]` from the parsed command line. */
export async function checklistCommand(args: Omit<ChecklistArgs, 'command'>): Promise<ExitCode> {
  const { connectDocker, io, readCatalogue } = await import('./cli-context.js');
  const { toolVersion } = await import('../version.js');
  return runChecklistCommand(toChecklistRequest(args, await readCatalogue(), toolVersion()), { docker: await connectDocker(), io });
}

export async function runChecklistCommand(req: ChecklistRequest, deps: { docker: DockerClient; io: CommandIo }): Promise<ExitCode> {
  const dir = resolveStateDir(process.env, req.stateDir);
  const list = await readChecklist(req.checklistPath, req.catalogue);
  if (req.confirmItem) {
    const item = list.items.find((i) => i.id === req.confirmItem);
    if (!item) throw new UserError(`no checklist item "${req.confirmItem}"`, `items: ${list.items.map((i) => i.id).join(', ')}`);
    if (!item.confirm) throw new UserError(`${item.id} is checked automatically only`, 'make its check pass (see falco-doctor checklist)');
    const c = await saveConfirmation(dir, item.id, req.note ?? '');
    deps.io.out(`${item.id} confirmed by ${c.by} at ${c.at}: ${c.note}\n`);
    return EXIT.ok;
  }
  const { evaluate, target } = await gather(deps.docker, req, dir, (l) => deps.io.err(`${l}\n`));
  let results = evaluate((await readResults(dir)).confirmations);
  await appendRun(dir, { at: new Date().toISOString(), by: whoAmI(), target, results });
  if (req.format === 'json') deps.io.out(`${JSON.stringify({ schemaVersion: 1, target, passed: checklistPassed(results), items: results }, null, 2)}\n`);
  else if (req.format === 'text') deps.io.out(formatChecklist(results, target));
  else {
    const { runChecklistUi } = await import('../ui/checklist/run.js');
    results = await runChecklistUi(results, {
      target,
      noColor: req.noColor,
      onConfirm: async (id, note) => {
        await saveConfirmation(dir, id, note);
        return evaluate((await readResults(dir)).confirmations);
      },
    });
  }
  return checklistPassed(results) ? EXIT.ok : EXIT.findings;
}

/** Measures once; returns a pure evaluator so a confirmation re-evaluates without measuring again. */
async function gather(docker: DockerClient, req: ChecklistRequest, dir: string, progress: (l: string) => void) {
  const collect = liveCollectOptions({ container: req.container, windowMs: req.windowSeconds * 1000, lookbackMs: 300_000, toolVersion: req.toolVersion });
  const run = { catalogue: req.catalogue, thresholds: req.thresholds, only: [], toolVersion: req.toolVersion };
  const d = await diagnoseLive(docker, collect, run, (e) => e.type === 'step-finished' && progress(`  ${e.id}: ${e.detail}`));
  const snapshot = d.snapshot;
  const describeFix = fixDescriber(req.catalogue, d);
  const thresholds = qualifiedThresholds(req.catalogue.runbooks, req.thresholds);
  const base: Omit<ChecklistInputs, 'confirmations'> = {
    ...diagnosisInputs(d),
    rollout: await readRolloutState(dir).catch(() => null),
    rollback: await checkRollbackReady(dir),
    detection: proofView(await readCanaryState(dir).catch(() => null), Date.now()),
    describeFix,
    thresholds,
  };
  const list = await readChecklist(req.checklistPath, req.catalogue);
  return {
    target: snapshot.target.name,
    evaluate: (confirmations: ChecklistInputs['confirmations']): ItemResult[] => evaluateChecklist(list, { ...base, confirmations }),
  };
}
