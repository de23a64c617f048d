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
import type { RollbackArgs } from '../cli/requests.js';
import type { JournalEntry } from '../core/fix/journal-entry.js';
import { openJournal } from '../adapters/journal/journal.js';
import { stateDir } from '../adapters/paths.js';
import type { DetectionCheck } from '../adapters/canary/detection-check.js';

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

/** detection: the canary before and after the undo (commands/detection.ts); none by default. An undo that
 *  loses detection is reported with exit 6 unless accepted — it is not redone: what it undid is in the journal. */
export async function runRollbackCommand(
  docker: DockerClient | Connections | null,
  req: RollbackRequest,
  io: CommandIo,
  detection: { checks: readonly DetectionCheck[]; accept: boolean } = { checks: [], accept: false },
): Promise<ExitCode> {
  const step = (id: string, ok: boolean, detail: string) => io.err(`  ${ok ? '✔' : '✖'} ${id}: ${detail}\n`);
  const befores = [];
  for (const c of detection.checks) {
    const b = await c.before();
    step(`before-${c.name}`, true, c.describeBefore(b));
    befores.push(b);
  }
  const r = await rollback(docker, req, (e) => e.type === 'step-finished' && step(e.id, e.status === 'ok', e.detail));
  if (r.ok) {
    io.out(`rolled back ${r.entry.id} (${r.entry.fixId}): ${kindOf(r.entry).restoredWhat(r.entry as EntryOf<ChangeKindName>)}\n`);
    let lost = false;
    for (const [i, c] of detection.checks.entries()) {
      const v = await c.after(befores[i] ?? null);
      step(
        `check-${c.name}`,
        v.ok !== false,
        v.ok === false ? `${v.reason}${detection.accept ? ' (accepted)' : ''}` : v.ok === null ? `not measured: ${v.note}` : v.note,
      );
      lost ||= v.ok === false && !detection.accept;
    }
    if (lost)
      io.out(
        `the rollback stays, but Falco no longer detects what it did before it: re-apply ${r.entry.fixId} (falco-doctor fix ${r.entry.fixId}) if that state was the safer one\n`,
      );
    return lost ? EXIT.fixReverted : EXIT.ok;
  }
  io.out(`rollback of ${r.entry.id} could not complete. Do this by hand:\n${r.manualSteps.map((s) => `  - ${s}\n`).join('')}`);
  return EXIT.rollbackIncomplete;
}

/** `falco-doctor rollback [ID|--last]` from the parsed command line: the canary around the undo only for a
 *  change to a container (aimed at that container, by name), decided before the undo; Docker is connected
 *  only when it is needed. */
export async function rollbackCommand(args: RollbackArgs, io: CommandIo): Promise<ExitCode> {
  const { connectDocker, detectionFor, timings } = await import('./cli-context.js');
  const request = { id: args.id, last: args.last, stateDir: args.stateDir, timings: timings(args) };
  const entry = await entryToUndo(request);
  const docker = args.canary === 'off' || entry?.target.kind !== 'container' ? null : await connectDocker().catch(() => null);
  if (!docker || entry?.target.kind !== 'container') return runRollbackCommand(null, request, io);
  const detection = await detectionFor(docker, args, entry.target.name, false);
  const checks = detection.checksFor(`rollback ${entry.id}`);
  return runRollbackCommand(docker, request, io, { checks, accept: args.acceptDetectionLoss });
}

/** The entry a rollback would undo, read without the lock (the rollback reads it again under it). */
async function entryToUndo(req: RollbackRequest): Promise<JournalEntry | null> {
  const j = await openJournal(stateDir(process.env, req.stateDir)).catch(() => null);
  if (!j) return null;
  return req.id ? j.read(req.id).catch(() => null) : ((await j.list().catch(() => [])).at(-1) ?? null);
}
