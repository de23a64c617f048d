// CPU probes: Docker stats CPU % (100 = one core) against the container's quota and the host.
import type { DiagnosisContext } from '../context.js';
import { cpuSeries, max, mean, throttledRatio, throttledSeconds } from '../samples.js';
import type { Probe } from './probe.js';

export const limitCpus = (ctx: DiagnosisContext): number | null => {
  const l = ctx.snapshot.target.limits;
  if (l.nanoCpus > 0) return l.nanoCpus / 1e9;
  if (l.cpuQuota > 0 && l.cpuPeriod > 0) return l.cpuQuota / l.cpuPeriod;
  return null;
};
/** Docker always gives the CFS counters; on Kubernetes only the kubelet's cAdvisor does (nodes/proxy). */
const throttlingKnown = (ctx: DiagnosisContext): boolean => ctx.snapshot.kube === null || ctx.snapshot.kube.throttling === 'cadvisor';
export const cpuAvg = (ctx: DiagnosisContext) => mean(cpuSeries(ctx.snapshot.samples));

export const CPU_PROBES = {
  'cpu.percent': {
    label: 'Falco CPU (100 % = one core)',
    unit: 'percent',
    source: 'Docker stats API, averaged over the window',
    kubeSource: 'metrics API (metrics.k8s.io PodMetrics), averaged over the window',
    compute: cpuAvg,
  },
  'cpu.percent_max': {
    label: 'Falco CPU, highest sample',
    unit: 'percent',
    source: 'Docker stats API',
    kubeSource: 'metrics API (metrics.k8s.io PodMetrics)',
    compute: (ctx) => max(cpuSeries(ctx.snapshot.samples)),
  },
  'cpu.limit_cpus': {
    label: 'CPU limit of the Falco container',
    unit: 'cpus',
    source: 'container inspect (HostConfig.NanoCpus / CpuQuota)',
    kubeSource: 'pod spec (resources.limits.cpu)',
    compute: limitCpus,
  },
  'cpu.quota_percent': {
    label: 'Falco CPU as a share of its quota',
    unit: 'percent',
    source: 'Docker stats API ÷ container CPU limit',
    kubeSource: 'metrics API ÷ resources.limits.cpu',
    compute: (ctx) => {
      const l = limitCpus(ctx);
      const c = cpuAvg(ctx);
      return l === null || c === null ? null : c / l;
    },
  },
  'cpu.host_percent': {
    label: 'Falco CPU as a share of the host',
    unit: 'percent',
    source: 'Docker stats API ÷ host cores',
    kubeSource: "metrics API ÷ the node's CPUs (status.capacity.cpu)",
    compute: (ctx) => {
      const c = cpuAvg(ctx);
      return c === null ? null : c / ctx.snapshot.host.cpus;
    },
  },
  'cpu.throttled_percent': {
    label: 'CFS periods throttled',
    unit: 'percent',
    source: 'cgroup cpu.stat via the stats API (throttled_periods / periods)',
    kubeSource: "kubelet cAdvisor via the API server's node proxy (container_cpu_cfs_throttled_periods_total / container_cpu_cfs_periods_total)",
    compute: (ctx) => {
      if (!throttlingKnown(ctx)) return null;
      const r = throttledRatio(ctx.snapshot.samples);
      return r === null ? null : r * 100;
    },
  },
  'cpu.throttled_seconds': {
    label: 'Time throttled in the window',
    unit: 'count',
    source: 'cgroup cpu.stat throttled_time',
    kubeSource: 'kubelet cAdvisor via the node proxy (container_cpu_cfs_throttled_seconds_total)',
    compute: (ctx) => (throttlingKnown(ctx) ? throttledSeconds(ctx.snapshot.samples) : null),
  },
  'cpu.throttling_known': {
    label: 'CFS throttling counters read',
    unit: 'bool',
    source: 'cgroup cpu.stat (always read for a Docker container)',
    kubeSource: "kubelet cAdvisor via the API server's node proxy (nodes/proxy)",
    compute: throttlingKnown,
  },
  'cpu.limited': {
    label: 'CPU limit set',
    unit: 'bool',
    source: 'container inspect (HostConfig.NanoCpus / CpuQuota)',
    kubeSource: 'pod spec (resources.limits.cpu)',
    compute: (ctx) => limitCpus(ctx) !== null,
  },
  'cpu.busy_percent': {
    label: 'Falco CPU as a share of what it can use',
    unit: 'percent',
    // Falco evaluates a source's events on one thread: without a quota below one core, one core is its ceiling.
    source: 'Docker stats API ÷ min(CPU limit, one core)',
    kubeSource: 'metrics API ÷ min(resources.limits.cpu, one core)',
    compute: (ctx) => {
      const c = cpuAvg(ctx);
      return c === null ? null : c / Math.min(limitCpus(ctx) ?? 1, 1);
    },
  },
} satisfies Record<string, Probe>;
