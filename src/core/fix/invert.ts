// The undo of any transaction, computed from its journaled before-state: the same function serves an
// automatic rollback, `rollback ID`, and the recovery of a transaction whose process died. Pure.
import type { ChangeOf, Limits } from './journal-entry.js';

export type FileRestore =
  | { action: 'write'; path: string; root: string; bytesBase64: string; mode: number; uid: number; gid: number }
  /** the change created this file: the undo removes it */
  | { action: 'remove'; path: string; root: string };

export interface RestorePlan {
  entryId: string;
  files: FileRestore[];
  /** null: the transaction did not touch the limits */
  limits: Limits | null;
  /** Falco reads the restored files only after a reload or restart */
  needsReload: boolean;
}

export function restorePlanFor(entry: { id: string; change: ChangeOf<'docker'> }): RestorePlan {
  const { files: before, limits } = entry.change;
  const files = before.map((f): FileRestore =>
    f.existed
      ? { action: 'write', path: f.path, root: f.root, bytesBase64: f.bytesBase64, mode: f.mode, uid: f.uid, gid: f.gid }
      : { action: 'remove', path: f.path, root: f.root },
  );
  return {
    entryId: entry.id,
    files,
    limits: limits ? limits.before : null,
    needsReload: before.some((f) => f.containerPath !== null),
  };
}
