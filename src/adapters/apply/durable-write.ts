// Crash-safe file replacement: a temp file in the same folder (so rename is atomic), data and mode and
// owner set on it, fsync, rename over the target, fsync the folder so the rename itself survives a
// power cut. A reader (Falco's watcher) sees the old file or the new one, never half of one.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface DurableOptions {
  mode: number;
  /** set the owner too (needs the privilege to chown, as the doctor has when it edits Falco's files) */
  owner?: { uid: number; gid: number };
  /** called with the temp file complete and synced, just before the rename (the fault hook) */
  beforeRename?: () => void;
}

/** The temp file a write of `file` uses: named after the file and the writer's pid, so a crashed
 * writer's leftover can be recognised (and removed by the undo) without touching anyone else's. */
export function tempNameFor(file: string, pid = process.pid, now = Date.now()): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.falco-doctor-${pid}-${now}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.falco-doctor-(\d+)-\d+\.tmp$/;

/** For a temp name of ours: the file it was for (basename) and the writer's pid; else null. */
export function parseTempName(name: string): { base: string; pid: number } | null {
  const m = TEMP_NAME.exec(name);
  return m ? { base: m[1] as string, pid: Number(m[2]) } : null;
}

export async function writeDurable(file: string, data: Buffer | string, opts: DurableOptions): Promise<void> {
  const dir = path.dirname(file);
  const tmp = tempNameFor(file);
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
  opts.beforeRename?.();
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
