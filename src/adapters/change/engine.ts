// The one way a change reaches Falco, whatever its kind (kinds/): lock → guards (an unfinished
// transaction, the circuit breaker, the target unchanged since planning, room in the state dir) →
// the post-change checks' `before` → the intent journaled → apply → verify → the checks' `after` →
// finish (tidy up, re-measure) → verified. A failed apply, verify or check undoes the change at once,
// from the journal, and the entry says why.
import { JOURNAL_SCHEMA_VERSION, type ChangeKindName, type EntryOf, type JournalEntry } from '../../core/fix/journal-entry.js';
import { errorMessage } from '../../core/errors.js';
import { record } from '../apply/context.js';
import { faultPoint } from '../apply/fault.js';
import type { ChangeTx, PlannedChange } from './kind.js';
import { journalIntent, openSession, refuseUnsafeChange } from './session.js';

export type CheckVerdict = { ok: true; note: string } | { ok: false; reason: string } | { ok: null; note: string };

/** A check after the change (e.g. the detection canary): `before` runs before the change is applied,
 *  `after` once it is verified. A failing `after` undoes the change like a failed verify; null (could
 *  not measure) never does. */
export interface PostChangeCheck<B = unknown> {
  name: string;
  before(): Promise<B>;
  /** what `before` measured, in one line (shown as the step's detail) */
  describeBefore?(before: B): string;
  after(before: B): Promise<CheckVerdict>;
}

export interface ChangeRequest<K extends ChangeKindName> {
  /** what another doctor sees as the lock holder, e.g. "fix raise-cpu-limit" */
  command: string;
  stateDir: string | null;
  maxChangesPerHour: number;
  planned: PlannedChange<K>;
  /** each check pairs its own before/after type (methods: a PostChangeCheck<T> is a PostChangeCheck) */
  checks?: readonly PostChangeCheck[];
  /** the operator accepts what a failing check reports: the change stays, the journal says so */
  accept?: boolean;
  emit: ChangeTx['emit'];
}

export interface ChangeResult<K extends ChangeKindName = ChangeKindName> {
  entry: EntryOf<K>;
  outcome: 'verified' | 'reverted' | 'rollback-incomplete';
  /** why the change was undone */
  failure: string | null;
  manualSteps: string[];
}

export async function runChange<K extends ChangeKindName>(req: ChangeRequest<K>): Promise<ChangeResult<K>> {
  const session = await openSession(req.stateDir, req.command);
  faultPoint('after-lock');
  try {
    await refuseUnsafeChange(session, req.maxChangesPerHour);
    const p = req.planned;
    const { target, change } = await p.intent();
    const intent = {
      schemaVersion: JOURNAL_SCHEMA_VERSION,
      id: p.id,
      fixId: p.fixId,
      title: p.title,
      createdAt: new Date().toISOString(),
      state: 'intent' as const,
      pid: process.pid,
      target,
      changes: p.changes,
      change,
      appliedAt: null,
      measures: [],
      log: [],
      finishedAt: null,
    } as EntryOf<K>;
    const checks = req.checks ?? [];
    const tx0 = { emit: req.emit };
    const befores: unknown[] = [];
    for (const c of checks) {
      tx0.emit({ type: 'step-started', id: `before-${c.name}`, title: `Before the change: ${c.name}` });
      const b = await c.before();
      tx0.emit({ type: 'step-finished', id: `before-${c.name}`, status: 'ok', detail: c.describeBefore?.(b) ?? 'measured' });
      befores.push(b);
    }
    await journalIntent(session, intent);
    faultPoint('after-intent');
    // what the journal last holds of this change: a step that throws has recorded progress the caller never got back
    let latest = intent;
    const write = async (e: JournalEntry): Promise<void> => {
      await session.journal.write(e);
      if (e.id === intent.id) latest = e as EntryOf<K>;
    };
    const journal = { ...session.journal, write };
    const tx = { journal, emit: req.emit };
    return await carryOut(
      tx,
      p,
      intent,
      () => latest,
      (entry) => afterChecks(tx, checks, befores, req.accept === true, entry),
    );
  } finally {
    await session.lock.release();
  }
}

type Checked<K extends ChangeKindName> = { entry: EntryOf<K>; failure: string | null };

async function carryOut<K extends ChangeKindName>(
  tx: ChangeTx,
  p: PlannedChange<K>,
  intent: EntryOf<K>,
  latest: () => EntryOf<K>,
  check: (e: EntryOf<K>) => Promise<Checked<K>>,
): Promise<ChangeResult<K>> {
  // appliedAt is on disk before the first byte changes: the circuit breaker counts this attempt
  let entry = await record(tx, intent, { appliedAt: Date.now() }, 'applying');
  faultPoint('before-write');
  try {
    entry = await p.apply(tx, entry);
    entry = await p.verify(tx, entry);
  } catch (e) {
    return revert(tx, p, latest(), p.explain(e));
  }
  faultPoint('after-verify');
  const checked = await check(entry);
  entry = checked.entry;
  if (checked.failure) return revert(tx, p, entry, checked.failure);
  // a healthy change stays when tidying up or re-measuring fails: the journal says why figures are missing
  const done = await p.finish(tx, entry).catch((e: unknown) => ({ entry, measures: [], note: `; re-measure failed: ${errorMessage(e)}` }));
  entry = await record(tx, done.entry, { state: 'verified', measures: done.measures, finishedAt: new Date().toISOString() }, `verified healthy${done.note}`);
  faultPoint('after-verified');
  return { entry, outcome: 'verified', failure: null, manualSteps: [] };
}

/** Runs each check's `after`, journaling its note; the first failure (unless accepted) is the reason to undo. */
async function afterChecks<K extends ChangeKindName>(
  tx: ChangeTx,
  checks: readonly PostChangeCheck[],
  befores: unknown[],
  accept: boolean,
  start: EntryOf<K>,
): Promise<Checked<K>> {
  let entry = start;
  for (const [i, c] of checks.entries()) {
    tx.emit({ type: 'step-started', id: `check-${c.name}`, title: `Check: ${c.name}` });
    // a check that throws could not measure: that never undoes a healthy change
    const v: CheckVerdict = await c.after(befores[i]).catch((e: unknown) => ({ ok: null, note: `could not measure: ${errorMessage(e)}` }));
    const failed = v.ok === false;
    const text = v.ok === false ? v.reason : v.note;
    const accepted = failed && accept;
    const keptNote = accepted ? ' (accepted by the operator: the change stays)' : '';
    tx.emit({
      type: 'step-finished',
      id: `check-${c.name}`,
      status: failed ? 'failed' : 'ok',
      detail: v.ok === null ? `not measured: ${text}` : `${text}${keptNote}`,
    });
    const message = failed ? `check ${c.name} failed: ${text}${keptNote}` : `check ${c.name}: ${v.ok === null ? 'not measured: ' : ''}${text}`;
    // a failed check is undone even when the journal cannot take its line (a full disk): revert needs only the entry
    const before = entry;
    entry = await record(tx, entry, {}, message).catch((e: unknown) => {
      if (failed && !accepted) return before;
      throw e;
    });
    if (failed && !accepted) return { entry, failure: `check ${c.name}: ${text}` };
  }
  return { entry, failure: null };
}

async function revert<K extends ChangeKindName>(tx: ChangeTx, p: PlannedChange<K>, entry: EntryOf<K>, failure: string): Promise<ChangeResult<K>> {
  // the undo runs even when the journal cannot take this line (a full disk): it needs only `entry`
  const failed = await record(tx, entry, {}, `failed: ${failure}; undoing`).catch(() => entry);
  const u = await p.undo(tx, failed, 'reverted');
  return { entry: u.entry, outcome: u.ok ? 'reverted' : 'rollback-incomplete', failure, manualSteps: u.manualSteps };
}
