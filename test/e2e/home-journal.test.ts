// The home screen and the fix journal, in a real 80×24 terminal on the lab: a fix applied from the
// command line shows as the last change; h lists it (Enter for its detail); r shows the staged
// rollout; u then y rolls it back through the same path as `falco-doctor rollback ID`, and the
// lab's config folder is byte for byte as before the fix.
// Run under the shared lab lock: flock /tmp/fd-lab.lock npx vitest run --project docker test/e2e/home-journal.test.ts
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FALCO_CONTAINER, labUp, waitForLog } from '../lab/lab.js';
import type { TmuxSession } from './helpers/tmux.js';
import { homeSessions } from './helpers/home-tmux.js';
import { FAST, captureDir, history, runFixCli, tempDir } from './helpers/fix-lab.js';
import { waitFor } from './helpers/wait.js';

const homes = homeSessions();

/** The home screen drawn again below `marker` (the last line of the screen left): what follows the marker. */
/** Back on the home screen, alone on the (alternate) screen: the screen it came from is wiped, not scrolled up. */
async function backHome(tui: TmuxSession, marker: string): Promise<string> {
  await waitFor(
    'the home screen alone',
    async () => {
      const s = await tui.screen();
      return s.includes('d diagnose · c checklist') && !s.includes(marker);
    },
    20_000,
  );
  return tui.screen();
}

describe('home screen and the journal', () => {
  it('event-drops: the last change shows; h lists it; r shows the rollout; u, y rolls it back byte for byte', async () => {
    const lab = await labUp('event-drops', { dir: tempDir('lab') });
    const state = path.join(tempDir('state'), 'falco-doctor');
    const filesBefore = captureDir(lab.configDir);
    await waitForLog(FALCO_CONTAINER, 'Falco internal: syscall event drop');
    const fix = await runFixCli(['fix', 'raise-buffer-preset', '--yes', '--state-dir', state, ...FAST]);
    expect(fix.exitCode, fix.stderr + fix.stdout).toBe(0);
    const [entry] = await history(state);
    expect(entry?.state).toBe('verified');
    expect(captureDir(lab.configDir)).not.toEqual(filesBefore);
    const journaled = JSON.parse(readFileSync(path.join(state, 'journal', `${entry!.id}.json`), 'utf8')) as { changes: string[] };

    const session = await homes.start(['--state-dir', state, '--settle', '2', '--reload-timeout', '8']);
    const { tui } = session;
    const home = await tui.waitForText(/Change\s+✔ verified \d\d-\d\d \d\d:\d\d UTC · u undo · Raise the ring-buffer size preset$/m, 30_000);
    for (const line of home.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    // h: the journal, newest first; Enter: the entry's changes; Esc back to the list, q back home
    await tui.keys('h');
    const list = await tui.waitForText(`id ${entry!.id}`);
    expect(list).toMatch(/› \d{4}-\d\d-\d\d \d\d:\d\d UTC ✔ verified\s+Raise the ring-buffer size preset/);
    await tui.keys('Enter');
    const detail = await tui.waitForText('Before → after');
    expect(detail).toContain(journaled.changes[0]);
    await tui.keys('Escape');
    await tui.waitForText('Enter detail');
    await tui.keys('q');
    await backHome(tui, '↑/↓ move · Enter detail');

    // r: the rollout's status (none started in this state dir) and the command for its first step
    await tui.keys('r');
    const rollout = await tui.waitForText('No rollout started yet.');
    // a command wider than the terminal wraps with a shell continuation (` \`), so it copies whole
    expect(rollout.replace(/ \\\n +/g, ' ')).toContain(`$ falco-doctor rollout next --service NAME --probe-url URL --state-dir ${state}\n`);
    await tui.keys('q');
    await backHome(tui, 'r read again · q or Esc home');

    // u asks first; y rolls back with the rollback command's own steps
    await tui.keys('u');
    await tui.waitForText('y: undo now');
    expect(captureDir(lab.configDir)).not.toEqual(filesBefore);
    await tui.keys('y');
    const done = await tui.waitForText(/✔ rolled back|✖ the undo could not complete/, 90_000);
    expect(done).toContain('✔ rolled back: files and limits are as before the change (journal: rolled-back)');
    expect(captureDir(lab.configDir)).toEqual(filesBefore);
    expect((await history(state))[0]?.state).toBe('rolled-back');

    await tui.keys('Enter');
    const after = await backHome(tui, 'Enter, q or Esc: back');
    expect(after).toMatch(/Change\s+↩ rolled-back .* · Raise the ring-buffer size preset/);
    expect(after).not.toContain('u undo');
    await tui.keys('u');
    await tui.waitForText('the last change is rolled-back: nothing to undo');
    await tui.keys('q');
    await waitFor('the home screen to exit', async () => !(await tui.alive()), 10_000);
    expect(await tui.exitStatus()).toBe(0);
  });
});
