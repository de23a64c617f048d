// Puts files back as the journal recorded them. Idempotent: a file already byte-identical with the
// same mode and owner is left alone (no needless reload), a file already removed stays removed.
// A doctor killed between writing a temp file and renaming it leaves that temp file beside the
// original; it is removed here, so the folder ends up exactly as it was.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileRestore } from '../../core/fix/invert.js';
import { parseTempName, removeDurable, writeDurable } from './durable-write.js';
import { resolveInside } from './safe-path.js';
import { processAlive } from '../journal/lock.js';

/** Restores every file; returns the paths that had to change (Falco must pick those up; a removed
 * leftover temp file is not one of them: Falco never read it). */
export async function restoreFiles(files: readonly FileRestore[]): Promise<string[]> {
  const changed: string[] = [];
  for (const f of files) {
    const real = await resolveInside(f.path, f.root);
    await removeLeftoverTemps(real);
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

/** Temp files of `file` left by a doctor that died before its rename (a live writer's are kept). */
async function removeLeftoverTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    const t = parseTempName(n);
    if (t && t.base === path.basename(file) && (t.pid === process.pid || !processAlive(t.pid))) await removeDurable(path.join(dir, n));
  }
}
