// falco-doctor lab: what a real-Falco scenario shows, measured from Falco's own counters (/metrics), the
// Docker stats API (CPU, throttling, memory) and Falco's startup log — never from the doctor, so the doctor
// can be checked against it.
import { containerLogs, measureCpu, measureMemory } from '../measure.js';
import type { LabHandle } from '../lab.js';

export interface ScenarioNumbers {
  eventsPerSec: number;
  dropsPerSec: number;
  /** CPU as a share of the container's quota. */
  cpuPercentOfQuota: number;
  throttledPercent: number;
  memoryBytes: number;
  falcoRssBytes: number | null;
  /** "The chosen syscall buffer dimension is: N bytes" of the last start, times the buffers Falco opened. */
  ringBytesPerBuffer: number | null;
  versionLine: string | null;
}

export async function promCounters(lab: LabHandle): Promise<Record<string, number>> {
  const body = await (await fetch(`${lab.falcoUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const out: Record<string, number> = {};
  for (const m of body.matchAll(/^(falcosecurity_[a-z_]+) ([0-9.e+-]+)$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

export async function measureScenario(lab: LabHandle, cpus: number, windowMs = 15_000): Promise<ScenarioNumbers> {
  const a = await promCounters(lab);
  const cpu = await measureCpu(lab.falcoContainer, windowMs);
  const b = await promCounters(lab);
  const seconds = windowMs / 1000;
  const delta = (k: string) => Math.max(0, (b[k] ?? 0) - (a[k] ?? 0)) / seconds;
  const mem = await measureMemory(lab.falcoContainer);
  const { stderr } = await containerLogs(lab.falcoContainer);
  const dims = [...stderr.matchAll(/The chosen syscall buffer dimension is: (\d+) bytes/g)];
  return {
    eventsPerSec: Math.round(delta('falcosecurity_scap_n_evts_total')),
    dropsPerSec: Math.round(delta('falcosecurity_scap_n_drops_total')),
    cpuPercentOfQuota: Math.round((cpu.cpuPercent / cpus) * 10) / 10,
    throttledPercent: cpu.periods > 0 ? Math.round((cpu.throttledPeriods / cpu.periods) * 1000) / 10 : 0,
    memoryBytes: mem.used,
    falcoRssBytes: b.falcosecurity_falco_memory_rss_bytes ?? null,
    ringBytesPerBuffer: dims.length > 0 ? Number(dims.at(-1)![1]) : null,
    versionLine: /Falco version: [^\n]+/.exec(stderr)?.[0] ?? null,
  };
}
