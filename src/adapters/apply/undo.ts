// Undo of a journaled transaction: files back byte for byte (mode, owner), limits back, Falco made to
// pick the files up again, then the same health check as after a fix. Safe to run twice, and on a
// transaction whose process died at any step (the plan comes from the journal, not from memory).
import { restorePlanFor } from '../../core/fix/invert.js';
import type { EntryOf } from '../../core/fix/journal-entry.js';
import type { UndoResult, UndoneState } from '../change/kind.js';
import { restoreFiles } from './restore-files.js';
import { updateLimits } from './limits.js';
import { restartContainer, waitForPickUp } from './reload.js';
import { UnhealthyError, throwProblems, verifyHealthy } from './verify.js';
import { inspectContainer } from '../docker/inspect.js';
import { record, step, type TxContext } from './context.js';
import { errorMessage } from '../../core/errors.js';
import { faultPoint } from './fault.js';
import { describeFailure, dockerFailure } from './docker-failure.js';
import { restoreBefore } from './recreate.js';

type DockerEntry = EntryOf<'docker'>;

export async function undoEntry(tx: TxContext, original: DockerEntry, doneState: UndoneState): Promise<UndoResult<DockerEntry>> {
  let entry = original;
  const plan = restorePlanFor(entry);
  const manual: string[] = [];
  let changed: string[] = [];
  const startedAt = Date.now();
  try {
    changed = await step(
      tx,
      'restore-files',
      'Restore files from the journal',
      () => restoreFiles(plan.files),
      (c) => (c.length ? `restored ${c.join(', ')}` : 'already identical'),
    );
  } catch (e) {
    manual.push(
      `restore these files from ${tx.journal.dir}/${entry.id}.json (field files[].bytesBase64, base64): ${plan.files.map((f) => f.path).join(', ')} (${errorMessage(e)})`,
    );
  }
  const reverting = doneState === 'reverted';
  if (reverting) faultPoint('revert-after-files');
  const name = entry.target.name;
  const filesNote =
    plan.files.length === 0 ? 'no file was part of the change' : manual.length === 0 ? 'the files are restored' : 'the files are not restored (see above)';
  /** A Docker step failed: what the operator does next depends on why. */
  const dockerStep = (e: unknown, otherwise: string): string => {
    const f = dockerFailure(e);
    if (f === 'engine-gone')
      return `${describeFailure(e, name)}: ${filesNote}; once Docker answers again, run falco-doctor rollback ${entry.id}: it ${plan.limits ? 'puts the limits back and ' : ''}checks Falco`;
    if (f === 'container-gone')
      return `the container ${name} no longer exists: ${filesNote}; recreate it as you normally do (docker compose up -d, or your docker run command): it will read them`;
    return `${otherwise} (${errorMessage(e)})`;
  };
  if (entry.change.recreate) {
    const rec = entry.change.recreate;
    await step(
      tx,
      'restore-container',
      `Put ${rec.name} back with its former command line`,
      async () => {
        tx.containerId = await restoreBefore(tx.docker, rec, entry.id);
        entry = await record(tx, entry, { target: { ...entry.target, id: tx.containerId } }, `container back as ${tx.containerId.slice(0, 12)}`);
        return tx.containerId;
      },
      (id) => `${id.slice(0, 12)} runs ${JSON.stringify(rec.cmdBefore)} again`,
    ).catch((e: unknown) => {
      manual.push(
        dockerStep(
          e,
          `put the container back: if ${rec.parkedName} exists, docker rm -f ${rec.name} && docker rename ${rec.parkedName} ${rec.name} && docker start ${rec.name}; else re-create ${rec.name} with the command ${JSON.stringify(rec.cmdBefore)}`,
        ),
      );
    });
  }
  if (plan.limits) {
    const l = plan.limits;
    await step(
      tx,
      'restore-limits',
      'Restore the container limits',
      () => updateLimits(tx.docker, tx.containerId, l),
      () => 'as before',
    ).catch((e: unknown) => {
      manual.push(
        dockerStep(
          e,
          `set the limits back: docker update --cpus ${l.nanoCpus / 1e9 || '(none)'} --memory ${l.memoryBytes || '(none)'} --memory-swap ${l.memorySwapBytes} ${name}`,
        ),
      );
    });
  }
  let sinceMs: number | 'last-start' = startedAt;
  if (manual.length === 0) {
    try {
      const state = (await inspectContainer(tx.docker, tx.containerId)).State;
      // a crash-looping Falco (bad config) only reads the restored files when it starts again
      const down = !state.Running || state.Restarting;
      if (down) sinceMs = await step(tx, 'restart', 'Restart Falco with the restored files', () => restartContainer(tx.docker, tx.containerId));
      else if (changed.length > 0 && plan.needsReload)
        sinceMs = (
          await step(
            tx,
            'reload',
            'Wait for Falco to reload the restored files',
            () => waitForPickUp(tx.docker, tx.containerId, startedAt, { watch: tx.watchConfig, timeoutMs: tx.reloadTimeoutMs }),
            (p) => p.how,
          )
        ).sinceMs;
      else sinceMs = 'last-start';
      if (reverting) faultPoint('revert-after-reload');
      const verify = () => verifyHealthy(tx.docker, tx.containerId, { sinceMs, settleMs: tx.settleMs, healthzUrl: tx.healthzUrl }).then(throwProblems);
      const problems = await step(tx, 'verify-undo', 'Check Falco after the undo', verify, () => 'healthy').catch((e: unknown) => {
        if (e instanceof UnhealthyError) return e.problems;
        throw e;
      });
      if (problems.length > 0) manual.push(`Falco is not healthy with the restored files (${problems.join('; ')}): read docker logs ${name}`);
    } catch (e) {
      manual.push(dockerStep(e, `bring Falco back: docker restart ${name}, then check docker logs ${name}`));
    }
  }
  const done = manual.length === 0;
  const patch = { state: done ? doneState : ('rollback-incomplete' as const), finishedAt: new Date().toISOString() };
  const next = await record(tx, entry, patch, done ? `undone (${changed.length} file(s) restored)` : `undo incomplete: ${manual.join(' | ')}`).catch(
    (e: unknown) => {
      // e.g. the state dir filled up: the undo itself happened, but the journal still says otherwise
      manual.push(
        `the journal entry ${tx.journal.dir}/${entry.id}.json could not be updated (${errorMessage(e)}): make room, then run falco-doctor rollback ${entry.id} (it finds everything restored and records it)`,
      );
      return { ...entry, ...patch, state: 'rollback-incomplete' as const } satisfies DockerEntry;
    },
  );
  const ok = manual.length === 0;
  return { entry: next, ok, manualSteps: manual };
}
