// The home screen in a real 80×24 terminal on the lab: the scenario's symptom within a few refreshes,
// keys that open other screens (diagnose, the rollout status), and the way back.
import { describe, expect, it } from 'vitest';
import { labUp } from '../lab/lab.js';
import { homeSessions } from './helpers/home-tmux.js';
import { waitFor } from './helpers/wait.js';

const homes = homeSessions();

/** The screen from the last frame of the home screen down (earlier frames stay in the scrollback). */
const homeFrame = (screen: string) => screen.slice(Math.max(0, screen.lastIndexOf('fdlab-falco falco-doctor-lab')));

describe('home screen under tmux', () => {
  it('event-drops: drops per minute > 0; r opens the rollout status; d opens diagnose and comes back with its findings', async () => {
    await labUp('event-drops');
    // the same window as the diagnose e2e: enough samples for a steady verdict
    const session = await homes.start(['--window', '6']);
    const { tui } = session;
    const live = homeFrame(await tui.waitForText(/drop alerts\/min [1-9]/, 30_000));
    expect(live).toContain('⚠ lab STAND-IN');
    expect(live).toMatch(/modern_ebpf preset 1/);
    expect(live).toContain('No diagnosis yet');
    await tui.waitForText(/kernel \d+ events\/s, [1-9][\d.]* dropped\/s/, 20_000);
    for (const line of homeFrame(await tui.screen()).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    // r: the rollout's status screen (none started in this state dir), q back home
    await tui.keys('r');
    await tui.waitForText('No rollout started yet.');
    await tui.keys('q');
    // home again, alone on the alternate screen: the rollout's frame is wiped, not scrolled up
    await waitFor(
      'the home screen alone',
      async () => {
        const s = await tui.screen();
        return s.includes('d diagnose · c checklist') && !s.includes('r read again · q or Esc home');
      },
      30_000,
    );
    await tui.keys('l');
    await tui.waitForText('Falco log');
    await tui.keys('Escape');
    await tui.waitForText('No diagnosis yet');

    await tui.keys('d');
    await tui.waitForText(/Findings \(\d+\)/, 60_000);
    await tui.keys('q');
    const back = await tui.waitForText(/Open findings \(\d+\)/, 20_000);
    // the drop family's cause (buffer, CPU, rules) depends on the few samples a short window takes
    expect(back.slice(back.lastIndexOf('Open findings'))).toMatch(/CRITICAL FD-DROP-[A-Z]+/);
    await tui.keys('q');
    await waitFor('the home screen to exit', async () => !(await tui.alive()), 10_000);
    expect(await tui.exitStatus()).toBe(0);
  });

  it('memory-pressure: memory near the limit, most of it ring buffers', async () => {
    await labUp('memory-pressure');
    const session = await homes.start();
    const screen = homeFrame(await session.tui.waitForText(/Memory\s+[\d.]+ MiB of 512\.0 MiB \((8\d|9\d|100)%\)/, 30_000));
    expect(screen).toMatch(/rings 256\.0 MiB = [5-9]\d% of it/);
  });
});
