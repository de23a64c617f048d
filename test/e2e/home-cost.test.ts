// What the home screen costs when left open: CPU and RSS of its process over 60 s on the lab, bundled
// as dist/cli.js is (tsx's loader would inflate both). Opt-in (FD_MEASURE=1): it takes over a minute.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { execa } from 'execa';
import { labDown, labUp } from '../lab/lab.js';
import { REPO } from '../core/helpers/fixtures.js';
import { startTmux, type TmuxSession } from './helpers/tmux.js';
import { HOME_ENTRY } from './helpers/home-tmux.js';

const SECONDS = 60;
let tui: TmuxSession | null = null;
// inside the repo, so the bundle resolves its externals (ssh2) from node_modules as dist/cli.js does
const dir = mkdtempSync(path.join(REPO, 'node_modules', '.cache', 'fd-home-cost-'));
afterAll(async () => {
  await tui?.kill();
  rmSync(dir, { recursive: true, force: true });
  await labDown();
}, 60_000);

// as scripts/build.mjs: Ink loads react-devtools-core only when DEV=true; a stub keeps it out
const devtoolsStub = {
  name: 'devtools-stub',
  setup(b: import('esbuild').PluginBuild) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'stub', namespace: 'devtools-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'devtools-stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
  },
};

/** utime + stime in clock ticks and VmRSS in KiB, from /proc. */
function procUsage(pid: number): { ticks: number; rssKiB: number } {
  // fields after the command name (which may contain spaces) start at state: utime is the 12th, stime the 13th
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { ticks: Number(fields[11]) + Number(fields[12]), rssKiB: Number(rss) };
}

describe.runIf(process.env['FD_MEASURE'] === '1')('home screen cost', () => {
  it(`left open ${SECONDS} s on event-drops, polling every 2 s`, async () => {
    const bundle = path.join(dir, 'home.mjs');
    await build({
      entryPoints: [HOME_ENTRY],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      external: ['ssh2', 'cpu-features'],
      plugins: [devtoolsStub],
      define: { 'process.env.NODE_ENV': '"production"' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'warning',
    });
    await labUp('event-drops');
    tui = await startTmux(['node', bundle, '--interval', '2000'], { cwd: REPO, cols: 80, rows: 24, env: { XDG_STATE_HOME: dir } });
    await tui.waitForText(/drop alerts\/min/, 30_000);
    const pid = Number((await execa('tmux', ['display-message', '-p', '-t', tui.name, '#{pane_pid}'])).stdout.trim());
    const hz = Number((await execa('getconf', ['CLK_TCK'])).stdout.trim());
    const before = procUsage(pid);
    const rss: number[] = [];
    for (let s = 0; s < SECONDS; s += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      rss.push(procUsage(pid).rssKiB);
    }
    const after = procUsage(pid);
    const cpuPercent = ((after.ticks - before.ticks) / hz / SECONDS) * 100;
    const statusBar = (await tui.screen()).split('\n').findLast((l) => l.startsWith('doctor ')) ?? '';
    const report = `home screen over ${SECONDS} s: CPU ${cpuPercent.toFixed(2)}% of one core, RSS ${Math.round(before.rssKiB / 1024)} → ${Math.round(after.rssKiB / 1024)} MiB (max ${Math.round(Math.max(...rss) / 1024)} MiB); status bar: "${statusBar}"`;
    process.stderr.write(`${report}\n`);
    expect(cpuPercent).toBeLessThan(5);
    expect(after.rssKiB / 1024).toBeLessThan(200);
  });
});
