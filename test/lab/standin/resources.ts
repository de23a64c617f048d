// Falco STAND-IN (falco-doctor lab), not Falco: the process / container / host readings behind
// Falco's resource_utilization metrics, taken from this real process (/proc, cgroup files, os).
import fs from 'node:fs';
import os from 'node:os';

const read = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export function vszBytes(): number {
  const stat = read('/proc/self/stat');
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields?.[20] ?? 0); // field 23 (vsize) counted from after "(comm)"
}

/** cgroup v1 memory.usage_in_bytes, or v2 memory.current; 0 when neither is readable. */
export function containerMemoryBytes(): number {
  const v = read('/sys/fs/cgroup/memory/memory.usage_in_bytes') ?? read('/sys/fs/cgroup/memory.current');
  return Number(v?.trim() ?? 0);
}

export function hostMemoryUsedBytes(): number {
  const info = read('/proc/meminfo') ?? '';
  const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return (kb('MemTotal') - kb('MemAvailable')) * 1024;
}

export function hostBootNs(): bigint {
  const btime = /^btime (\d+)/m.exec(read('/proc/stat') ?? '')?.[1];
  return BigInt(btime ?? 0) * 1_000_000_000n;
}

export function hostProcsRunning(): number {
  return Number(/procs_running (\d+)/.exec(read('/proc/stat') ?? '')?.[1] ?? 0);
}

export function hostOpenFds(): number {
  return Number((read('/proc/sys/fs/file-nr') ?? '0').split(/\s+/)[0]);
}

function hostCpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

interface CpuSample {
  wallNs: bigint;
  procUs: number;
  host: { busy: number; total: number };
}

/** Rolling window (up to 5 one-second samples) of process and host CPU use. */
export class CpuWindow {
  private samples: CpuSample[] = [];
  private nextAt = 0;

  private sampleNow(): CpuSample {
    const u = process.cpuUsage();
    return { wallNs: process.hrtime.bigint(), procUs: u.user + u.system, host: hostCpuTimes() };
  }

  tick(): void {
    if (Date.now() < this.nextAt) return;
    this.nextAt = Date.now() + 1000;
    this.samples.push(this.sampleNow());
    if (this.samples.length > 6) this.samples.shift();
  }

  /** Percent of one CPU used by this process over the window (what `docker stats` calls CPU %). */
  processPercent(): number {
    const first = this.samples[0];
    const now = this.sampleNow();
    if (!first || now.wallNs === first.wallNs) return 0;
    return ((now.procUs - first.procUs) * 1000 * 100) / Number(now.wallNs - first.wallNs);
  }

  hostPercent(): number {
    const first = this.samples[0];
    const now = hostCpuTimes();
    if (!first || now.total === first.host.total) return 0;
    return ((now.busy - first.host.busy) * 100) / (now.total - first.host.total);
  }
}
