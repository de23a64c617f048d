// The pieces every command that changes Falco shares: the journal and the lock in the state dir, the
// guards a change passes before its intent is journaled (Docker or Kubernetes alike), and the
// transaction context (health URL, reload behaviour, timings) for one container.
import { stateDir } from '../../adapters/paths.js';
import { openJournal, type Journal } from '../../adapters/journal/journal.js';
import { acquireLock, type Lock } from '../../adapters/journal/lock.js';
import { ensureRoom, stateDirError } from '../../adapters/journal/state-dir-error.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import type { FixEvent, TxContext } from '../../adapters/apply/context.js';
import { isIncomplete, type JournalEntry, type Measure } from '../../core/fix/journal-entry.js';
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
 * when the circuit breaker is open. Every entry of the journal counts, whatever it changed (a
 * container's files and limits, or a ConfigMap and a DaemonSet): they all change the same Falco fleet.
 * Under the session's lock, so that no other doctor journals in between.
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

export function txContext(
  docker: DockerClient,
  journal: Journal,
  target: JournalEntry['container'],
  timings: TimingOptions,
  emit: (e: FixEvent) => void,
  measure: ((sinceMs: number) => Promise<Measure[]>) | null = null,
): TxContext {
  return {
    docker,
    journal,
    containerId: target.id,
    watchConfig: target.watchConfig,
    healthzUrl: target.healthzUrl,
    settleMs: timings.settleSeconds * 1000,
    reloadTimeoutMs: timings.reloadTimeoutSeconds * 1000,
    measure,
    emit,
  };
}
