// falco-doctor rollback [ID | --last]: undo a journaled change from any session — including one whose
// process died mid-transaction. The restore is computed from the journal's before-state and is safe
// to repeat (a second run finds everything identical and only checks Falco's health).
import type { JournalEntry } from '../core/fix/journal-entry.js';
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import type { DockerClient } from '../adapters/docker/client.js';
import type { FixEvent } from '../adapters/apply/context.js';
import { undoEntry, type UndoResult } from '../adapters/apply/undo.js';
import { dockerFailure } from '../adapters/apply/docker-failure.js';
import { openSession, txContext, type TimingOptions } from './fix/session.js';
import type { CommandIo } from './fix/fix.js';

export interface RollbackRequest {
  /** a journal id, or null with last: true */
  id: string | null;
  last: boolean;
  stateDir: string | null;
  timings: TimingOptions;
}

export async function rollback(docker: DockerClient, req: RollbackRequest, emit: (e: FixEvent) => void): Promise<UndoResult> {
  if (!req.id && !req.last) throw new UserError('rollback needs a journal id or --last', 'see falco-doctor history');
  const session = await openSession(req.stateDir, `rollback ${req.id ?? '--last'}`);
  try {
    const entry = req.id ? await session.journal.read(req.id) : (await session.journal.list()).at(-1);
    if (!entry) throw new UserError(`nothing to roll back: the journal in ${session.journal.dir} is empty`);
    const target = { ...entry.container, id: await liveContainerId(docker, entry) };
    return await undoEntry(txContext(docker, session.journal, target, req.timings, emit), entry, 'rolled-back');
  } finally {
    await session.lock.release();
  }
}

/** The container by id, else by name (it may have been recreated since the change). When it is gone,
 * or Docker does not answer, the recorded id: the undo still restores the files (they are on this
 * host) and reports what is left to do about the container. */
async function liveContainerId(docker: DockerClient, entry: JournalEntry): Promise<string> {
  for (const ref of [entry.container.id, entry.container.name]) {
    const found = await docker
      .getContainer(ref)
      .inspect()
      .then(
        (i: { Id: string }) => i.Id,
        (e: unknown) => (dockerFailure(e) === 'container-gone' ? null : entry.container.id),
      );
    if (found) return found;
  }
  return entry.container.id;
}

export async function runRollbackCommand(docker: DockerClient, req: RollbackRequest, io: CommandIo): Promise<ExitCode> {
  const r = await rollback(docker, req, (e) => e.type === 'step-finished' && io.err(`  ${e.status === 'ok' ? '✔' : '✖'} ${e.id}: ${e.detail}\n`));
  if (r.ok) {
    io.out(
      `rolled back ${r.entry.id} (${r.entry.fixId}): ${r.entry.recreate ? 'files, limits and the container (its command line)' : 'files and limits'} are as before the change\n`,
    );
    return EXIT.ok;
  }
  io.out(`rollback of ${r.entry.id} could not complete. Do this by hand:\n${r.manualSteps.map((s) => `  - ${s}\n`).join('')}`);
  return EXIT.rollbackIncomplete;
}
