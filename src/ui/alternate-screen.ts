// The home screen and the screens it opens draw on the terminal's alternate screen, as htop, k9s and
// lazydocker do: leaving a screen does not scroll its frames up the operator's shell, and quitting
// gives the shell back as it was. The main screen is restored on every way out: a normal return, an
// uncaught error (process 'exit'), and SIGTERM/SIGHUP (re-raised after the restore).
import { writeSync } from 'node:fs';

const ENTER = '\x1b[?1049h\x1b[H';
const LEAVE = '\x1b[?1049l';
const CLEAR = '\x1b[2J\x1b[H';

export interface AlternateScreen {
  /** Wipe the previous screen's last frame before the next one draws. */
  clear(): void;
  leave(): void;
}

export function enterAlternateScreen(stdout: NodeJS.WriteStream = process.stdout): AlternateScreen {
  if (!stdout.isTTY) return { clear() {}, leave() {} };
  let on = true;
  const fd = (stdout as NodeJS.WriteStream & { fd?: number }).fd ?? 1;
  // synchronous: on 'exit' and in a signal handler there is no later tick to flush a stream write
  const write = (s: string) => {
    try {
      writeSync(fd, s);
    } catch {
      // the terminal is gone (SSH dropped): nothing to restore
    }
  };
  const leave = () => {
    if (!on) return;
    on = false;
    write(LEAVE);
    process.off('exit', leave);
    for (const [sig, h] of handlers) process.off(sig, h);
  };
  const handlers: [NodeJS.Signals, () => void][] = (['SIGTERM', 'SIGHUP'] as const).map((sig) => [
    sig,
    () => {
      leave();
      process.kill(process.pid, sig);
    },
  ]);
  write(ENTER);
  process.on('exit', leave);
  for (const [sig, h] of handlers) process.once(sig, h);
  return { clear: () => on && write(CLEAR), leave };
}
