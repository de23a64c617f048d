#!/usr/bin/env node
// Cost of the diagnose screen left open after the diagnosis finished (issue 6: < 1 % of one core and
// < 80 MB RSS over 60 s). `falco-doctor diagnose` (dist/cli.js) runs in tmux, on a bundle (no Docker)
// or with --live on the lab's event-drops scenario (takes the lab lock, brings the lab up and down);
// once the findings are on screen, the process's CPU ticks (utime + stime from /proc/<pid>/stat)
// and its RSS (VmRSS, VmHWM, RssAnon, RssFile) are read over SECONDS; then the same for a bare Ink
// screen, the floor. A benchmark, not a test: it prints numbers.
//   node bench/idle-cost.mjs [--seconds 60] [--live] [--bundle FILE] [--json] [--node-options STR]
// --node-options sets NODE_OPTIONS for both screens (e.g. '--max-semi-space-size=1' to see what V8's
// young generation holds at the start of the idle minute).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLK_TCK, procUsage, underLabLock } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opt = { seconds: 60, live: false, bundle: 'examples/event-drops.bundle.json', json: false, nodeOptions: '' };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--seconds') opt.seconds = Number(process.argv[++i]);
  else if (a === '--live') opt.live = true;
  else if (a === '--bundle') opt.bundle = process.argv[++i];
  else if (a === '--json') opt.json = true;
  else if (a === '--node-options') opt.nodeOptions = process.argv[++i];
  else throw new Error(`unknown option ${a}`);
}

if (opt.live) underLabLock(import.meta.url);

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// A bare Ink screen (one line of text, nothing else loaded) on the same node, as the floor any Ink
// TUI starts from: the figures above it are the tool's own.
const REFERENCE = [
  '--input-type=module',
  '-e',
  "const { render, Text } = await import('ink'); const { createElement } = await import('react'); render(createElement(Text, null, 'Findings (0): a bare Ink screen')); setInterval(() => {}, 1 << 30);",
];

// Both screens run without NODE_EXTRA_CA_CERTS (empty: node loads no extra bundle), as bench/run.mjs
// runs its processes: a proxy's CA bundle some machines set costs every node process ~2 MiB and is not
// the tool's. An empty value is set explicitly because a running tmux server hands its own environment
// to new sessions.
async function measure(label, argv) {
  const session = `fd-idle-cost-${process.pid}`;
  const state = mkdtempSync(path.join(os.tmpdir(), 'fd-idle-cost-'));
  run('tmux', [
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '100',
    '-y',
    '40',
    '-c',
    root,
    '-e',
    'CI=false',
    '-e',
    `XDG_STATE_HOME=${state}`,
    '-e',
    `NODE_OPTIONS=${opt.nodeOptions}`,
    '-e',
    'NODE_EXTRA_CA_CERTS=',
    process.execPath,
    ...argv,
  ]);
  try {
    const pid = Number(run('tmux', ['display-message', '-p', '-t', session, '#{pane_pid}']).trim());
    let shown = false;
    for (let i = 0; i < 240 && !shown; i++) {
      shown = /Findings \(\d+\)|No findings/.test(run('tmux', ['capture-pane', '-p', '-t', session]));
      if (!shown) await sleep(250);
    }
    if (!shown) throw new Error(`${label}: the screen did not finish:\n${run('tmux', ['capture-pane', '-p', '-t', session])}`);
    await sleep(2000); // let the last render and any settling pass
    const before = procUsage(pid);
    const t0 = performance.now();
    let maxRss = before.rssKiB;
    // RSS every 5 s: V8 shrinks the heap the diagnosis grew on its own schedule, so when matters
    const timeline = [Math.round(before.rssKiB / 1024)];
    for (let s = 0; s < opt.seconds; s += 5) {
      await sleep(Math.min(5, opt.seconds - s) * 1000);
      const now = procUsage(pid).rssKiB;
      maxRss = Math.max(maxRss, now);
      timeline.push(Math.round(now / 1024));
    }
    const after = procUsage(pid);
    const seconds = (performance.now() - t0) / 1000;
    return {
      mode: label,
      seconds: Math.round(seconds * 10) / 10,
      cpuTicks: after.ticks - before.ticks,
      cpuPercentOfOneCore: ((after.ticks - before.ticks) / CLK_TCK / seconds) * 100,
      rssMiB: { start: before.rssKiB / 1024, end: after.rssKiB / 1024, max: maxRss / 1024 },
      // RSS is private memory (anon: the JS heap, Wasm, malloc) plus the pages of node's own binary it
      // touched (file: shared with every node process, and the page cache's to drop)
      endAnonMiB: after.anonKiB / 1024,
      endFileMiB: after.fileKiB / 1024,
      peakRssMiB: after.hwmKiB / 1024,
      rssEvery5sMiB: timeline,
    };
  } finally {
    run('tmux', ['kill-session', '-t', session]);
    rmSync(state, { recursive: true, force: true });
  }
}

const line = (r) =>
  `${r.mode}, idle ${r.seconds} s: CPU ${r.cpuTicks} ticks = ${r.cpuPercentOfOneCore.toFixed(2)} % of one core; ` +
  `RSS ${r.rssMiB.start.toFixed(1)} → ${r.rssMiB.end.toFixed(1)} MiB (max ${r.rssMiB.max.toFixed(1)}; at the end ${r.endAnonMiB.toFixed(1)} anon + ${r.endFileMiB.toFixed(1)} file), peak ${r.peakRssMiB.toFixed(1)} MiB\n  RSS every 5 s (MiB): ${r.rssEvery5sMiB.join(' ')}`;

if (opt.live) run(process.execPath, ['scripts/lab.mjs', 'up', 'event-drops']);
try {
  const ours = await measure(opt.live ? 'diagnose screen, live (lab event-drops, --window 4)' : `diagnose screen, bundle ${opt.bundle}`, [
    'dist/cli.js',
    ...(opt.live ? ['diagnose', '--window', '4'] : ['diagnose', '--bundle', opt.bundle]),
  ]);
  const reference = await measure('reference: a bare Ink screen', REFERENCE);
  if (opt.json) process.stdout.write(`${JSON.stringify({ ...ours, reference })}\n`);
  else {
    console.log(`${line(ours)} (targets < 1 % and < 80 MB = 76.3 MiB)`);
    console.log(line(reference));
  }
} finally {
  if (opt.live) run(process.execPath, ['scripts/lab.mjs', 'down']);
}
