// The one undo of a journaled change, whatever its kind, from the journal alone: `rollback`, the home
// screen's u, the history screen, the recovery of a change whose process died (the breaker and the
// unfinished-transaction guard send the operator here) all come through it.
import type { ChangeKindName, EntryOf, JournalEntry } from '../../core/fix/journal-entry.js';
import { connectDocker, type DockerClient } from '../docker/client.js';
import type { ChangeTx, Connections, UndoResult, UndoneState } from './kind.js';
import type { TimingOptions } from './session.js';
import { kindOf } from './kinds/index.js';

export function undoJournaled(tx: ChangeTx, entry: JournalEntry, conn: Connections, done: UndoneState): Promise<UndoResult> {
  return kindOf(entry).undo(tx, entry as EntryOf<ChangeKindName>, conn, done);
}

/** Reaches Docker and Kubernetes only when an entry's kind needs them: a Kubernetes undo needs no Docker engine. */
export function connections(timings: TimingOptions, docker: DockerClient | null = null): Connections {
  let client = docker;
  return {
    docker: () => (client ??= connectDocker()),
    kube: async (t) => {
      const { connectKube } = await import('../kube/client.js');
      return connectKube({ kubeconfig: t.kubeconfig, context: t.context });
    },
    timings,
  };
}
