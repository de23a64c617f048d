#!/usr/bin/env node
// falco-doctor soak: SIGKILLs the doctor at every fault point of a fix transaction, over and over, on
// the lab (a Falco STAND-IN, not Falco). Each fault is followed by `rollback --last` and a check that
// the config folder is byte-identical (content, mode, owner, no file left behind), the container limits
// are as they were and the stand-in is healthy. Cycles points × fixes (file fixes, a two-file fix,
// limits fixes, and a fix Falco refuses for the points inside the automatic undo).
//   npm run soak -- [--faults N] [--points p1,p2]     (default 200 faults; run it under the lab lock)
// Prints one line per fault and the counts; exits 1 on any failure. Uses the built dist/cli.js.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);

const { values } = parseArgs({ options: { faults: { type: 'string', default: '200' }, points: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('usage: npm run soak -- [--faults N] [--points p1,p2]   (run under the lab lock: flock /tmp/fd-lab.lock npm run soak)');
  process.exit(0);
}
const total = Number(values.faults);
if (!Number.isInteger(total) || total < 1) {
  console.error(`soak: --faults must be a positive integer, got "${values.faults}"`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist/cli.js'))) {
  console.error('soak: dist/cli.js is missing: run npm run build first');
  process.exit(2);
}

const { FAULT_POINTS } = await load('src/adapters/apply/fault.ts');
const only = values.points ? values.points.split(',') : null;
for (const p of only ?? []) {
  if (!FAULT_POINTS.includes(p)) {
    console.error(`soak: unknown fault point "${p}"; points: ${FAULT_POINTS.join(', ')}`);
    process.exit(2);
  }
}

execFileSync(path.join(root, 'scripts', 'ensure-docker.sh'), { stdio: 'inherit' });
const { ensureLabImages } = await load('test/lab/images.ts');
await ensureLabImages((line) => console.error(`lab: ${line}`));
const { faultCases, faultLabUp, labState, runTrial } = await load('test/e2e/helpers/fault-trial.ts');
const { labDown } = await load('test/lab/lab.ts');

// a private copy of the CLI: another session rebuilding dist/ mid-soak must not break a fault
// (inside the repo, so its external requires resolve from node_modules; .lab/ is git-ignored)
const cliDir = path.join(root, '.lab', `soak-cli-${process.pid}`);
fs.mkdirSync(cliDir, { recursive: true });
try {
  // the shared build lock of this checkout's sessions, so the copy is not taken mid-build
  execFileSync('flock', ['/tmp/fd-build.lock', 'cp', '-r', path.join(root, 'dist'), cliDir]);
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
  fs.cpSync(path.join(root, 'dist'), path.join(cliDir, 'dist'), { recursive: true });
}
const cli = path.join(cliDir, 'dist', 'cli.js');

const cases = faultCases().filter((c) => !only || only.includes(c.point));
const labDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-soak-lab-'));
const started = performance.now();
let lab = await faultLabUp(labDir);
let original = await labState(lab);
const perPoint = new Map();
const perFix = new Map();
const failures = [];
let injected = 0;
let restored = 0;
try {
  for (let i = 0; i < total; i++) {
    const c = cases[i % cases.length];
    const r = await runTrial(lab, original, c, cli);
    if (r.injected) injected++;
    const ok = r.injected && r.problems.length === 0;
    if (ok) restored++;
    else failures.push(r);
    const tally = perPoint.get(c.point) ?? { faults: 0, ok: 0 };
    tally.faults++;
    if (ok) tally.ok++;
    perPoint.set(c.point, tally);
    perFix.set(c.fix, (perFix.get(c.fix) ?? 0) + 1);
    const n = String(i + 1).padStart(String(total).length);
    console.log(
      `[${n}/${total}] ${c.point} × ${c.fix}: ${ok ? 'restored byte-identical' : `FAILED: ${r.problems.join('; ')}`} (${(r.ms / 1000).toFixed(1)} s)`,
    );
    if (!ok) {
      // start the next fault from a known state: a fresh lab
      lab = await faultLabUp(labDir);
      original = await labState(lab);
    }
  }
} finally {
  await labDown();
  fs.rmSync(labDir, { recursive: true, force: true });
  fs.rmSync(cliDir, { recursive: true, force: true });
}
const seconds = (performance.now() - started) / 1000;
console.log('\nper fault point: faults / restored');
for (const [p, t] of perPoint) console.log(`  ${p.padEnd(20)} ${String(t.faults).padStart(4)} / ${t.ok}`);
console.log(`faults per fix: ${[...perFix].map(([f, n]) => `${f} ${n}`).join(', ')}`);
console.log(
  `\nfaults injected: ${injected} of ${total}; restored ok: ${restored}; failures: ${failures.length}; duration ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`,
);
for (const f of failures) console.log(`  FAILED ${f.c.point} × ${f.c.fix}: ${f.problems.join('; ')}`);
process.exitCode = failures.length > 0 ? 1 : 0;
