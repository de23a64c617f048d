// From the screen operators start on (issue #14): home → d → the drop finding → f → the diff → y →
// applied and verified → u → undone → back home; the journal records the change and its undo, and the
// lab's config files end byte-identical. Before, f/e/w on a diagnosis opened from home applied nothing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { labUp } from '../lab/lab.js';
import { homeSessions } from './helpers/home-tmux.js';
import { captureDir, tempDir } from './helpers/fix-lab.js';
import { CLI } from './helpers/cli.js';
import { waitFor } from './helpers/wait.js';

const homes = homeSessions();

describe('fix from the home screen under tmux', () => {
  it('event-drops: d, Enter, f, y applies and verifies the buffer fix; u undoes it; q returns home', async () => {
    const lab = await labUp('event-drops', { dir: tempDir('home-fix') });
    const before = captureDir(lab.configDir);
    const state = tempDir('home-fix-state');
    const { tui } = await homes.start(['--window', '4', '--state-dir', state, '--settle', '2', '--reload-timeout', '8', '--no-canary'], {
      cols: 110,
      rows: 50,
    });
    await tui.waitForText(/drop alerts\/min [1-9]/, 30_000);
    // a live dashboard: drawn on the alternate screen, so screens opened from it do not scroll up the shell
    expect(await tui.alternateOn()).toBe(true);
    await tui.keys('d');
    await tui.waitForText(/Findings \(\d+\)/, 60_000);
    await tui.keys('Enter');
    await tui.waitForText('Evidence');
    await tui.keys('f');
    const preview = await tui.waitForText('y or Enter: apply', 60_000);
    expect(preview).toMatch(/[+]\s+buf_size_preset: 4/);
    await tui.keys('y');
    await tui.waitForText('applied and verified', 90_000);
    expect(captureDir(lab.configDir)).not.toEqual(before);
    const history = spawnSync(process.execPath, [CLI, 'history', '--json', '--state-dir', state], { encoding: 'utf8' });
    expect(history.status, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout).entries).toEqual([expect.objectContaining({ fixId: 'raise-buffer-preset', state: 'verified' })]);
    await tui.keys('u');
    await tui.waitForText('undone: files and limits are as before the change', 60_000);
    expect(captureDir(lab.configDir)).toEqual(before);
    await tui.keys('q');
    await tui.waitForText(/d diagnose · c checklist/, 30_000);
    await tui.keys('q');
    await waitFor('the home screen to exit', async () => !(await tui.alive()), 10_000);
    expect(await tui.exitStatus()).toBe(0);
    expect(await tui.alternateOn()).toBe(false); // the shell's screen is given back
  });

  it('SIGTERM (a crash, a dropped session) restores the main screen too', async () => {
    await labUp('healthy');
    const { tui } = await homes.start([], { cols: 100, rows: 30 });
    await tui.waitForText(/d diagnose · c checklist/, 30_000);
    expect(await tui.alternateOn()).toBe(true);
    // the pane runs the exit recorder, which runs falco-doctor as its child: signal that child
    const recorder = await tui.pid();
    const child = Number(
      spawnSync('pgrep', ['-P', String(recorder)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0],
    );
    expect(child).toBeGreaterThan(0);
    process.kill(child, 'SIGTERM');
    await waitFor('the home screen to end', async () => !(await tui.alive()), 10_000);
    expect(await tui.alternateOn()).toBe(false);
  });
});
