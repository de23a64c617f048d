// Container CPU and memory read straight from the host's cgroup files: a few small reads, no
// request to dockerd (which computes the same figures from the same files). Cgroup v2
// (`<root>/system.slice/docker-<id>.scope` or `<root>/docker/<id>`) and v1 (per-controller
// hierarchies, cgroupfs or systemd driver) are both found. `openSampler` uses them when they are
// there and falls back to one-shot stats calls (stats.ts) when they are not (dockerd on another
// machine, a rootless engine, a container of its own).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MemoryPeak, StatsSample } from '../../core/snapshot.js';
import type { DockerClient } from './client.js';
import { readStats, toSample, type RawStats } from './stats.js';

export type CgroupPaths = { version: 2; dir: string } | { version: 1; cpuacct: string; cpu: string; memory: string };

/** One reading of the counters; two make a sample. */
export interface CgroupReading {
  /** process.hrtime in ns when read */
  wallNs: bigint;
  t: number;
  usageNs: number;
  memUsageBytes: number;
  inactiveFileBytes: number;
  cacheBytes: number;
  /** 0 when unlimited */
  limitBytes: number;
  periods: number;
  throttledPeriods: number;
  throttledTimeNs: number;
}

/** The container's cgroup folders under `root`, or null when they are not visible from here. */
export function findCgroup(id: string, root = '/sys/fs/cgroup'): CgroupPaths | null {
  if (existsSync(path.join(root, 'cgroup.controllers'))) {
    for (const rel of [`system.slice/docker-${id}.scope`, `docker/${id}`]) {
      const dir = path.join(root, rel);
      if (existsSync(path.join(dir, 'cpu.stat')) && existsSync(path.join(dir, 'memory.current'))) return { version: 2, dir };
    }
    return null;
  }
  const find = (controllers: string[], file: string): string | null => {
    for (const c of controllers)
      for (const rel of [`docker/${id}`, `system.slice/docker-${id}.scope`]) {
        const dir = path.join(root, c, rel);
        if (existsSync(path.join(dir, file))) return dir;
      }
    return null;
  };
  const cpuacct = find(['cpuacct', 'cpu,cpuacct', 'cpuacct,cpu'], 'cpuacct.usage');
  const cpu = find(['cpu', 'cpu,cpuacct', 'cpuacct,cpu'], 'cpu.stat');
  const memory = find(['memory'], 'memory.usage_in_bytes');
  return cpuacct && cpu && memory ? { version: 1, cpuacct, cpu, memory } : null;
}

/** `key value` lines (cpu.stat, memory.stat) as numbers. */
export function parseFlatKeyed(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) out[line.slice(0, sp)] = Number(line.slice(sp + 1));
  }
  return out;
}

const num = async (file: string): Promise<number> => Number((await readFile(file, 'utf8')).trim());

/** cgroup v1 says "no limit" with a page-rounded LONG_MAX; v2 with "max". */
const limitOf = (text: string): number => {
  const t = text.trim();
  const n = Number(t);
  return t === 'max' || !Number.isFinite(n) || n >= 2 ** 62 ? 0 : n;
};

export async function readCgroup(p: CgroupPaths): Promise<CgroupReading> {
  const wallNs = process.hrtime.bigint();
  const t = Date.now();
  if (p.version === 2) {
    const [cpu, current, mem, max] = await Promise.all([
      readFile(path.join(p.dir, 'cpu.stat'), 'utf8').then(parseFlatKeyed),
      num(path.join(p.dir, 'memory.current')),
      readFile(path.join(p.dir, 'memory.stat'), 'utf8').then(parseFlatKeyed),
      readFile(path.join(p.dir, 'memory.max'), 'utf8').then(limitOf, () => 0),
    ]);
    return {
      wallNs,
      t,
      usageNs: (cpu['usage_usec'] ?? 0) * 1000,
      memUsageBytes: current,
      inactiveFileBytes: mem['inactive_file'] ?? 0,
      cacheBytes: mem['file'] ?? 0,
      limitBytes: max,
      periods: cpu['nr_periods'] ?? 0,
      throttledPeriods: cpu['nr_throttled'] ?? 0,
      throttledTimeNs: (cpu['throttled_usec'] ?? 0) * 1000,
    };
  }
  const [usageNs, cpu, usage, mem, limit] = await Promise.all([
    num(path.join(p.cpuacct, 'cpuacct.usage')),
    readFile(path.join(p.cpu, 'cpu.stat'), 'utf8').then(parseFlatKeyed),
    num(path.join(p.memory, 'memory.usage_in_bytes')),
    readFile(path.join(p.memory, 'memory.stat'), 'utf8').then(parseFlatKeyed),
    readFile(path.join(p.memory, 'memory.limit_in_bytes'), 'utf8').then(limitOf),
  ]);
  return {
    wallNs,
    t,
    usageNs,
    memUsageBytes: usage,
    inactiveFileBytes: mem['total_inactive_file'] ?? 0,
    cacheBytes: mem['total_cache'] ?? 0,
    limitBytes: limit,
    periods: cpu['nr_periods'] ?? 0,
    throttledPeriods: cpu['nr_throttled'] ?? 0,
    throttledTimeNs: cpu['throttled_time'] ?? 0,
  };
}

/**
 * The memory cgroup's high-water mark since the container (re)started (runc makes a new cgroup at each
 * start): `memory.max_usage_in_bytes` on v1 (with `memory.kmem.max_usage_in_bytes`, the kernel memory's
 * own peak, where the kernel still has it), `memory.peak` on v2 (Linux 5.19+). Null when not readable.
 */
export async function readMemoryPeak(p: CgroupPaths): Promise<MemoryPeak | null> {
  const opt = (file: string) =>
    num(file).then(
      (n) => (Number.isFinite(n) ? n : null),
      () => null,
    );
  if (p.version === 2) {
    const bytes = await opt(path.join(p.dir, 'memory.peak'));
    return bytes === null ? null : { bytes, kernelBytes: null, source: 'memory.peak' };
  }
  const [bytes, kmem] = await Promise.all([opt(path.join(p.memory, 'memory.max_usage_in_bytes')), opt(path.join(p.memory, 'memory.kmem.max_usage_in_bytes'))]);
  // 0 is a kernel that no longer accounts kmem on its own (every process charges some: its page tables)
  return bytes === null ? null : { bytes, kernelBytes: kmem || null, source: 'memory.max_usage_in_bytes' };
}

/**
 * The same StatsSample as stats.ts toSample: CPU % = Δusage ÷ Δwall time × 100 (100 = one core, as
 * docker stats shows it), memory without inactive page cache, limit 0 when none or ≥ the host's.
 */
export function cgroupSample(cur: CgroupReading, prev: CgroupReading | null, hostLimit: number): StatsSample {
  let cpuPercent = 0;
  if (prev) {
    const wall = Number(cur.wallNs - prev.wallNs);
    const used = cur.usageNs - prev.usageNs;
    if (wall > 0 && used > 0) cpuPercent = (used / wall) * 100;
  }
  const inactive = cur.inactiveFileBytes;
  return {
    t: cur.t,
    cpuPercent,
    memUsageBytes: inactive < cur.memUsageBytes ? cur.memUsageBytes - inactive : cur.memUsageBytes,
    memLimitBytes: cur.limitBytes >= hostLimit ? 0 : cur.limitBytes,
    memCacheBytes: cur.cacheBytes,
    periods: cur.periods,
    throttledPeriods: cur.throttledPeriods,
    throttledTimeNs: cur.throttledTimeNs,
  };
}

export interface Sampler {
  readonly source: 'cgroup' | 'stats-api';
  /** The next sample; CPU % is over the time since the previous call (0 on the first). */
  next(): Promise<StatsSample>;
  /** The memory cgroup's peak so far, or null when this source does not give it (cgroup v2 stats API). */
  peak(): Promise<MemoryPeak | null>;
}

/** Samples from the cgroup files when readable from here, else from one-shot stats API calls. */
export async function openSampler(docker: DockerClient, id: string, hostLimit: number, opts: { root?: string; hostVisible?: boolean } = {}): Promise<Sampler> {
  const paths = opts.hostVisible === false ? null : findCgroup(id, opts.root);
  if (paths) {
    const first = await readCgroup(paths).catch(() => null);
    if (first) {
      let prev: CgroupReading | null = null;
      let pending: CgroupReading | null = first;
      return {
        source: 'cgroup',
        async next() {
          const cur = pending ?? (await readCgroup(paths));
          pending = null;
          const s = cgroupSample(cur, prev, hostLimit);
          prev = cur;
          return s;
        },
        peak: () => readMemoryPeak(paths),
      };
    }
  }
  let prev: RawStats | null = null;
  return {
    source: 'stats-api',
    async next() {
      const raw = await readStats(docker, id);
      const s = toSample(raw, prev, hostLimit);
      prev = raw;
      return s;
    },
    // the stats API gives max_usage on cgroup v1 only (it is memory.max_usage_in_bytes there)
    async peak() {
      const max = (await readStats(docker, id)).memory_stats.max_usage;
      return max === undefined ? null : { bytes: max, kernelBytes: null, source: 'stats-api max_usage' };
    },
  };
}
