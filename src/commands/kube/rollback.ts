// The CLI's current entry for `rollback` asks here first whether the entry changed Kubernetes (it then
// needs no Docker engine). Both go to the one rollback (../rollback.ts), which undoes any kind; this
// file goes when the CLI calls runRollbackCommand directly.
import type { ExitCode } from '../../core/errors.js';
import { openJournal } from '../../adapters/journal/journal.js';
import { stateDir } from '../../adapters/paths.js';
import { DEFAULT_TIMINGS } from '../../adapters/change/session.js';
import { runRollbackCommand } from '../rollback.js';
import type { CommandIo } from '../fix/fix.js';

export interface KubeRollbackRequest {
  id: string | null;
  last: boolean;
  stateDir: string | null;
  reloadTimeoutSeconds: number;
}

/** Whether `rollback` would undo a Kubernetes change, read without the lock. */
export async function entryToRollBack(req: KubeRollbackRequest): Promise<{ kube: boolean } | null> {
  if (!req.id && !req.last) return null;
  const j = await openJournal(stateDir(process.env, req.stateDir)).catch(() => null);
  if (!j) return null;
  const e = req.id ? await j.read(req.id).catch(() => null) : ((await j.list().catch(() => [])).at(-1) ?? null);
  return e && { kube: e.target.kind === 'kube' };
}

export function kubeRollback(req: KubeRollbackRequest, io: CommandIo): Promise<ExitCode> {
  return runRollbackCommand(
    null,
    { id: req.id, last: req.last, stateDir: req.stateDir, timings: { ...DEFAULT_TIMINGS, reloadTimeoutSeconds: req.reloadTimeoutSeconds } },
    io,
  );
}
