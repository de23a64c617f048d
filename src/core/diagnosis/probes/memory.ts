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
