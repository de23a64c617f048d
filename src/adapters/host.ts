// Host facts: cores, load, memory, kernel. Read from the kernel's own files through node:os and
// /proc/meminfo. systeminformation did this before; it cost ~9 MiB of resident memory in the
// long-lived TUI (issue 6) and its cpu() started shells (`lscpu`, `dmidecode`) on every diagnosis,
// beside the latency-sensitive service the doctor is there to protect.
import { readFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import type { Snapshot } from '../core/snapshot.js';

/** MemAvailable from /proc/meminfo (kB), the kernel's estimate of memory available without swapping. */
export function memAvailableFromMeminfo(text: string): number | null {
  const m = /^MemAvailable:\s+(\d+) kB$/m.exec(text);
  return m ? Number(m[1]) * 1024 : null;
}

export async function readHost(): Promise<Snapshot['host']> {
  // libuv's freemem() is MemAvailable on current kernels, MemFree on old ones: read the file first
  const meminfo = await readFile('/proc/meminfo', 'utf8').catch(() => '');
  return {
    cpus: cpus().length,
    load1: loadavg()[0] ?? 0,
    memTotalBytes: totalmem(),
    memAvailableBytes: memAvailableFromMeminfo(meminfo) ?? freemem(),
    kernel: release(),
  };
}
