// Memory probes: usage without page cache (as docker stats) against the container's limit.
import type { DiagnosisContext } from '../context.js';
import { max } from '../samples.js';
import { pct, type Probe } from './probe.js';

export const memUsage = (ctx: DiagnosisContext) => max(ctx.snapshot.samples.map((s) => s.memUsageBytes));
export const memLimit = (ctx: DiagnosisContext): number | null => {
  const l = ctx.snapshot.target.limits.memoryBytes;
  return l > 0 ? l : null;
};
const lastSample = (ctx: DiagnosisContext) => ctx.snapshot.samples[ctx.snapshot.samples.length - 1];
/** The cgroup's high-water mark since the container started (snapshot.memoryPeak), or null. */
const peak = (ctx: DiagnosisContext) => ctx.snapshot.memoryPeak?.bytes ?? null;
const PEAK_SOURCE = 'memory cgroup high-water mark since the container started: memory.max_usage_in_bytes (v1) or memory.peak (v2)';

export const MEMORY_PROBES = {
  'mem.usage_bytes': {
    label: 'Falco memory (page cache excluded)',
    unit: 'bytes',
    source: 'Docker stats API, highest sample (usage − inactive file, as docker stats)',
    kubeSource: 'metrics API (working set), highest sample',
    compute: memUsage,
  },
  'mem.limit_bytes': {
    label: 'Memory limit of the Falco container',
    unit: 'bytes',
    source: 'container inspect (HostConfig.Memory)',
    kubeSource: 'pod spec (resources.limits.memory)',
    compute: memLimit,
  },
  'mem.limit_percent': {
    label: 'Falco memory as a share of its limit',
    unit: 'percent',
    source: 'Docker stats API ÷ memory limit',
    kubeSource: 'metrics API working set ÷ resources.limits.memory',
    compute: (ctx) => pct(memUsage(ctx), memLimit(ctx)),
  },
  'last.mem_sample_bytes': {
    label: 'Falco memory, last sample',
    unit: 'bytes',
    source: 'Docker stats API',
    kubeSource: 'metrics API (metrics.k8s.io PodMetrics)',
    compute: (ctx) => lastSample(ctx)?.memUsageBytes ?? null,
  },
  'mem.peak_bytes': {
    label: 'Falco memory peak since the container started (page cache and kernel memory included)',
    unit: 'bytes',
    source: PEAK_SOURCE,
    kubeSource: 'not read on Kubernetes (the doctor reads no node cgroup files)',
    compute: peak,
  },
  'mem.peak_kernel_bytes': {
    label: 'Kernel memory peak since the container started',
    unit: 'bytes',
    source: 'memory.kmem.max_usage_in_bytes (cgroup v1 only)',
    kubeSource: 'not read on Kubernetes',
    compute: (ctx) => ctx.snapshot.memoryPeak?.kernelBytes ?? null,
  },
  'mem.peak_limit_percent': {
    label: 'Falco memory peak as a share of its limit',
    unit: 'percent',
    source: `${PEAK_SOURCE} ÷ memory limit`,
    kubeSource: 'not read on Kubernetes',
    compute: (ctx) => pct(peak(ctx), memLimit(ctx)),
  },
  'mem.peak_known': {
    label: 'Memory peak read',
    unit: 'bool',
    source: PEAK_SOURCE,
    kubeSource: 'not read on Kubernetes',
    compute: (ctx) => peak(ctx) !== null,
  },
  'mem.limited': {
    label: 'Memory limit set',
    unit: 'bool',
    source: 'container inspect (HostConfig.Memory)',
    kubeSource: 'pod spec (resources.limits.memory)',
    compute: (ctx) => memLimit(ctx) !== null,
  },
  'mem.limit_mb': {
    label: 'Memory limit in MB',
    unit: 'count',
    source: 'container inspect (HostConfig.Memory)',
    kubeSource: 'pod spec (resources.limits.memory)',
    compute: (ctx) => {
      const l = memLimit(ctx);
      return l === null ? null : l / (1024 * 1024);
    },
  },
} satisfies Record<string, Probe>;
