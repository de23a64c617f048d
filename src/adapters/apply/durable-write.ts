// Crash-safe file replacement: a temp file in the same folder (so rename is atomic), data and mode and
// owner set on it, fsync, rename over the target, fsync the folder so the rename itself survives a
// power cut. A reader (Falco's watcher) sees the old file or the new one, never half of one.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface DurableOptions {
  mode: number;
  /** set the owner too (needs the privilege to chown, as the doctor has when it edits Falco's files) */
  owner?: { uid: number; gid: number };
}

export async function writeDurable(file: string, data: Buffer | string, opts: DurableOptions): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.falco-doctor-${process.pid}-${Date.now()}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(data);
    if (opts.owner) await fh.chown(opts.owner.uid, opts.owner.gid);
    // after chown: chown may clear set-id bits, and the umask must not shape the mode
    await fh.chmod(opts.mode & 0o7777);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await syncDir(dir);
}

export async function removeDurable(file: string): Promise<void> {
  await unlink(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await syncDir(path.dirname(file));
}

export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
