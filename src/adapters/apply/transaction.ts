// Apply a journaled intent: write the files atomically, update the limits, have Falco pick the files
// up, verify, measure. Any failure after the first change is undone from the journal at once.
import type { ApplyPlan } from '../../core/fix/apply-plan.js';
import type { JournalEntry, Measure } from '../../core/fix/journal-entry.js';
import { errorMessage } from '../../core/errors.js';
import { writeDurable } from './durable-write.js';
import { resolveInside } from './safe-path.js';
import { updateLimits } from './limits.js';
import { waitForPickUp } from './reload.js';
import { verifyHealthy } from './verify.js';
import { faultPoint } from './fault.js';
import { record, step, type TxContext } from './context.js';
import { undoEntry } from './undo.js';

export interface ApplyResult {
  entry: JournalEntry;
  outcome: 'verified' | 'reverted' | 'rollback-incomplete';
  /** why the change was undone */
  failure: string | null;
  manualSteps: string[];
}

export async function applyEntry(tx: TxContext, intent: JournalEntry, plan: ApplyPlan): Promise<ApplyResult> {
  faultPoint('before-write');
  const changedAt = Date.now();
  // appliedAt is on disk before the first byte changes: the circuit breaker counts this attempt
  let entry = await record(tx, intent, { appliedAt: changedAt }, 'applying');
  // the new run's log starts here: the re-measure looks back no further
  let sinceMs: number | 'last-start' = 'last-start';
  try {
    await step(tx, 'write', 'Write the files (atomic)', () => writeFiles(entry, plan), () => plan.files.map((f) => f.path).join(', ') || 'no file');
    if (plan.limits) {
      const l = plan.limits;
      await step(tx, 'limits', 'Update the container limits (docker update)', () => updateLimits(tx.docker, tx.containerId, l));
    }
    entry = await record(tx, entry, { state: 'applied' }, 'files and limits changed');
    faultPoint('after-write');
    if (plan.needsReload) {
      const p = await step(tx, 'reload', 'Wait for Falco to reload (else restart it)', () => waitForPickUp(tx.docker, tx.containerId, changedAt, { watch: tx.watchConfig, timeoutMs: tx.reloadTimeoutMs }), (v) => v.how);
      sinceMs = p.sinceMs;
    }
    faultPoint('after-restart');
    const problems = await step(tx, 'verify', 'Check that Falco is healthy', () => verifyHealthy(tx.docker, tx.containerId, { sinceMs, settleMs: tx.settleMs, healthzUrl: tx.healthzUrl }), (p) => (p.length ? p.join('; ') : 'healthy'));
    if (problems.length > 0) throw new Error(problems.join('; '));
  } catch (e) {
    return revert(tx, entry, errorMessage(e));
  }
  const measureFrom = typeof sinceMs === 'number' ? sinceMs : changedAt;
  // A failed re-measure does not undo a healthy change, but the journal says why the figures are missing.
  let measures: Measure[] = [];
  let measureNote = '';
  if (tx.measure) {
    const measure = tx.measure;
    measures = await step(tx, 'measure', 'Measure again', () => measure(measureFrom), (m) => `${m.length} figures`).catch((e: unknown) => {
      measureNote = `; re-measure failed: ${errorMessage(e)}`;
      return [];
    });
  }
  entry = await record(tx, entry, { state: 'verified', measures, finishedAt: new Date().toISOString() }, `verified healthy${measureNote}`);
  return { entry, outcome: 'verified', failure: null, manualSteps: [] };
}

async function revert(tx: TxContext, entry: JournalEntry, failure: string): Promise<ApplyResult> {
  const failed = await record(tx, entry, {}, `failed: ${failure}; undoing`);
  const u = await undoEntry(tx, failed, 'reverted');
  return { entry: u.entry, outcome: u.ok ? 'reverted' : 'rollback-incomplete', failure, manualSteps: u.manualSteps };
}

async function writeFiles(entry: JournalEntry, plan: ApplyPlan): Promise<void> {
  for (const f of plan.files) {
    const before = entry.files.find((b) => b.path === f.path);
    if (!before) throw new Error(`${f.path}: not in the journal entry; refusing to change a file without its before-state`);
    const real = await resolveInside(f.path, before.root);
    await writeDurable(real, f.after, { mode: before.mode, owner: { uid: before.uid, gid: before.gid } });
  }
}
