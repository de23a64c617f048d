// Undo of a journaled transaction: files back byte for byte (mode, owner), limits back, Falco made to
// pick the files up again, then the same health check as after a fix. Safe to run twice, and on a
// transaction whose process died at any step (the plan comes from the journal, not from memory).
import { restorePlanFor } from '../../core/fix/invert.js';
import type { EntryState, JournalEntry } from '../../core/fix/journal-entry.js';
import { restoreFiles } from './restore-files.js';
import { updateLimits } from './limits.js';
import { restartContainer, waitForPickUp } from './reload.js';
import { verifyHealthy } from './verify.js';
import { parseInspect } from '../docker/inspect.js';
import { record, step, type TxContext } from './context.js';
import { errorMessage } from '../../core/errors.js';

export interface UndoResult {
  entry: JournalEntry;
  ok: boolean;
  /** what the operator must do by hand when ok is false */
  manualSteps: string[];
}

export async function undoEntry(tx: TxContext, entry: JournalEntry, doneState: Extract<EntryState, 'reverted' | 'rolled-back'>): Promise<UndoResult> {
  const plan = restorePlanFor(entry);
  const manual: string[] = [];
  let changed: string[] = [];
  const startedAt = Date.now();
  try {
    changed = await step(tx, 'restore-files', 'Restore files from the journal', () => restoreFiles(plan.files), (c) => (c.length ? `restored ${c.join(', ')}` : 'already identical'));
  } catch (e) {
    manual.push(`restore these files from ${tx.journal.dir}/${entry.id}.json (field files[].bytesBase64, base64): ${plan.files.map((f) => f.path).join(', ')} (${errorMessage(e)})`);
  }
  if (plan.limits) {
    const l = plan.limits;
    await step(tx, 'restore-limits', 'Restore the container limits', () => updateLimits(tx.docker, tx.containerId, l), () => 'as before').catch((e: unknown) => {
      manual.push(`set the limits back: docker update --cpus ${l.nanoCpus / 1e9 || '(none)'} --memory ${l.memoryBytes || '(none)'} --memory-swap ${l.memorySwapBytes} ${entry.container.name} (${errorMessage(e)})`);
    });
  }
  let sinceMs: number | 'last-start' = startedAt;
  if (manual.length === 0) {
    try {
      const state = parseInspect(await tx.docker.getContainer(tx.containerId).inspect()).State;
      // a crash-looping Falco (bad config) only reads the restored files when it starts again
      const down = !state.Running || state.Restarting;
      if (down) sinceMs = await step(tx, 'restart', 'Restart Falco with the restored files', () => restartContainer(tx.docker, tx.containerId));
      else if (changed.length > 0 && plan.needsReload)
        sinceMs = (await step(tx, 'reload', 'Wait for Falco to reload the restored files', () => waitForPickUp(tx.docker, tx.containerId, startedAt, { watch: tx.watchConfig, timeoutMs: tx.reloadTimeoutMs }), (p) => p.how)).sinceMs;
      else sinceMs = 'last-start';
      const problems = await step(tx, 'verify-undo', 'Check Falco after the undo', () => verifyHealthy(tx.docker, tx.containerId, { sinceMs, settleMs: tx.settleMs, healthzUrl: tx.healthzUrl }), (p) => (p.length ? p.join('; ') : 'healthy'));
      if (problems.length > 0) manual.push(`Falco is not healthy with the restored files (${problems.join('; ')}): read docker logs ${entry.container.name}`);
    } catch (e) {
      manual.push(`bring Falco back: docker restart ${entry.container.name}, then check docker logs ${entry.container.name} (${errorMessage(e)})`);
    }
  }
  const ok = manual.length === 0;
  const next = await record(tx, entry, { state: ok ? doneState : 'rollback-incomplete', finishedAt: new Date().toISOString() }, ok ? `undone (${changed.length} file(s) restored)` : `undo incomplete: ${manual.join(' | ')}`);
  return { entry: next, ok, manualSteps: manual };
}
