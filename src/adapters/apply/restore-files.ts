// Puts files back as the journal recorded them. Idempotent: a file already byte-identical with the
// same mode and owner is left alone (no needless reload), a file already removed stays removed.
import { readFile, stat } from 'node:fs/promises';
import type { FileRestore } from '../../core/fix/invert.js';
import { removeDurable, writeDurable } from './durable-write.js';
import { resolveInside } from './safe-path.js';

/** Restores every file; returns the paths that had to change. */
export async function restoreFiles(files: readonly FileRestore[]): Promise<string[]> {
  const changed: string[] = [];
  for (const f of files) {
    const real = await resolveInside(f.path, f.root);
    const st = await stat(real).catch(() => null);
    if (f.action === 'remove') {
      if (st) {
        await removeDurable(real);
        changed.push(f.path);
      }
      continue;
    }
    const bytes = Buffer.from(f.bytesBase64, 'base64');
    const same = st !== null && (st.mode & 0o7777) === f.mode && st.uid === f.uid && st.gid === f.gid && (await readFile(real)).equals(bytes);
    if (same) continue;
    await writeDurable(real, bytes, { mode: f.mode, owner: { uid: f.uid, gid: f.gid } });
    changed.push(f.path);
  }
  return changed;
}
