// What a kind of change gives the engine (engine.ts). A kind is one file under kinds/: a planner that
// the command calls with what it planned (PlannedChange: read the before-state, apply, verify, finish,
// undo in this process) and a ChangeKind registered in kinds/index.ts (what history shows of an entry
// of that kind and how to undo it from the journal alone, in any later process).
import type { ChangeKindName, EntryOf, EntryState, Measure, TargetOf, ChangeOf, KubeTarget } from '../../core/fix/journal-entry.js';
import type { FixEvent } from '../../core/fix/events.js';
import type { Journal } from '../journal/journal.js';
import type { DockerClient } from '../docker/client.js';
import type { KubeApi } from '../kube/client.js';
import type { TimingOptions } from './session.js';

/** The journal the change is recorded in and where its progress goes. */
export interface ChangeTx {
  journal: Journal;
  emit: (e: FixEvent) => void;
}

export interface UndoResult<E = EntryOf<ChangeKindName>> {
  entry: E;
  ok: boolean;
  /** what the operator must do by hand when ok is false */
  manualSteps: string[];
}

export type UndoneState = Extract<EntryState, 'reverted' | 'rolled-back'>;

/** One change as the command planned it, carried out by the engine. */
export interface PlannedChange<K extends ChangeKindName> {
  id: string;
  fixId: string;
  title: string;
  /** one line per change, as the preview showed them */
  changes: string[];
  /** Under the lock, after the guards: reads the exact before-state. Throws a UserError, with nothing
   *  journaled or changed, when the target changed since the plan was made. */
  intent(): Promise<{ target: TargetOf<K>; change: ChangeOf<K> }>;
  /** Makes the change (its appliedAt is on disk already); returns the entry as last journaled. */
  apply(tx: ChangeTx, entry: EntryOf<K>): Promise<EntryOf<K>>;
  /** Throws when Falco is not healthy with the change: the engine then undoes it. */
  verify(tx: ChangeTx, entry: EntryOf<K>): Promise<EntryOf<K>>;
  /** After verify and the post-change checks: tidy up and re-measure. Never undoes. */
  finish(tx: ChangeTx, entry: EntryOf<K>): Promise<{ entry: EntryOf<K>; measures: Measure[]; note: string }>;
  /** Why it failed, in the operator's words (e.g. "Docker stopped answering"). */
  explain(e: unknown): string;
  /** The undo in this process, with the connection it already holds. */
  undo(tx: ChangeTx, entry: EntryOf<K>, done: UndoneState): Promise<UndoResult<EntryOf<K>>>;
}

/** How a later process reaches what an entry changed. */
export interface Connections {
  docker(): DockerClient;
  kube(target: KubeTarget): Promise<KubeApi>;
  timings: TimingOptions;
}

/** A registered kind: enough to show and undo any entry of it from the journal alone. */
export interface ChangeKind<K extends ChangeKindName> {
  kind: K;
  /** the things it changed (e.g. `file /etc/falco/falco.yaml`): two entries sharing one overlap */
  touches(entry: EntryOf<K>): string[];
  /** what an undo puts back byte for byte, for the history screen */
  restores(entry: EntryOf<K>): string[];
  /** what `rollback` reports, e.g. "files and limits are as before the change" */
  restoredWhat(entry: EntryOf<K>): string;
  /** Undo from the journal alone (another process, after a crash); safe to repeat. */
  undo(tx: ChangeTx, entry: EntryOf<K>, conn: Connections, done: UndoneState): Promise<UndoResult<EntryOf<K>>>;
}
