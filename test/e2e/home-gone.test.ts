// The Falco container stopped while the home screen is open: the screen says so, keeps running,
// and recovers after `docker start`.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { FALCO_CONTAINER, labDown, labUp } from '../lab/lab.js';
import { docker } from '../lab/docker-cli.js';
import { startHome } from './helpers/home-tmux.js';
import { waitFor } from './helpers/wait.js';

let cleanup: (() => Promise<void>) | null = null;
afterAll(async () => {
  await cleanup?.();
  await labDown();
}, 60_000);

describe('home screen when the target goes away', () => {
  it('shows "target gone" on docker stop and recovers on docker start', async () => {
    await labUp('healthy');
    const { tui, stateHome } = await startHome();
    cleanup = async () => {
      await tui.kill();
      rmSync(stateHome, { recursive: true, force: true });
    };
    await tui.waitForText(/CPU\s+[\d.]+% of quota/, 30_000);
    await docker(['stop', '-t', '1', FALCO_CONTAINER]);
    const gone = await tui.waitForText(/TARGET GONE: exited \(exit code \d+\)/, 20_000);
    // the last values stay on screen under the banner
    expect(gone).toMatch(/CPU\s+[\d.]+% of quota/);
    await docker(['start', FALCO_CONTAINER]);
    await waitFor(
      'the screen to recover',
      async () => {
        const s = await tui.screen();
        return s.includes('● watching: running') && !s.slice(s.lastIndexOf('fdlab-falco')).includes('TARGET GONE');
      },
      30_000,
    );
    expect(await tui.alive()).toBe(true);
    await tui.keys('q');
    await waitFor('the home screen to exit', async () => !(await tui.alive()), 10_000);
  });
});
