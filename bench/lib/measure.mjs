// Measuring helpers for the benchmarks: wall, CPU and peak RSS of a command (through GNU time when
// it is installed), a process's CPU and memory from /proc, best-of-N, and the lab lock.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs cmd; returns wall ms, CPU ms (user+sys) and peak RSS KiB when GNU time is there, and stdout. */
export function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '@@%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  const m = /@@([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  return {
    wallMs,
    cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
    maxRssKiB: m ? Number(m[3]) : null,
    status: r.status,
    stdout: r.stdout,
    stderr: m ? r.stderr.slice(0, m.index) : r.stderr,
  };
}

export function bestOf(n, fn) {
  const runs = Array.from({ length: n }, fn);
  return { ...runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)), runs: runs.map((r) => Math.round(r.wallMs)) };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** A process's CPU ticks so far (utime + stime, all threads) and its memory (KiB) from /proc. */
export function procUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (k) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { ticks: Number(f[11]) + Number(f[12]), rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM'), anonKiB: kib('RssAnon'), fileKiB: kib('RssFile') };
}

/**
 * The lab is shared with the tests and the other benchmarks: a script that uses it calls this first,
 * and runs again as a child under the lab lock (flock), exiting with the child's status.
 */
export function underLabLock(scriptUrl) {
  if (process.env['FD_LAB_LOCKED'] === '1') return;
  const r = spawnSync('flock', ['/tmp/fd-lab.lock', process.execPath, fileURLToPath(scriptUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, FD_LAB_LOCKED: '1' },
  });
  process.exit(r.status ?? 1);
}

/** CPU ms a process has used so far (utime + stime), or null when /proc does not show it. */
export function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

export function pidOf(name) {
  const r = spawnSync('pgrep', ['-xo', name], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/**
 * Time from spawning `command` under a pseudo-terminal (util-linux `script`) of 100×40 to the first
 * output that holds visible text (a word of 4 letters, ANSI escapes stripped), then kills it.
 * script's pty starts 0×0: Ink then lays out every character on a line of its own, and no word
 * appears before a long line does, hence the stty.
 */
export function timeToFirstText(command, env, timeoutMs = 15_000) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 40 && exec ${command}`, '/dev/null'], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    let out = '';
    const done = (ms) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve(ms);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d.toString('utf8');

      if (/[A-Za-z]{4}/.test(out.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]/g, ''))) done(Number(process.hrtime.bigint() - t0) / 1e6);
    });
    child.on('exit', () => done(null));
  });
}
