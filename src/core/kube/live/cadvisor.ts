// The kubelet's cAdvisor metrics (GET /api/v1/nodes/NODE/proxy/metrics/cadvisor): the only place the
// Kubernetes API exposes a container's CFS throttling counters (the metrics API has CPU and memory only).
import { parsePrometheus, promValue } from '../../falco/parse/prometheus.js';

export interface CfsCounters {
  periods: number;
  throttledPeriods: number;
  throttledSeconds: number;
}

/** The counters of one container, or null when the text has none for it (no CPU limit gives no periods). */
export function cfsCountersOf(text: string, pod: { namespace: string; name: string; container: string }): CfsCounters | null {
  const samples = parsePrometheus(text);
  const labels = { namespace: pod.namespace, pod: pod.name, container: pod.container };
  const periods = promValue(samples, 'container_cpu_cfs_periods_total', labels);
  const throttled = promValue(samples, 'container_cpu_cfs_throttled_periods_total', labels);
  if (periods === null || throttled === null) return null;
  return { periods, throttledPeriods: throttled, throttledSeconds: promValue(samples, 'container_cpu_cfs_throttled_seconds_total', labels) ?? 0 };
}
