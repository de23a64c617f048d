// Before anything is journaled or changed: can every file of the plan be replaced? The doctor runs as
// root, and root ignores mode bits (a 0444 falco.yaml is written, and keeps its 0444), so "read-only"
// for it means a read-only mount (EROFS) or an immutable file or folder (chattr +i: EPERM). access(2)
// reports both for root without touching the file (opening it for writing would wake Falco's watcher).
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { FileBefore } from '../../core/fix/journal-entry.js';
import { resolveInside } from './safe-path.js';

const WHY: Record<string, string> = {
  EROFS: 'is on a read-only filesystem (mount)',
  EPERM: 'is immutable (chattr +i) or otherwise locked against writing',
  EACCES: 'is not writable by this user',
};

/** Throws a UserError naming the first file (or folder) that cannot be replaced; nothing is written. */
export async function ensureWritable(files: readonly FileBefore[]): Promise<void> {
  for (const f of files) {
    const real = await resolveInside(f.path, f.root);
    // the temp file is created in the folder and renamed over the file: both must allow it
    const targets = f.existed ? [real, path.dirname(real)] : [path.dirname(real)];
    for (const t of targets) {
      const code = await access(t, constants.W_OK).then(
        () => null,
        (e: NodeJS.ErrnoException) => e.code ?? 'EIO',
      );
      if (code === null) continue;
      const what = t === real ? f.path : `${path.dirname(f.path)} (the folder of ${path.basename(f.path)})`;
      throw new UserError(
        `${what} ${WHY[code] ?? `cannot be written (${code})`}; refusing to start the change, nothing was changed`,
        code === 'EPERM' ? `if the doctor may change it: chattr -i ${t}; else make the change by hand` : 'make it writable, or make the change by hand',
      );
    }
  }
}
