// The one-key loop in a real terminal: diagnose → Enter on the drop finding → f → the diff → y →
// applied, verified, before/after → u → undone, files byte-identical to before.
import { afterAll, describe, expect, it } from 'vitest';
import { labUp, labDown } from '../lab/lab.js';
import { startTmux, type TmuxSession } from './helpers/tmux.js';
import { CLI } from './helpers/cli.js';
import { waitFor } from './helpers/wait.js';
import { captureDir, tempDir } from './helpers/fix-lab.js';
import { REPO } from '../core/helpers/fixtures.js';

let tui: TmuxSession | null = null;
afterAll(async () => {
  await tui?.kill();
  await labDown();
}, 60_000);

describe('fix from the diagnose screen under tmux', () => {
  it('applies the buffer fix with y, shows before/after, and undoes it with u', async () => {
    const lab = await labUp('event-drops', { dir: tempDir('fix-tui') });
    const before = captureDir(lab.configDir);
    const state = tempDir('fix-tui-state');
    tui = await startTmux(['node', CLI, 'diagnose', '--window', '4', '--state-dir', state, '--settle', '2', '--reload-timeout', '8'], {
      cwd: REPO,
      cols: 110,
      rows: 50,
    });
    await tui.waitForText(/Findings \(\d+\)/, 60_000);
    await tui.keys('Enter');
    await tui.waitForText('Evidence');
    await tui.keys('f');
    // the first change on a terminal asks about the detection canary once; no is kept (the stand-in cannot alert)
    await tui.waitForText(/prove detection with a canary before and after each change\?/, 60_000);
    await tui.keys('n', 'Enter');
    const preview = await tui.waitForText('y or Enter: apply', 60_000);
    expect(preview).toContain('Raise the ring-buffer size preset');
    expect(preview).toMatch(/[-]\s+buf_size_preset: 1/);
    expect(preview).toMatch(/[+]\s+buf_size_preset: 4/);
    await tui.keys('y');
    const applied = await tui.waitForText('applied and verified', 90_000);
    expect(applied).toContain('before → after');
    expect(captureDir(lab.configDir)).not.toEqual(before);
    await tui.keys('u');
    await tui.waitForText('undone: files and limits are as before the change', 60_000);
    expect(captureDir(lab.configDir)).toEqual(before);
    await tui.keys('q');
    await waitFor('the TUI to exit', async () => !(await tui!.alive()), 10_000);
  });
});
