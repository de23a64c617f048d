// The journal and the lock in the state dir, and the guards every change passes before its intent is
// journaled, whatever it changes (a container's files and limits, Falco stopped for a baseline, a
// ConfigMap and a DaemonSet): they all change the same Falco fleet, so every entry counts.
import { stateDir } from '../paths.js';
import { openJournal, type Journal } from '../journal/journal.js';
import { acquireLock, type Lock } from '../journal/lock.js';
import { ensureRoom, stateDirError } from '../journal/state-dir-error.js';
import { isIncomplete, type JournalEntry } from '../../core/fix/journal-entry.js';
import { breakerRefusal } from '../../core/fix/breaker.js';
import { UserError } from '../../core/errors.js';

export interface TimingOptions {
  /** the container must stay up this long after a change */
  settleSeconds: number;
  /** how long Falco gets to reload changed files by itself before it is restarted */
  reloadTimeoutSeconds: number;
}

export const DEFAULT_TIMINGS: TimingOptions = { settleSeconds: 10, reloadTimeoutSeconds: 15 };

export interface Session {
  /** the state dir in use */
  dir: string;
  journal: Journal;
  lock: Lock;
}

export async function openSession(stateDirOverride: string | null, command: string): Promise<Session> {
  const dir = stateDir(process.env, stateDirOverride);
  const lock = await acquireLock(dir, command);
  try {
    return { dir, journal: await openJournal(dir), lock };
  } catch (e) {
    await lock.release();
    throw stateDirError(dir, e);
  }
}

/**
 * Refuses a change while another one is unfinished (its process died mid-change: undo it first) or
 * when the circuit breaker is open. Under the session's lock, so that no other doctor journals in between.
 */
export async function refuseUnsafeChange(session: Session, maxChangesPerHour: number, nowMs = Date.now()): Promise<void> {
  const entries = await session.journal.list();
  const unfinished = entries.filter(isIncomplete).at(-1);
  if (unfinished)
    throw new UserError(`transaction ${unfinished.id} (${unfinished.fixId}) did not finish (its process died)`, 'undo it first: falco-doctor rollback --last');
  const refusal = breakerRefusal(entries, nowMs, maxChangesPerHour);
  if (refusal) throw new UserError(`circuit breaker: ${refusal}`, 'wait, or raise the limit (--max-changes-per-hour) if you mean it');
}

/** Writes the intent, refusing first when the state dir has no room for the entry's rewrites. */
export async function journalIntent(session: Session, intent: JournalEntry): Promise<void> {
  await ensureRoom(session.dir, Buffer.byteLength(JSON.stringify(intent, null, 2)));
  await session.journal.write(intent).catch((e: unknown) => {
    throw stateDirError(session.dir, e);
  });
}
