// The kubelet's cAdvisor metrics (GET /api/v1/nodes/NODE/proxy/metrics/cadvisor): the only place the
// Kubernetes API exposes a container's CFS throttling counters (the metrics API has CPU and memory only).
import { parsePrometheus, promValue } from '../../falco/parse/prometheus.js';

export interface CfsCounters {
  periods: number;
  throttledPeriods: number;
  throttledSeconds: number;
  /** container_cpu_usage_seconds_total and container_memory_working_set_bytes: what metrics-server
   *  itself reads, used when the cluster has no metrics API */
  cpuSeconds: number | null;
  workingSetBytes: number | null;
}

/** The counters of one container, or null when the text has no CFS counters for it (no CPU limit gives none). */
export function cfsCountersOf(text: string, pod: { namespace: string; name: string; container: string }): CfsCounters | null {
  const samples = parsePrometheus(text);
  const labels = { namespace: pod.namespace, pod: pod.name, container: pod.container };
  const periods = promValue(samples, 'container_cpu_cfs_periods_total', labels);
  const throttled = promValue(samples, 'container_cpu_cfs_throttled_periods_total', labels);
  if (periods === null || throttled === null) return null;
  return {
    periods,
    throttledPeriods: throttled,
    throttledSeconds: promValue(samples, 'container_cpu_cfs_throttled_seconds_total', labels) ?? 0,
    cpuSeconds: promValue(samples, 'container_cpu_usage_seconds_total', labels),
    workingSetBytes: promValue(samples, 'container_memory_working_set_bytes', labels),
  };
}
