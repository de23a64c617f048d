// The one reader of Docker's stats API: CPU, memory, throttling and block I/O of a container, read with
// one-shot calls (cheap for dockerd, unlike a streaming stats request) and turned into samples the way
// `docker stats` computes them. Diagnose (through cgroup-stats.ts's fallback), the home screen's
// watchers and the rollout's sampler all read here.
import { z } from 'zod';
import type { DockerClient } from './client.js';
import type { StatsSample } from '../../core/snapshot.js';

const StatsSchema = z.object({
  read: z.string(),
  cpu_stats: z.object({
    cpu_usage: z.object({ total_usage: z.number().default(0), percpu_usage: z.array(z.number()).nullish() }).default({ total_usage: 0 }),
    system_cpu_usage: z.number().default(0),
    online_cpus: z.number().default(0),
    throttling_data: z
      .object({ periods: z.number(), throttled_periods: z.number(), throttled_time: z.number() })
      .default({ periods: 0, throttled_periods: 0, throttled_time: 0 }),
  }),
  memory_stats: z.object({
    usage: z.number().default(0),
    limit: z.number().default(0),
    /** cgroup v1 only: memory.max_usage_in_bytes */
    max_usage: z.number().optional(),
    stats: z.record(z.string(), z.number()).default({}),
  }),
  blkio_stats: z
    .object({ io_service_bytes_recursive: z.array(z.object({ op: z.string(), value: z.number() })).nullish() })
    .default({ io_service_bytes_recursive: null }),
});
export type RawStats = z.infer<typeof StatsSchema>;

export async function readStats(docker: DockerClient, id: string): Promise<RawStats> {
  const raw: unknown = await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false });
  return StatsSchema.parse(raw);
}

/**
 * One sample from two consecutive readings. CPU % as docker stats: Δcontainer ÷ Δsystem × online CPUs
 * × 100; memory as docker stats: usage minus inactive file cache (total_inactive_file on cgroup v1,
 * inactive_file on v2).
 */
export function toSample(cur: RawStats, prev: RawStats | null, hostLimit: number): StatsSample {
  const c = cur.cpu_stats;
  let cpuPercent = 0;
  if (prev) {
    const cpuDelta = c.cpu_usage.total_usage - prev.cpu_stats.cpu_usage.total_usage;
    const sysDelta = c.system_cpu_usage - prev.cpu_stats.system_cpu_usage;
    const cpus = c.online_cpus || c.cpu_usage.percpu_usage?.length || 1;
    if (cpuDelta > 0 && sysDelta > 0) cpuPercent = (cpuDelta / sysDelta) * cpus * 100;
  }
  const m = cur.memory_stats;
  const inactive = m.stats['total_inactive_file'] ?? m.stats['inactive_file'] ?? 0;
  const cache = m.stats['total_cache'] ?? m.stats['file'] ?? m.stats['cache'] ?? 0;
  return {
    t: Date.parse(cur.read) || Date.now(),
    cpuPercent,
    memUsageBytes: inactive < m.usage ? m.usage - inactive : m.usage,
    // the stats API reports the host's memory as the limit when none is set
    memLimitBytes: m.limit >= hostLimit ? 0 : m.limit,
    memCacheBytes: cache,
    periods: c.throttling_data.periods,
    throttledPeriods: c.throttling_data.throttled_periods,
    throttledTimeNs: c.throttling_data.throttled_time,
  };
}

/** Bytes read and written by the container's block devices since it started (blkio_stats, both cgroup versions). */
export function blockIoBytes(r: RawStats): number {
  let sum = 0;
  for (const e of r.blkio_stats.io_service_bytes_recursive ?? []) if (/^(read|write)$/i.test(e.op)) sum += e.value;
  return sum;
}

/** Block I/O per second between two readings, over Docker's own read timestamps. */
export function blockIoPerSec(cur: RawStats, prev: RawStats): number {
  const ms = Date.parse(cur.read) - Date.parse(prev.read);
  const seconds = Number.isFinite(ms) ? Math.max(0.001, ms / 1000) : 0.001;
  return Math.max(0, blockIoBytes(cur) - blockIoBytes(prev)) / seconds;
}
