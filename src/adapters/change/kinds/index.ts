// Every kind of change the engine knows, by the tag its journal entries carry. A new kind is one file
// in this folder (its PlannedChange for the command, its ChangeKind for history and undo), its change
// fields in core/fix/journal-entry.ts's ChangeSchema, and one line here.
import type { ChangeKindName, JournalEntry } from '../../../core/fix/journal-entry.js';
import type { ChangeKind } from '../kind.js';
import { dockerKind } from './docker.js';
import { falcoStoppedKind } from './falco-stopped.js';
import { kubePatchKind } from './kube-patch.js';

export const CHANGE_KINDS: { [K in ChangeKindName]: ChangeKind<K> } = {
  docker: dockerKind,
  'falco-stopped': falcoStoppedKind,
  'kube-patch': kubePatchKind,
};

/** The kind of this entry; the schema guarantees its target is of the kind's target type. */
export function kindOf(entry: JournalEntry): ChangeKind<ChangeKindName> {
  return CHANGE_KINDS[entry.change.kind] as ChangeKind<ChangeKindName>;
}
