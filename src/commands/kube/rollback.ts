// `falco-doctor rollback [ID | --last]` of a change made through the Kubernetes API: the cluster is
// reached again with the kubeconfig and context the journal recorded (from any session, after a crash),
// and the ConfigMap key and the DaemonSet template are put back together. Docker entries go elsewhere.
import { EXIT, UserError, errorMessage, type ExitCode } from '../../core/errors.js';
import type { JournalEntry } from '../../core/fix/journal-entry.js';
import { openJournal } from '../../adapters/journal/journal.js';
import { stateDir } from '../../adapters/paths.js';
import { openSession } from '../fix/session.js';

export interface KubeRollbackRequest {
  id: string | null;
  last: boolean;
  stateDir: string | null;
  reloadTimeoutSeconds: number;
}

/** The entry `rollback` would undo, read without the lock, to tell a Kubernetes change from a Docker one. */
export async function entryToRollBack(req: KubeRollbackRequest): Promise<JournalEntry | null> {
  if (!req.id && !req.last) return null;
  const j = await openJournal(stateDir(process.env, req.stateDir)).catch(() => null);
  if (!j) return null;
  return req.id ? await j.read(req.id).catch(() => null) : ((await j.list().catch(() => [])).at(-1) ?? null);
}

export async function kubeRollback(req: KubeRollbackRequest, io: { out: (s: string) => void; err: (s: string) => void }): Promise<ExitCode> {
  const session = await openSession(req.stateDir, `rollback ${req.id ?? '--last'}`);
  try {
    const entry = req.id ? await session.journal.read(req.id) : (await session.journal.list()).at(-1);
    const k = entry?.kube;
    if (!entry || !k) throw new UserError('that journal entry is not a Kubernetes change');
    const { connectKube } = await import('../../adapters/kube/client.js');
    const api = await connectKube({ kubeconfig: k.kubeconfig, context: k.context });
    if (api.server !== k.server)
      throw new UserError(
        `context ${k.context} now points at ${api.server}, the change was made on ${k.server}: nothing restored`,
        'pass the kubeconfig the change was made with',
      );
    const { undoKubeChange } = await import('../../adapters/kube/apply.js');
    const tx = { api, journal: session.journal, rolloutTimeoutMs: Math.max(120, req.reloadTimeoutSeconds) * 1000, say: (l: string) => io.err(`  ✔ ${l}\n`) };
    try {
      await undoKubeChange(tx, entry);
    } catch (e) {
      entry.state = 'rollback-incomplete';
      entry.log.push({ t: new Date().toISOString(), message: `rollback incomplete: ${errorMessage(e)}` });
      await session.journal.write(entry);
      io.out(`rollback of ${entry.id} could not complete: ${errorMessage(e)}; run it again (it repeats safely)\n`);
      return EXIT.rollbackIncomplete;
    }
    entry.state = 'rolled-back';
    entry.finishedAt = new Date().toISOString();
    await session.journal.write(entry);
    io.out(
      `rolled back ${entry.id} (${entry.fixId}): ConfigMap ${k.namespace}/${k.configMap?.name ?? '-'} and DaemonSet ${k.namespace}/${k.daemonSet.name} are as before the change\n`,
    );
    return EXIT.ok;
  } finally {
    await session.lock.release();
  }
}
