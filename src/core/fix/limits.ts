// The container's limits after a planned `limits` change, in Docker's own fields. Pure: the adapter
// reads the before-values, this computes the after-values, and the undo writes the before-values back.
import type { Limits } from './journal-entry.js';
import type { PlannedChange } from './plan.js';

type LimitsChange = Extract<PlannedChange, { kind: 'limits' }>;

const DEFAULT_CFS_PERIOD = 100_000;

export function limitsAfter(before: Limits, change: LimitsChange): Limits {
  const next = { ...before };
  if (change.cpus) {
    // A container limited by CpuQuota (compose cpu_quota) keeps that form: Docker refuses NanoCpus next to it.
    if (before.nanoCpus === 0 && before.cpuQuota > 0) {
      next.cpuQuota = Math.round(change.cpus.after * (before.cpuPeriod || DEFAULT_CFS_PERIOD));
    } else next.nanoCpus = Math.round(change.cpus.after * 1e9);
  }
  if (change.memoryMb) {
    const memory = Math.round(change.memoryMb.after * 2 ** 20);
    next.memoryBytes = memory;
    // Docker refuses memory above memory+swap: keep the same ratio, unlimited stays unlimited.
    if (before.memorySwapBytes > 0 && before.memoryBytes > 0) next.memorySwapBytes = Math.round((memory * before.memorySwapBytes) / before.memoryBytes);
    else if (before.memorySwapBytes === 0) next.memorySwapBytes = memory * 2;
  }
  return next;
}

export function sameLimits(a: Limits, b: Limits): boolean {
  return (
    a.nanoCpus === b.nanoCpus &&
    a.cpuQuota === b.cpuQuota &&
    a.cpuPeriod === b.cpuPeriod &&
    a.memoryBytes === b.memoryBytes &&
    a.memorySwapBytes === b.memorySwapBytes
  );
}

export function describeLimits(l: Limits): string {
  const cpus = l.nanoCpus > 0 ? `${l.nanoCpus / 1e9}` : l.cpuQuota > 0 ? `${l.cpuQuota / (l.cpuPeriod || DEFAULT_CFS_PERIOD)}` : 'unlimited';
  const mem = l.memoryBytes > 0 ? `${Math.round(l.memoryBytes / 2 ** 20)} MB` : 'unlimited';
  return `cpus ${cpus}, memory ${mem}`;
}
