// The pieces every command that changes Falco shares: the journal and the lock in the state dir, and
// the transaction context (health URL, reload behaviour, timings) for one container.
import { stateDir } from '../../adapters/paths.js';
import { openJournal, type Journal } from '../../adapters/journal/journal.js';
import { acquireLock, type Lock } from '../../adapters/journal/lock.js';
import { stateDirError } from '../../adapters/journal/state-dir-error.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import type { FixEvent, TxContext } from '../../adapters/apply/context.js';
import type { JournalEntry, Measure } from '../../core/fix/journal-entry.js';

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
