// Ticks and headers for the monitor tests: the lab's limits (0.2 CPU, 512 MiB) on a 2-core host.
import type { StatsSample } from '../../../src/core/snapshot.js';
import type { MonitorTick, TargetHeader } from '../../../src/core/monitor/types.js';

export const MIB = 2 ** 20;
export const T0 = Date.parse('2026-11-23T08:00:00Z');

export const header: TargetHeader = {
  id: 'f'.repeat(64),
  name: 'falco-security-monitor',
  image: 'falcosecurity/falco:0.44.1',
  startedAt: '2026-11-23T07:00:00Z',
  falcoVersion: '0.44.1',
  engineKind: 'modern_ebpf',
  bufferPreset: 8,
  ringBufferBytes: 256 * MIB,
  cpuLimitCores: 0.2,
  memLimitBytes: 512 * MIB,
  hostCpus: 2,
  lab: false,
  prometheus: true,
};

export function stats(t: number, cpuPercent: number, memMiB: number, periods = 0, throttled = 0): StatsSample {
  return { t, cpuPercent, memUsageBytes: memMiB * MIB, memLimitBytes: 512 * MIB, memCacheBytes: 0, periods, throttledPeriods: throttled, throttledTimeNs: 0 };
}

export const ok = { state: 'ok', detail: 'running' } as const;

export function tick(secondsIn: number, parts: Omit<MonitorTick, 't' | 'status'> & { status?: MonitorTick['status'] } = {}): MonitorTick {
  return { t: T0 + secondsIn * 1000, status: ok, ...parts };
}
