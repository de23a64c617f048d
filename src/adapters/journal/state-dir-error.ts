// A write in the state dir that the filesystem refused (full, read-only, not ours) becomes one line
// naming the state dir and saying that nothing was changed: the journal is written before any change,
// so a refusal here always comes first.
import { statfs } from 'node:fs/promises';
import { EXIT, UserError } from '../../core/errors.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only filesystem',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

export function stateDirError(dir: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code];
  if (!reason) return e;
  return new UserError(
    `cannot write to the state dir ${dir} (${code}: ${reason}); nothing was changed`,
    code === 'ENOSPC' || code === 'EDQUOT' ? ROOM_HINT : 'make it writable, or point --state-dir (or XDG_STATE_HOME) at another folder',
    EXIT.runtime,
  );
}

const ROOM_HINT = 'free some space there, or point --state-dir (or XDG_STATE_HOME) at another folder';

/**
 * Refuses a change whose journal entry might not fit: every rewrite of the entry (one per step) needs
 * room for the new copy beside the old until the rename, and a transaction that cannot record its
 * progress must not start.
 */
export async function ensureRoom(dir: string, entryBytes: number): Promise<void> {
  const s = await statfs(dir);
  const free = s.bavail * s.bsize;
  const need = 2 * entryBytes + 64 * 1024;
  if (free < need)
    throw new UserError(
      `the state dir ${dir} has ${Math.floor(free / 1024)} KiB free; journaling this change needs about ${Math.ceil(need / 1024)} KiB; nothing was changed`,
      ROOM_HINT,
      EXIT.runtime,
    );
}
