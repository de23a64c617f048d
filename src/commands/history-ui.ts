// The journal for the screens: entries as ChangeViews (newest first), the newest one for home, and
// the history screen with its undo — the same `rollback(id)` as `falco-doctor rollback ID`, so the
// lock, the byte-for-byte restore, the health check and the journal record are the command's own.
import type { DockerClient } from '../adapters/docker/client.js';
import { openJournal } from '../adapters/journal/journal.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { errorMessage } from '../core/errors.js';
import { targetName, type ChangeKindName, type EntryOf, type JournalEntry } from '../core/fix/journal-entry.js';
import { kindOf } from '../adapters/change/kinds/index.js';
import type { ChangeView, HistoryActions } from '../ui/history/run.js';
import { formatMeasure } from './fix/report.js';
import type { TimingOptions } from '../adapters/change/session.js';

/** Still in place, or left half done by a process that died: `rollback` restores the before-state. */
export function isUndoable(e: JournalEntry): boolean {
  return e.state !== 'rolled-back' && e.state !== 'reverted';
}

/** Entries (oldest first, as the journal lists them) → views, newest first. */
export function toChangeViews(entries: readonly JournalEntry[]): ChangeView[] {
  return entries
    .map((e, i) => ({
      id: e.id,
      fixId: e.fixId,
      title: e.title,
      state: e.state,
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
      container: targetName(e.target),
      changes: e.changes,
      files: kindOf(e).restores(e as EntryOf<ChangeKindName>),
      measures: e.measures.map(formatMeasure),
      log: e.log,
      undoable: isUndoable(e),
      laterOverlapping: entries
        .slice(i + 1)
        .filter((later) => isUndoable(later) && overlaps(e, later))
        .map((later) => later.id),
    }))
    .reverse();
}

/** Both changed one thing (a file, a container's limits, a ConfigMap key, …), whatever their kinds:
 *  restoring one's before-state undoes the other's edit. */
function overlaps(a: JournalEntry, b: JournalEntry): boolean {
  const touched = new Set(touches(a));
  return touches(b).some((t) => touched.has(t));
}

const touches = (e: JournalEntry): string[] => kindOf(e).touches(e as EntryOf<ChangeKindName>);

export type JournalRead = { changes: ChangeView[]; error: null } | { changes: []; error: string };

/** The journal under the state dir (--state-dir, else XDG); a damaged entry is an error to show, not a crash. */
export async function readChanges(stateDirFlag: string | null, env: NodeJS.ProcessEnv = process.env): Promise<JournalRead> {
  try {
    const journal = await openJournal(resolveStateDir(env, stateDirFlag));
    return { changes: toChangeViews(await journal.list()), error: null };
  } catch (e) {
    return { changes: [], error: errorMessage(e) };
  }
}

export interface HistoryScreenOptions {
  stateDir: string | null;
  timings: TimingOptions;
  noColor: boolean;
  /** open on the undo of this entry (home's `u`) */
  undoId?: string | null;
}

export function historyActions(docker: DockerClient, opts: Pick<HistoryScreenOptions, 'stateDir' | 'timings'>): HistoryActions {
  return {
    async undo(id, emit) {
      // the transaction code loads only when an undo is confirmed: home reads this module at start
      const { rollback } = await import('./rollback.js');
      const r = await rollback(docker, { id, last: false, stateDir: opts.stateDir, timings: opts.timings }, emit);
      const after = await readChanges(opts.stateDir);
      // the undo's own entry comes back from rollback() even when another entry is unreadable
      return { ok: r.ok, problems: r.manualSteps, changes: after.error === null ? after.changes : null, entry: toChangeViews([r.entry])[0] ?? null };
    },
  };
}

export async function runHistoryScreen(docker: DockerClient, opts: HistoryScreenOptions): Promise<void> {
  const { runHistoryUi } = await import('../ui/history/run.js');
  const read = await readChanges(opts.stateDir);
  await runHistoryUi({ changes: read.changes, loadError: read.error, undoId: opts.undoId ?? null }, historyActions(docker, opts), { noColor: opts.noColor });
}
