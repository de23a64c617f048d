// Apply a journaled intent: write the files atomically, update the limits, have Falco pick the files
// up, verify, measure. Any failure after the first change is undone from the journal at once.
import type { ApplyPlan } from '../../core/fix/apply-plan.js';
import type { JournalEntry, Measure } from '../../core/fix/journal-entry.js';
import { errorMessage } from '../../core/errors.js';
import { writeDurable } from './durable-write.js';
import { resolveInside } from './safe-path.js';
import { updateLimits } from './limits.js';
import { waitForPickUp } from './reload.js';
import { throwProblems, verifyHealthy } from './verify.js';
import { faultPoint } from './fault.js';
import { record, step, type TxContext } from './context.js';
import { undoEntry } from './undo.js';
import { describeFailure } from './docker-failure.js';
import { parkedNameFor, recreateWithCmd, removeParked } from './recreate.js';
import type { Recreate } from '../../core/fix/journal-entry.js';

export interface ApplyResult {
  entry: JournalEntry;
  outcome: 'verified' | 'reverted' | 'rollback-incomplete';
  /** why the change was undone */
  failure: string | null;
  manualSteps: string[];
}

export async function applyEntry(tx: TxContext, intent: JournalEntry, plan: ApplyPlan): Promise<ApplyResult> {
  const changedAt = Date.now();
  // appliedAt is on disk before the first byte changes: the circuit breaker counts this attempt
  let entry = await record(tx, intent, { appliedAt: changedAt }, 'applying');
  faultPoint('before-write');
  // the new run's log starts here: the re-measure looks back no further
  let sinceMs: number | 'last-start' = 'last-start';
  try {
    await step(
      tx,
      'write',
      'Write the files (atomic)',
      () => writeFiles(entry, plan),
      () => plan.files.map((f) => f.path).join(', ') || 'no file',
    );
    faultPoint('after-files');
    if (plan.limits) {
      const l = plan.limits;
      await step(tx, 'limits', 'Update the container limits (docker update)', () => updateLimits(tx.docker, tx.containerId, l));
      faultPoint('after-limits');
    }
    if (plan.recreate) {
      const r = plan.recreate;
      // journaled before the first Docker change: an undo from any later session finds the parked container
      const rec: Recreate = {
        name: entry.container.name,
        beforeId: tx.containerId,
        parkedName: parkedNameFor(entry.container.name, entry.id),
        cmdBefore: r.cmdBefore,
        cmdAfter: r.cmdAfter,
        afterId: null,
      };
      entry = await record(tx, entry, { recreate: rec }, `re-creating ${rec.name} with ${rec.cmdAfter.join(' ')}`);
      const startedAt = Date.now();
      const id = await step(
        tx,
        'recreate',
        'Re-create the container with the new command line (Docker cannot change it in place)',
        () =>
          recreateWithCmd(tx.docker, rec, async (newId) => {
            entry = await record(
              tx,
              entry,
              { recreate: { ...rec, afterId: newId }, container: { ...entry.container, id: newId } },
              `created ${newId.slice(0, 12)}`,
            );
          }),
        (v) => `${v.slice(0, 12)} started; the old one is parked as ${rec.parkedName}`,
      );
      tx.containerId = id;
      sinceMs = startedAt;
    }
    entry = await record(tx, entry, { state: 'applied' }, 'files and limits changed');
    faultPoint('after-applied');
    if (plan.needsReload && !plan.recreate) {
      const p = await step(
        tx,
        'reload',
        'Wait for Falco to reload (else restart it)',
        () => waitForPickUp(tx.docker, tx.containerId, changedAt, { watch: tx.watchConfig, timeoutMs: tx.reloadTimeoutMs }),
        (v) => v.how,
      );
      sinceMs = p.sinceMs;
    }
    faultPoint('after-reload');
    const verify = { sinceMs, settleMs: tx.settleMs, healthzUrl: tx.healthzUrl, onSettle: () => faultPoint('mid-verify') };
    // problems fail the step (shown ✖), and the change is undone
    await step(
      tx,
      'verify',
      'Check that Falco is healthy',
      () => verifyHealthy(tx.docker, tx.containerId, verify).then(throwProblems),
      () => 'healthy',
    );
  } catch (e) {
    return revert(tx, entry, describeFailure(e, entry.container.name));
  }
  faultPoint('after-verify');
  if (entry.recreate) {
    const rec = entry.recreate;
    // healthy: the parked container has served its purpose (an undo re-creates from the new one)
    await step(
      tx,
      'cleanup',
      `Remove the parked container ${rec.parkedName}`,
      () => removeParked(tx.docker, rec),
      () => `${rec.parkedName} removed`,
    ).catch(() => undefined);
  }
  const measureFrom = typeof sinceMs === 'number' ? sinceMs : changedAt;
  // A failed re-measure does not undo a healthy change, but the journal says why the figures are missing.
  let measures: Measure[] = [];
  let measureNote = '';
  if (tx.measure) {
    const measure = tx.measure;
    measures = await step(
      tx,
      'measure',
      'Measure again',
      () => measure(measureFrom),
      (m) => `${m.length} figures`,
    ).catch((e: unknown) => {
      measureNote = `; re-measure failed: ${errorMessage(e)}`;
      return [];
    });
  }
  faultPoint('after-measure');
  entry = await record(tx, entry, { state: 'verified', measures, finishedAt: new Date().toISOString() }, `verified healthy${measureNote}`);
  faultPoint('after-verified');
  return { entry, outcome: 'verified', failure: null, manualSteps: [] };
}

async function revert(tx: TxContext, entry: JournalEntry, failure: string): Promise<ApplyResult> {
  // the undo runs even when the journal cannot take this line (a full disk): it needs only `entry`
  const failed = await record(tx, entry, {}, `failed: ${failure}; undoing`).catch(() => entry);
  const u = await undoEntry(tx, failed, 'reverted');
  return { entry: u.entry, outcome: u.ok ? 'reverted' : 'rollback-incomplete', failure, manualSteps: u.manualSteps };
}

async function writeFiles(entry: JournalEntry, plan: ApplyPlan): Promise<void> {
  for (const [i, f] of plan.files.entries()) {
    if (i > 0) faultPoint('between-files');
    const before = entry.files.find((b) => b.path === f.path);
    if (!before) throw new Error(`${f.path}: not in the journal entry; refusing to change a file without its before-state`);
    const real = await resolveInside(f.path, before.root);
    await writeDurable(real, f.after, { mode: before.mode, owner: { uid: before.uid, gid: before.gid }, beforeRename: () => faultPoint('mid-file') });
  }
}
