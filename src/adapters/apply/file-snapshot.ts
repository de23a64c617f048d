// The before-state of a file the transaction will touch: bytes, mode and owner, for the journal.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileBefore } from '../../core/fix/journal-entry.js';
import { resolveInside } from './safe-path.js';

export async function snapshotFile(file: string, containerPath: string | null, root: string): Promise<FileBefore> {
  const real = await resolveInside(file, root);
  const st = await stat(real).catch(() => null);
  if (!st) {
    // created by the change: the undo removes it; mode/owner follow its folder's owner
    const dir = await stat(path.dirname(real));
    return { path: file, containerPath, existed: false, bytesBase64: '', mode: 0o644, uid: dir.uid, gid: dir.gid, root };
  }
  const bytes = await readFile(real);
  return { path: file, containerPath, existed: true, bytesBase64: bytes.toString('base64'), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, root };
}
