// CPU and memory read the way the operator thinks about them: Falco's share of its own quota, of
// the host, how often the kernel throttled it, and how much of its memory the ring buffers take.
import type { StatsSample } from '../snapshot.js';
import type { TargetHeader } from './types.js';

export interface CpuReading {
  /** % of the CPU limit; null without a limit */
  ofQuota: number | null;
  /** % of all host CPUs */
  ofHost: number;
  /** % of CFS periods throttled since the previous sample; null without a quota or a previous sample */
  throttled: number | null;
}

export function cpuReading(sample: StatsSample, prev: StatsSample | null, header: TargetHeader | null): CpuReading {
  const cores = header?.cpuLimitCores ?? null;
  const hostCpus = Math.max(1, header?.hostCpus ?? 1);
  const periods = prev ? sample.periods - prev.periods : 0;
  const throttled = prev && periods > 0 ? ((sample.throttledPeriods - prev.throttledPeriods) / periods) * 100 : null;
  return {
    ofQuota: cores !== null && cores > 0 ? sample.cpuPercent / cores : null,
    ofHost: sample.cpuPercent / hostCpus,
    throttled: cores === null ? null : throttled,
  };
}

export interface MemoryReading {
  usageBytes: number;
  /** null: no limit */
  limitBytes: number | null;
  /** usage as % of the limit */
  ofLimit: number | null;
  ringBufferBytes: number | null;
  /** ring buffers as % of the usage (they are mapped at start, so they are part of it) */
  ringShare: number | null;
}

export function memoryReading(sample: StatsSample, header: TargetHeader | null): MemoryReading {
  const limit = sample.memLimitBytes > 0 ? sample.memLimitBytes : (header?.memLimitBytes ?? null);
  const rings = header?.ringBufferBytes ?? null;
  return {
    usageBytes: sample.memUsageBytes,
    limitBytes: limit,
    ofLimit: limit ? (sample.memUsageBytes / limit) * 100 : null,
    ringBufferBytes: rings,
    ringShare: rings !== null && sample.memUsageBytes > 0 ? Math.min(100, (rings / sample.memUsageBytes) * 100) : null,
  };
}

export interface KernelRates {
  eventsPerSec: number | null;
  dropsPerSec: number | null;
  /** absent: from /metrics */
  source?: 'snapshots';
}

/** Rates between two counter readings; null across a counter reset (Falco restarted). */
export function kernelRates(
  cur: { t: number; events: number | null; drops: number | null },
  prev: { t: number; events: number | null; drops: number | null },
): KernelRates | null {
  const seconds = (cur.t - prev.t) / 1000;
  if (seconds <= 0) return null;
  const rate = (a: number | null, b: number | null) => (a === null || b === null || a < b ? null : (a - b) / seconds);
  const eventsPerSec = rate(cur.events, prev.events);
  const dropsPerSec = rate(cur.drops, prev.drops);
  return eventsPerSec === null && dropsPerSec === null ? null : { eventsPerSec, dropsPerSec };
}
