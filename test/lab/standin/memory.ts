// Falco STAND-IN (falco-doctor lab), not Falco: the memory Falco really holds.
// Ring buffers: preset 1 = 1 MiB doubling to 10 = 512 MiB (0 reserved); kmod/ebpf map one buffer per
// online CPU, modern_ebpf one per `cpus_for_each_buffer` CPUs (0 = a single shared buffer).
// Every page is written so the memory shows up as RSS / cgroup usage, as the kernel-mapped rings do.
// The "state table" stands for Falco's process/fd tables, which grow with the host's processes and fds.
import os from 'node:os';
import type { EngineKind } from './config.js';

export const MIN_PRESET = 1;
export const MAX_PRESET = 10;
const MIB = 1024 * 1024;

export function presetBytes(preset: number): number {
  return 2 ** (preset - 1) * MIB;
}

/** The CPUs Falco sees. STANDIN_NODE_CPUS stands for a bigger Kubernetes node than this machine (the kube
 *  lab gives each node's stand-in the CPU count its Node object reports), so the buffer count follows it. */
export function onlineCpus(): number {
  const node = Number(process.env['STANDIN_NODE_CPUS']);
  if (Number.isInteger(node) && node > 0) return node;
  return os.availableParallelism?.() ?? os.cpus().length;
}

export function bufferCount(kind: EngineKind, cpusForEachBuffer: number, cpus = onlineCpus()): number {
  if (kind === 'kmod' || kind === 'ebpf') return cpus;
  if (kind !== 'modern_ebpf') return 0; // replay / nodriver: no kernel ring
  if (cpusForEachBuffer <= 0) return 1;
  return Math.ceil(cpus / Math.min(cpusForEachBuffer, cpus));
}

/** Allocates `count` buffers of `bytes` each and writes every page. */
export function allocateTouched(bytes: number, count: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) out.push(Buffer.allocUnsafeSlow(bytes).fill(0x5a));
  return out;
}

/** The state table, in 16 MiB chunks (one huge Buffer would need contiguous address space for no gain). */
export function allocateStateTable(mib: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let left = mib; left > 0; left -= 16) chunks.push(Buffer.allocUnsafeSlow(Math.min(16, left) * MIB).fill(0x3c));
  return chunks;
}
