#!/usr/bin/env node
// falco-doctor benchmarks (issue 6): runs our code and the reference tools on the same inputs in one
// run and prints the ratios. Not a test: nothing here asserts a time.
//   node bench/run.mjs [--mb 1024] [--runs 3] [--skip-jq] [--skip-lab] [--only scan|startup|idle|lab] [--idle-seconds 60] [--clean]
// Inputs go to bench/.data/ (gitignored): events-<mb>m.json / .txt from scripts/gen-event-log.mjs,
// generated unless present (--clean deletes them at the end). The Docker part takes
// /tmp/fd-lab.lock (the lab is shared), brings the lab up `healthy`, and takes it down after.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestOf, have, median, pidOf, procCpuMs, timed, timeToFirstText } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.join(root, 'bench', '.data');
const opt = { mb: 1024, runs: 3, skipJq: false, skipLab: false, only: null, clean: false, labPart: false, idleSeconds: 60 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--mb') opt.mb = Number(process.argv[++i]);
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else if (a === '--only') opt.only = process.argv[++i];
  else if (a === '--skip-jq') opt.skipJq = true;
  else if (a === '--skip-lab') opt.skipLab = true;
  else if (a === '--clean') opt.clean = true;
  else if (a === '--lab-part') opt.labPart = true;
  else if (a === '--idle-seconds') opt.idleSeconds = Number(process.argv[++i]);
  else throw new Error(`unknown option ${a}`);
}
mkdirSync(data, { recursive: true });
// A machine may set NODE_EXTRA_CA_CERTS (this one does: a proxy's CA bundle); every node process
// then reads and parses the bundle before running anything (~50 ms here). That is the machine's
// cost, not the tool's: the measured processes run without it, and the startup section measures
// both ways.
const extraCa = process.env['NODE_EXTRA_CA_CERTS'];
delete process.env['NODE_EXTRA_CA_CERTS'];
const log = (s) => process.stderr.write(`${s}\n`);
const r1 = (x) => (x === null || x === undefined ? 'n/a' : Math.round(x * 10) / 10);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

async function bundle(entry, out) {
  await build({
    entryPoints: [path.join(root, 'bench/entries', entry)],
    outfile: path.join(data, out),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ssh2', 'cpu-features'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return path.join(data, out);
}

// ---------------------------------------------------------------- log scan
const PROBES = {
  json: { ext: 'json', grep: 'Terminal shell in container' },
  text: { ext: 'txt', grep: 'A shell was spawned in a container with an attached terminal' },
};
// jq computing the same per-rule counts (text: the message up to " | " or " (", as the scanner keys it)
const JQ = {
  json: ['-n', 'reduce inputs as $e ({}; .[$e.rule] += 1)'],
  text: ['-Rn', 'reduce (inputs | capture("^[0-9:.]+: [A-Za-z]+ (?<k>.*?)(?: \\\\| | \\\\()") | .k) as $k ({}; .[$k] += 1)'],
};

function input(format) {
  const file = path.join(data, `events-${opt.mb}m.${PROBES[format].ext}`);
  const countsFile = `${file}.counts`;
  if (!existsSync(file) || !existsSync(countsFile)) {
    log(`generating ${path.relative(root, file)} (${opt.mb} MB)…`);
    const g = spawnSync(process.execPath, [path.join(root, 'scripts/gen-event-log.mjs'), '--mb', String(opt.mb), '--format', format, '--out', file], {
      encoding: 'utf8',
    });
    if (g.status !== 0) throw new Error(g.stderr);
    writeFileSync(countsFile, g.stdout);
  }
  return { file, counts: JSON.parse(readFileSync(countsFile, 'utf8')) };
}

async function scanSection() {
  const scanner = await bundle('scan.ts', 'scan.mjs');
  const jq = !opt.skipJq && have('jq');
  if (!opt.skipJq && !jq) log('jq not installed (apt-get install -y jq): skipping the jq comparison');
  const out = {};
  for (const format of ['json', 'text']) {
    const { file, counts } = input(format);
    const size = statSync(file).size;
    spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] }); // warm the page cache for every tool alike
    const ours = bestOf(opt.runs, () => timed(process.execPath, [scanner, file]));
    const o = JSON.parse(ours.stdout);
    const correct =
      o.result.alerts === counts.alerts &&
      o.result.dropAlerts === counts.dropAlerts &&
      JSON.stringify(Object.entries(o.result.byRule).sort()) === JSON.stringify(Object.entries(counts.byRule).sort());
    // the same scan as an operator runs it: the built CLI (minified bundle, its own startup), JSON out
    const cliRun = bestOf(opt.runs, () => timed(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', file, '--json']));
    const c = JSON.parse(cliRun.stdout);
    const cliCorrect =
      c.alerts === counts.alerts &&
      c.dropAlerts === counts.dropAlerts &&
      JSON.stringify(Object.entries(c.byRule).sort()) === JSON.stringify(Object.entries(counts.byRule).sort());
    const grep = bestOf(opt.runs, () => timed('grep', ['-c', '-F', PROBES[format].grep, file]));
    const jqRun = jq ? timed('jq', [...JQ[format], file]) : null;
    const jqCorrect = jqRun ? JSON.stringify(Object.entries(JSON.parse(jqRun.stdout)).sort()) === JSON.stringify(Object.entries(counts.byRule).sort()) : null;
    out[format] = {
      file: path.relative(root, file),
      mb: Math.round(size / 2 ** 20),
      lines: counts.lines,
      ours: { wallMs: ours.wallMs, scanMs: o.ms, cpuMs: ours.cpuMs, peakRssKiB: o.peakRssKiB, runs: ours.runs, countsMatchGenerator: correct },
      cli: { wallMs: cliRun.wallMs, cpuMs: cliRun.cpuMs, peakRssKiB: cliRun.maxRssKiB, runs: cliRun.runs, countsMatchGenerator: cliCorrect },
      cliOverGrep: ratio(cliRun.wallMs, grep.wallMs),
      grep: { wallMs: grep.wallMs, cpuMs: grep.cpuMs, runs: grep.runs, matches: Number(grep.stdout.trim()) },
      jq: jqRun ? { wallMs: jqRun.wallMs, cpuMs: jqRun.cpuMs, peakRssKiB: jqRun.maxRssKiB, countsMatchGenerator: jqCorrect } : null,
      oursOverGrep: ratio(ours.wallMs, grep.wallMs),
      jqOverOurs: jqRun ? ratio(jqRun.wallMs, ours.wallMs) : null,
    };
    const x = out[format];
    log(
      `scan ${format} ${x.mb} MB: ours ${r1(x.ours.wallMs)} ms (scan ${r1(o.ms)} ms, peak RSS ${r1(o.peakRssKiB / 1024)} MB, counts ${correct ? 'match' : 'DIFFER'}), grep -c ${r1(x.grep.wallMs)} ms, jq ${jqRun ? `${r1(jqRun.wallMs)} ms` : 'skipped'}`,
    );
    log(`  falco-doctor scan FILE --json (dist/cli.js): ${r1(x.cli.wallMs)} ms, counts ${cliCorrect ? 'match' : 'DIFFER'}, ÷ grep = ${x.cliOverGrep}`);
    log(
      `  ours ÷ grep = ${x.oursOverGrep} (target ≤ 2), jq ÷ ours = ${x.jqOverOurs ?? 'n/a'} (target ≥ 10), peak RSS ${r1(o.peakRssKiB / 1024)} MB (target < 100)`,
    );
  }
  return out;
}

// ---------------------------------------------------------------- startup
async function startupSection() {
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: npm run build');
  const out = {};
  // without the proxy's CA bundle (as on an operator's machine), and with it when this machine sets it
  const variants = extraCa ? { clean: {}, extraCa: { NODE_EXTRA_CA_CERTS: extraCa } } : { clean: {} };
  for (const [name, extra] of Object.entries(variants)) {
    const n = Math.max(10, opt.runs * 3);
    const childEnv = { ...process.env, ...extra };
    const series = (args) => Array.from({ length: n }, () => timed(process.execPath, args, { env: childEnv }));
    const ref = series(['-e', '0']);
    const ver = series([cli, '--version']);
    const env = { CI: 'false', TERM: 'xterm-256color', FORCE_COLOR: '1', ...extra };
    const q = (x) => `'${x.replace(/'/g, "'\\''")}'`;
    const frames = [];
    const refFrames = [];
    for (let i = 0; i < Math.max(7, opt.runs); i++) {
      frames.push(await timeToFirstText(`${q(process.execPath)} ${q(cli)} diagnose --bundle ${q(path.join(root, 'examples/healthy.bundle.json'))}`, env));
      refFrames.push(await timeToFirstText(`${q(process.execPath)} -e ${q("process.stdout.write('ready\\n'); setTimeout(() => {}, 1e4)")}`, env));
    }
    const ok = (xs) => xs.filter((x) => x !== null);
    const s = {
      nodeRefMs: median(ref.map((r) => r.wallMs)),
      versionMs: median(ver.map((r) => r.wallMs)),
      versionRssKiB: median(ver.map((r) => r.maxRssKiB ?? 0)),
      nodeRefRssKiB: median(ref.map((r) => r.maxRssKiB ?? 0)),
      firstFrameMs: ok(frames).length ? median(ok(frames)) : null,
      firstFrameRuns: frames.map((x) => (x === null ? null : Math.round(x))),
      firstTextRefMs: ok(refFrames).length ? median(ok(refFrames)) : null,
      samples: n,
    };
    const label = name === 'clean' ? '' : ' [with NODE_EXTRA_CA_CERTS]';
    log(
      `startup${label}: node -e 0 ${r1(s.nodeRefMs)} ms; --version ${r1(s.versionMs)} ms (+${r1(s.versionMs - s.nodeRefMs)}), RSS ${r1(s.versionRssKiB / 1024)} MB (target < 150 ms)`,
    );
    log(
      `  first TUI frame (diagnose --bundle, under script(1), 100×40) ${r1(s.firstFrameMs)} ms; node printing a line under script(1) ${r1(s.firstTextRefMs)} ms (target < 400 ms)`,
    );
    out[name] = s;
  }
  return out;
}

// ---------------------------------------------------------------- idle diagnose screen
function idleSection() {
  const r = spawnSync(process.execPath, [path.join(root, 'bench/idle-cost.mjs'), '--json', '--seconds', String(opt.idleSeconds)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`idle-cost failed (exit ${r.status})`);
  const x = JSON.parse(r.stdout);
  for (const y of [x, x.reference])
    log(
      `idle ${y.mode}, ${y.seconds} s: CPU ${r1(y.cpuPercentOfOneCore * 100) / 100} % of one core; RSS ${r1(y.rssMiB.start)} → ${r1(y.rssMiB.end)} MiB (${r1(y.endAnonMiB)} anon + ${r1(y.endFileMiB)} file), peak ${r1(y.peakRssMiB)} MiB`,
    );
  log('  (targets for the diagnose screen: < 1 % of one core, < 80 MB = 76.3 MiB)');
  return x;
}

// ---------------------------------------------------------------- Docker lab (under the lock)
async function labSection() {
  const r = spawnSync('flock', ['/tmp/fd-lab.lock', process.execPath, fileURLToPath(import.meta.url), '--lab-part', '--runs', String(opt.runs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`lab part failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
}

async function labPart() {
  const lab = (...a) => {
    const x = spawnSync(process.execPath, [path.join(root, 'scripts/lab.mjs'), ...a], { encoding: 'utf8' });
    if (x.status !== 0) throw new Error(`lab ${a.join(' ')}: ${x.stderr}`);
  };
  const observer = await bundle('observer.ts', 'observer.mjs');
  lab('up', 'healthy');
  try {
    const name = 'fdlab-falco'; // the lab's Falco (test/lab/lab.ts FALCO_CONTAINER)
    const dockerd = pidOf('dockerd');
    const seconds = 10;
    const cpuOf = (pid) => (pid ? procCpuMs(pid) : null);
    const methods = {};
    for (const method of ['api', 'cgroup']) {
      const d0 = cpuOf(dockerd);
      const x = timed(process.execPath, [observer, method, name, String(seconds)]);
      const d1 = cpuOf(dockerd);
      const o = JSON.parse(x.stdout);
      const s = o.samples.slice(1);
      methods[method] = {
        source: o.source,
        samples: s.length,
        processCpuMs: x.cpuMs,
        samplingCpuMs: o.cpuMs,
        windowMs: o.wallMs,
        samplingCpuPercent: (o.cpuMs / o.wallMs) * 100,
        dockerdCpuMs: d0 !== null ? d1 - d0 : null,
        medianCallMs: median(o.callMs.slice(1)),
        cpuPercent: median(s.map((v) => v.cpuPercent)),
        memMiB: median(s.map((v) => v.memUsageBytes)) / 2 ** 20,
      };
    }
    // docker stats --no-stream once a second for the same figures
    const calls = [];
    const d0 = cpuOf(dockerd);
    const t0 = performance.now();
    for (let i = 0; i < seconds; i++) {
      const x = timed('docker', ['stats', '--no-stream', '--format', '{{json .}}', name]);
      const j = JSON.parse(x.stdout);
      calls.push({
        wallMs: x.wallMs,
        cpuMs: x.cpuMs,
        cpuPercent: parseFloat(j.CPUPerc),
        memMiB: parseFloat(j.MemUsage) * (/GiB/.test(j.MemUsage.split('/')[0]) ? 1024 : /KiB/.test(j.MemUsage.split('/')[0]) ? 1 / 1024 : 1),
      });
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + (i + 1) * 1000 - performance.now())));
    }
    const d1 = cpuOf(dockerd);
    methods['docker-stats'] = {
      source: 'docker stats --no-stream',
      samples: calls.length,
      processCpuMs: calls.reduce((a, c) => a + (c.cpuMs ?? 0), 0),
      dockerdCpuMs: d0 !== null ? d1 - d0 : null,
      medianCallMs: median(calls.map((c) => c.wallMs)),
      cpuPercent: median(calls.map((c) => c.cpuPercent)),
      memMiB: median(calls.map((c) => c.memMiB)),
    };
    // diagnose --json: wall beyond its 4 s window, and the CPU it used
    const runs = Array.from({ length: opt.runs }, () =>
      timed(process.execPath, [path.join(root, 'dist/cli.js'), 'diagnose', '--json', '--window', '4', '--fail-on', 'none']),
    );
    const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const diagnose = {
      windowMs: 4000,
      wallMs: best.wallMs,
      overheadMs: best.wallMs - 4000,
      cpuMs: best.cpuMs,
      peakRssKiB: best.maxRssKiB,
      cpuPercentOfOneCore: best.cpuMs ? (best.cpuMs / best.wallMs) * 100 : null,
      runs: runs.map((r) => Math.round(r.wallMs)),
      exit: best.status,
    };
    process.stdout.write(JSON.stringify({ observer: { seconds, methods }, diagnose }));
  } finally {
    lab('down');
  }
}

function printLab(l) {
  log(
    `diagnose --json --window 4 on the lab: wall ${r1(l.diagnose.wallMs)} ms → ${r1(l.diagnose.overheadMs)} ms beyond the window (target < 1500); CPU ${r1(l.diagnose.cpuMs)} ms (${r1(l.diagnose.cpuPercentOfOneCore)} % of a core), peak RSS ${r1(l.diagnose.peakRssKiB / 1024)} MB`,
  );
  for (const [k, m] of Object.entries(l.observer.methods))
    log(
      `observer ${k.padEnd(12)}: ${m.samples} samples in ${l.observer.seconds} s, CPU ${r1(m.cpuPercent)} %, mem ${r1(m.memMiB)} MiB; per call ${r1(m.medianCallMs)} ms; our/CLI CPU ${r1(m.samplingCpuMs ?? m.processCpuMs)} ms; dockerd CPU ${r1(m.dockerdCpuMs)} ms`,
    );
}

if (opt.labPart) await labPart();
else {
  const results = { date: new Date().toISOString(), node: process.version, machine: machine(), options: opt };
  // saved after each section, so that a failure later keeps what was measured
  const save = () => writeFileSync(path.join(data, 'last-run.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!opt.only || opt.only === 'scan') save((results.scan = await scanSection()));
  if (!opt.only || opt.only === 'startup') save((results.startup = await startupSection()));
  if (!opt.only || opt.only === 'idle') save((results.idle = idleSection()));
  if ((!opt.only || opt.only === 'lab') && !opt.skipLab) printLab(save((results.lab = await labSection())) ?? results.lab);
  log(`results: ${path.relative(root, path.join(data, 'last-run.json'))}`);
  if (opt.clean) for (const f of ['json', 'txt']) for (const s of ['', '.counts']) rmSync(path.join(data, `events-${opt.mb}m.${f}${s}`), { force: true });
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    nproc: Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()),
    model: /model name\s*:\s*(.*)/.exec(cpu)?.[1] ?? 'unknown',
    memTotalMiB: Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) / 1024),
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
}
