// One doctor changes things at a time. The lock is a file created with O_EXCL holding who took it
// (pid, user, start time, command); a second doctor names the holder. A lock whose pid is dead was
// left by a crash and is taken over (the crashed transaction is then found in the journal).
import { open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { ensurePrivateDir } from './journal.js';
import { syncDir } from '../apply/durable-write.js';
import { stateDirError } from './state-dir-error.js';

const HolderSchema = z.object({ pid: z.number(), user: z.string(), startedAt: z.string(), command: z.string() });
export type LockHolder = z.infer<typeof HolderSchema>;

export interface Lock {
  holder: LockHolder;
  /** the previous holder, when its process had died */
  tookOverFrom: LockHolder | null;
  release(): Promise<void>;
}

export async function acquireLock(stateDir: string, command: string): Promise<Lock> {
  await ensurePrivateDir(stateDir).catch((e: unknown) => {
    throw stateDirError(stateDir, e);
  });
  const file = path.join(stateDir, 'lock');
  const holder: LockHolder = { pid: process.pid, user: os.userInfo().username, startedAt: new Date().toISOString(), command };
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o600);
      try {
        await fh.writeFile(JSON.stringify(holder));
        await fh.sync();
      } catch (e) {
        // e.g. a full disk: an empty lock file would only confuse the next doctor
        await fh.close();
        await unlink(file).catch(() => {});
        throw e;
      }
      await fh.close();
      await syncDir(stateDir);
      return { holder, tookOverFrom, release: () => releaseIfOurs(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw stateDirError(stateDir, e);
    }
    const other = await readHolder(file);
    if (other && processAlive(other.pid))
      throw new UserError(
        `another falco-doctor is changing things: pid ${other.pid}, user ${other.user}, since ${other.startedAt}, running "${other.command}"`,
        `wait for it to finish; if that process is gone, remove ${file}`,
      );
    tookOverFrom = other;
    await unlink(file).catch(() => {});
  }
  throw new UserError(`could not take the lock ${file}`, 'another doctor keeps taking it; try again');
}

async function readHolder(file: string): Promise<LockHolder | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const r = HolderSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null; // half-written by a process killed between create and write: stale
  }
}

/** Does a process with this pid exist (EPERM: it does, but is someone else's)? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfOurs(file: string): Promise<void> {
  const h = await readHolder(file);
  if (h?.pid === process.pid) await unlink(file).catch(() => {});
}
