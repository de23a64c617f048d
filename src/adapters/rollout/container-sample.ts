// CPU, memory and block I/O of one container from one-shot stats calls, computed as docker stats
// does (CPU: Δcontainer ÷ Δsystem × online CPUs; memory: usage minus inactive file cache). Block I/O
// comes from blkio_stats, which the diagnosis's stats reader does not keep.
import { z } from 'zod';
import type { DockerClient } from '../docker/client.js';

const RawSchema = z.object({
  cpu_stats: z.object({
    cpu_usage: z.object({ total_usage: z.number().default(0) }).default({ total_usage: 0 }),
    system_cpu_usage: z.number().default(0),
    online_cpus: z.number().default(1),
  }),
  memory_stats: z.object({ usage: z.number().default(0), stats: z.record(z.string(), z.number()).default({}) }).default({ usage: 0, stats: {} }),
  blkio_stats: z
    .object({ io_service_bytes_recursive: z.array(z.object({ op: z.string(), value: z.number() })).nullish() })
    .default({ io_service_bytes_recursive: null }),
});
type Raw = z.infer<typeof RawSchema>;

export interface ContainerReading {
  raw: Raw;
  at: number;
}

export interface ContainerSample {
  cpuPercent: number;
  memMb: number;
  ioBytesPerSec: number;
}

export async function readContainer(docker: DockerClient, id: string): Promise<ContainerReading> {
  const raw: unknown = await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false });
  return { raw: RawSchema.parse(raw), at: Date.now() };
}

function ioBytes(r: Raw): number {
  let sum = 0;
  for (const e of r.blkio_stats.io_service_bytes_recursive ?? []) if (/^(read|write)$/i.test(e.op)) sum += e.value;
  return sum;
}

/** One sample from two consecutive readings of the same container. */
export function sampleBetween(prev: ContainerReading, cur: ContainerReading): ContainerSample {
  const c = cur.raw.cpu_stats;
  const p = prev.raw.cpu_stats;
  const cpuDelta = c.cpu_usage.total_usage - p.cpu_usage.total_usage;
  const sysDelta = c.system_cpu_usage - p.system_cpu_usage;
  const cpuPercent = cpuDelta > 0 && sysDelta > 0 ? (cpuDelta / sysDelta) * (c.online_cpus || 1) * 100 : 0;
  const m = cur.raw.memory_stats;
  const inactive = m.stats['total_inactive_file'] ?? m.stats['inactive_file'] ?? 0;
  const memMb = (inactive < m.usage ? m.usage - inactive : m.usage) / 2 ** 20;
  const seconds = Math.max(0.001, (cur.at - prev.at) / 1000);
  const ioBytesPerSec = Math.max(0, ioBytes(cur.raw) - ioBytes(prev.raw)) / seconds;
  return { cpuPercent, memMb, ioBytesPerSec };
}
