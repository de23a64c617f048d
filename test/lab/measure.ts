// falco-doctor lab: measuring containers directly with the Docker engine, the way the tests assert
// symptoms: cgroup CPU time and throttling from the stats API (one-shot snapshots, so a window
// of any length costs two calls), memory as `docker stats` computes it, and logs.
import Docker from 'dockerode';
import { docker } from './docker-cli.js';
import { waitFor as poll } from '../helpers/wait.js';

const engine = new Docker();

interface RawStats {
  read: string;
  cpu_stats: { cpu_usage: { total_usage: number }; throttling_data?: { throttled_periods: number; periods: number } };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
}

async function snapshot(name: string): Promise<RawStats> {
  return (await engine.getContainer(name).stats({ stream: false, 'one-shot': true } as { stream: false })) as unknown as RawStats;
}

/** Memory in use as the docker CLI shows it (cgroup v1: usage minus inactive file cache). */
export function memoryInUse(s: RawStats): number {
  const m = s.memory_stats;
  const cache = m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? 0;
  return Math.max(0, (m.usage ?? 0) - cache);
}

export interface CpuWindow {
  /** Percent of one CPU, as `docker stats` reports it (0.2 CPU quota = 20%). */
  cpuPercent: number;
  throttledPeriods: number;
  periods: number;
}

export async function measureCpu(name: string, windowMs: number): Promise<CpuWindow> {
  const a = await snapshot(name);
  const t0 = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, windowMs));
  const b = await snapshot(name);
  const wallNs = Number(process.hrtime.bigint() - t0);
  return {
    cpuPercent: ((b.cpu_stats.cpu_usage.total_usage - a.cpu_stats.cpu_usage.total_usage) / wallNs) * 100,
    throttledPeriods: (b.cpu_stats.throttling_data?.throttled_periods ?? 0) - (a.cpu_stats.throttling_data?.throttled_periods ?? 0),
    periods: (b.cpu_stats.throttling_data?.periods ?? 0) - (a.cpu_stats.throttling_data?.periods ?? 0),
  };
}

export async function measureMemory(name: string): Promise<{ used: number; limit: number; percent: number }> {
  const s = await snapshot(name);
  const used = memoryInUse(s);
  const limit = s.memory_stats.limit ?? 0;
  return { used, limit, percent: limit > 0 ? (used / limit) * 100 : 0 };
}

/** `docker stats --no-stream` for one container, parsed (what an operator would look at). */
export async function dockerStatsNoStream(name: string): Promise<{ cpuPercent: number; memUsage: string; memPercent: number }> {
  const line = await docker(['stats', '--no-stream', '--format', '{{json .}}', name]);
  const j = JSON.parse(line) as { CPUPerc: string; MemUsage: string; MemPerc: string };
  return { cpuPercent: parseFloat(j.CPUPerc), memUsage: j.MemUsage, memPercent: parseFloat(j.MemPerc) };
}

/** stdout and stderr of a container (Falco alerts go to stdout, its log to stderr). */
export async function containerLogs(name: string): Promise<{ stdout: string; stderr: string }> {
  const { execa } = await import('execa');
  const r = await execa('docker', ['logs', name], { reject: false });
  return { stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The one waitFor (test/helpers/wait.ts), with the lab's positional spelling. */
export function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  return poll(what, check, { timeoutMs, everyMs });
}
