// The diagnose TUI in a real terminal on the event-drops lab scenario: progress, the findings list,
// a finding's detail with its evidence and fix, help, back, quit.
import { afterAll, describe, expect, it } from 'vitest';
import { labUp, labDown } from '../lab/lab.js';
import { startTmux, type TmuxSession } from './helpers/tmux.js';
import { CLI } from './helpers/cli.js';
import { REPO } from '../core/helpers/fixtures.js';
import { waitFor } from './helpers/wait.js';

/** the last line of the help overlay (src/ui/diagnose/HelpOverlay.tsx); no other view shows it */
const OVERLAY_ONLY = '? or Esc closes this help';
let tui: TmuxSession | null = null;
afterAll(async () => {
  await tui?.kill();
  await labDown();
}, 60_000);

describe('diagnose TUI under tmux', () => {
  it('navigates to a finding, opens its detail, and quits', async () => {
    await labUp('event-drops');
    tui = await startTmux(['node', CLI, 'diagnose', '--window', '4'], { cwd: REPO, cols: 100, rows: 40 });
    await tui.waitForText('Sample CPU and memory');
    const list = await tui.waitForText(/Findings \(\d+\)/, 60_000);
    expect(list).toContain('FD-DROP-BUFFER');
    expect(list).toContain('STAND-IN');
    await tui.keys('Enter');
    const detail = await tui.waitForText('Evidence');
    expect(detail).toContain('cause: buffer-capacity');
    expect(detail).toContain('raise-buffer-preset');
    expect(detail).toMatch(/buf_size_preset: 1 → 4/);
    await tui.keys('Escape');
    await tui.waitForText(/Findings \(\d+\)/);
    // the footer always says "? help": the overlay is known by lines only it draws
    await tui.keys('?');
    const help = await tui.waitForText(OVERLAY_ONLY, 10_000);
    expect(help).toContain('show or hide this help');
    expect(help).toMatch(/q {2}Ctrl-C +quit/);
    await tui.keys('?');
    await waitFor('the help to close', async () => !(await tui!.screen()).includes(OVERLAY_ONLY), 10_000, 100);
    await tui.keys('q');
    await waitFor('the TUI to exit', async () => !(await tui!.alive()), 10_000);
  });
});
