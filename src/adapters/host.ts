// Host facts through systeminformation: cores, load, memory, kernel.
import si from 'systeminformation';
import { release } from 'node:os';
import type { Snapshot } from '../core/snapshot.js';

export async function readHost(): Promise<Snapshot['host']> {
  const [mem, load, cpu] = await Promise.all([si.mem(), si.currentLoad(), si.cpu()]);
  return {
    cpus: cpu.cores,
    load1: load.avgLoad,
    memTotalBytes: mem.total,
    memAvailableBytes: mem.available,
    kernel: release(),
  };
}
