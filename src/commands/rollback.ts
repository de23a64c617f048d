// falco-doctor rollback [ID | --last]: undo a journaled change of any kind (a container's files and
// limits, Falco stopped for a baseline, a ConfigMap and a DaemonSet) from any session — including one
// whose process died mid-transaction. The restore is computed from the journal's before-state and is
// safe to repeat (a second run finds everything as before and only checks Falco's health).
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import type { ChangeKindName, EntryOf } from '../core/fix/journal-entry.js';
import type { DockerClient } from '../adapters/docker/client.js';
import type { FixEvent } from '../core/fix/events.js';
import type { Connections, UndoResult } from '../adapters/change/kind.js';
import { openSession, type TimingOptions } from '../adapters/change/session.js';
import { connections, undoJournaled } from '../adapters/change/undo.js';
import { kindOf } from '../adapters/change/kinds/index.js';
import type { CommandIo } from './fix/fix.js';

export interface RollbackRequest {
  /** a journal id, or null with last: true */
  id: string | null;
  last: boolean;
  stateDir: string | null;
  timings: TimingOptions;
}

/** `docker`: the client to use when the entry changed a container (else one is made if needed). */
export async function rollback(docker: DockerClient | Connections | null, req: RollbackRequest, emit: (e: FixEvent) => void): Promise<UndoResult> {
  if (!req.id && !req.last) throw new UserError('rollback needs a journal id or --last', 'see falco-doctor history');
  const conn = docker && 'timings' in docker ? docker : connections(req.timings, docker);
  const session = await openSession(req.stateDir, `rollback ${req.id ?? '--last'}`);
  try {
    const entry = req.id ? await session.journal.read(req.id) : (await session.journal.list()).at(-1);
    if (!entry) throw new UserError(`nothing to roll back: the journal in ${session.journal.dir} is empty`);
    return await undoJournaled({ journal: session.journal, emit }, entry, conn, 'rolled-back');
  } finally {
    await session.lock.release();
  }
}

export async function runRollbackCommand(docker: DockerClient | Connections | null, req: RollbackRequest, io: CommandIo): Promise<ExitCode> {
  const r = await rollback(docker, req, (e) => e.type === 'step-finished' && io.err(`  ${e.status === 'ok' ? '✔' : '✖'} ${e.id}: ${e.detail}\n`));
  if (r.ok) {
    io.out(`rolled back ${r.entry.id} (${r.entry.fixId}): ${kindOf(r.entry).restoredWhat(r.entry as EntryOf<ChangeKindName>)}\n`);
    return EXIT.ok;
  }
  io.out(`rollback of ${r.entry.id} could not complete. Do this by hand:\n${r.manualSteps.map((s) => `  - ${s}\n`).join('')}`);
  return EXIT.rollbackIncomplete;
}
