// Starts the home screen as an operator does — `falco-doctor` with no arguments, in a terminal — in
// tmux, with its own state dir so the last saved diagnosis is the test's, not the operator's.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { labDown } from '../../lab/lab.js';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../../core/helpers/fixtures.js';
import { CLI } from './cli.js';
import { startTmux, type TmuxSession } from './tmux.js';

export async function startHome(args: string[] = [], size = { cols: 80, rows: 24 }): Promise<{ tui: TmuxSession; stateHome: string }> {
  const stateHome = mkdtempSync(path.join(os.tmpdir(), 'fd-home-state-'));
  const tui = await startTmux(['node', CLI, '--interval', '1', ...args], {
    cwd: REPO,
    ...size,
    env: { XDG_STATE_HOME: stateHome, NO_COLOR: '1' },
    recordExit: true,
  });
  return { tui, stateHome };
}

/** One home screen per test, killed (and its state removed) after each; the lab down after the file. */
export function homeSessions(): { start: typeof startHome } {
  let session: { tui: TmuxSession; stateHome: string } | null = null;
  afterEach(async () => {
    await session?.tui.kill();
    if (session) rmSync(session.stateHome, { recursive: true, force: true });
    session = null;
  });
  afterAll(async () => {
    await labDown();
  }, 60_000);
  return {
    start: async (...a: Parameters<typeof startHome>) => {
      session = await startHome(...a);
      return session;
    },
  };
}
