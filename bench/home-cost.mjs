#!/usr/bin/env node
// Cost of the home screen left open: `falco-doctor` (dist/cli.js) in tmux on the lab's event-drops
// scenario, CPU ticks and RSS of its process read from /proc over SECONDS (default 60). A benchmark,
// not a test: it prints numbers. Needs Docker and tmux; takes the lab lock like the tests.
// Run: node bench/home-cost.mjs [seconds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLK_TCK, procUsage, underLabLock } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 60);
underLabLock(import.meta.url);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

run(process.execPath, ['scripts/lab.mjs', 'up', 'event-drops']);
const session = `fd-home-cost-${process.pid}`;
const state = mkdtempSync(path.join(os.tmpdir(), 'fd-home-cost-'));
run('tmux', [
  'new-session',
  '-d',
  '-s',
  session,
  '-x',
  '80',
  '-y',
  '24',
  '-e',
  'CI=false',
  '-e',
  `XDG_STATE_HOME=${state}`,
  'node',
  'dist/cli.js',
  '--interval',
  '2',
]);
try {
  for (let i = 0; i < 60 && !run('tmux', ['capture-pane', '-p', '-t', session]).includes('drop alerts/min'); i++) await sleep(500);
  const pid = Number(run('tmux', ['display-message', '-p', '-t', session, '#{pane_pid}']).trim());
  const before = procUsage(pid);
  let maxRss = before.rssKiB;
  for (let s = 0; s < seconds; s += 5) {
    await sleep(5000);
    maxRss = Math.max(maxRss, procUsage(pid).rssKiB);
  }
  const after = procUsage(pid);
  const cpu = ((after.ticks - before.ticks) / CLK_TCK / seconds) * 100;
  console.log(
    `home screen, ${seconds} s on the event-drops lab, refresh 2 s: CPU ${cpu.toFixed(2)} % of one core; RSS ${Math.round(before.rssKiB / 1024)} → ${Math.round(after.rssKiB / 1024)} MiB (max ${Math.round(maxRss / 1024)} MiB)`,
  );
} finally {
  run('tmux', ['kill-session', '-t', session]);
  run(process.execPath, ['scripts/lab.mjs', 'down']);
}
