// The doctor writes only inside the folder it expects (the host side of Falco's /etc/falco mount, or
// the compose project's folder). A symlink that leads elsewhere — e.g. falco.yaml → /etc/passwd — is
// refused rather than followed; one that stays inside is followed, so the link itself is preserved.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../core/errors.js';

/** The real path to write for `file`, or a UserError naming the file when it escapes `root`. */
export async function resolveInside(file: string, root: string): Promise<string> {
  const realRoot = await realpath(root);
  const st = await lstat(file).catch(() => null);
  // a new file: its folder decides (root may be the file itself: a single-file bind mount)
  const real = st ? await realpath(file) : path.join(await realpath(path.dirname(file)), path.basename(file));
  const rel = path.relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new UserError(
      `${file}: resolves to ${real}, outside ${realRoot}; refusing to write through a symlink`,
      'replace the symlink by the file itself, or fix it by hand',
    );
  if (st && !st.isFile() && !st.isSymbolicLink()) throw new UserError(`${file}: not a regular file`);
  return real;
}
