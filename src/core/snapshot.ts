// Everything the probes collected about one target, serialisable as JSON.
// This is also the support bundle: `diagnose --bundle FILE` evaluates a saved snapshot offline.
// The schema is the boundary: anything read from disk is parsed through it, never cast.
import { z } from 'zod';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export const StatsSampleSchema = z.object({
  /** ms since epoch when the sample was read */
  t: z.number(),
  /** as `docker stats` shows it: 100 = one full core */
  cpuPercent: z.number(),
  /** usage minus inactive page cache, as `docker stats` computes it */
  memUsageBytes: z.number(),
  /** 0 = no limit (the host's memory applies) */
  memLimitBytes: z.number(),
  memCacheBytes: z.number(),
  /** cumulative CFS counters at the time of the sample (from the stats API throttling_data) */
  periods: z.number(),
  throttledPeriods: z.number(),
  throttledTimeNs: z.number(),
});
export type StatsSample = z.infer<typeof StatsSampleSchema>;

export const MemoryPeakSchema = z.object({
  bytes: z.number(),
  /** cgroup v1 only: the kernel memory's own peak (memory.kmem.max_usage_in_bytes); null elsewhere */
  kernelBytes: z.number().nullable(),
  /** the file (or API field) it was read from */
  source: z.enum(['memory.max_usage_in_bytes', 'memory.peak', 'stats-api max_usage']),
});
export type MemoryPeak = z.infer<typeof MemoryPeakSchema>;

export const ContainerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  labels: z.record(z.string(), z.string()),
  state: z.object({
    status: z.string(),
    running: z.boolean(),
    restarting: z.boolean(),
    restartCount: z.number(),
    startedAt: z.string(),
    exitCode: z.number(),
    oomKilled: z.boolean(),
  }),
  restartPolicy: z.string(),
  limits: z.object({
    /** bytes, 0 = unlimited */
    memoryBytes: z.number(),
    /** Docker's --cpus as NanoCpus (0.2 CPU = 200000000), 0 = unset */
    nanoCpus: z.number(),
    cpuQuota: z.number(),
    cpuPeriod: z.number(),
    cpusetCpus: z.string(),
  }),
  /** entrypoint followed by the command, as the container runs it */
  cmd: z.array(z.string()),
  /** names only, values are never collected (they may be secrets) */
  envNames: z.array(z.string()),
  mounts: z.array(z.object({ type: z.string(), source: z.string(), destination: z.string(), rw: z.boolean() })),
  ports: z.array(z.object({ containerPort: z.number(), protocol: z.string(), hostIp: z.string(), hostPort: z.number() })),
  networks: z.array(z.object({ name: z.string(), ip: z.string() })),
});
export type ContainerInfo = z.infer<typeof ContainerInfoSchema>;

export const FileReadSchema = z.object({
  /** the path as Falco sees it, inside the container */
  path: z.string(),
  /** the host path behind a bind mount, or null when read from inside the container */
  hostPath: z.string().nullable(),
  text: z.string(),
});
export type FileRead = z.infer<typeof FileReadSchema>;

export const LogLineSchema = z.object({
  stream: z.enum(['stdout', 'stderr']),
  /** Docker's RFC3339 timestamp for the line */
  t: z.string(),
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLineSchema>;

export const SnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('falco-doctor'), version: z.string() }),
  /** ms since epoch */
  window: z.object({
    start: z.number(),
    end: z.number(),
    /**
     * What sampling cost the doctor itself (issue 6: the observer must not perturb what it measures):
     * its own CPU time (all threads) while it sampled, and how it read the container's figures.
     * Absent from snapshots taken before it was recorded.
     */
    observer: z.object({ ms: z.number(), cpuMs: z.number(), via: z.enum(['cgroup', 'stats-api']) }).optional(),
  }),
  /** true for snapshots taken from the lab's Falco stand-in */
  origin: z.enum(['live', 'lab']).default('live'),
  target: ContainerInfoSchema,
  falco: z.object({
    /** falco.yaml first, then the config_files drop-ins in the order Falco loads them */
    configFiles: z.array(FileReadSchema),
    rulesFiles: z.array(FileReadSchema),
    /** `-o key=value` overrides from the container's command line, in order */
    overrides: z.array(z.string()),
    /** where the config came from: a bind mount on the host (edits persist), the container only, or a
     *  Kubernetes ConfigMap (edits go through the API) */
    configSource: z.enum(['host-mount', 'container', 'configmap', 'none']),
    /** `falco --version` output when it could be run, else null */
    versionOutput: z.string().nullable(),
    readErrors: z.array(z.string()),
  }),
  samples: z.array(StatsSampleSchema),
  /**
   * The container memory cgroup's high-water mark since the container (re)started, read at the end of
   * the window: what the samples miss. Falco's start (and each config reload) loads and verifies its eBPF
   * probe, a transient of a few hundred MiB of kernel memory that then settles (measured on Falco 0.42.1:
   * the lab on real Falco, README "The lab"). It counts everything charged to the cgroup, page cache included.
   * Null when it could not be read; absent from bundles taken before it was recorded.
   */
  memoryPeak: MemoryPeakSchema.nullable().optional(),
  /** optional co-located service (the protected one) sampled over the same window */
  service: z
    .object({ name: z.string(), samples: z.array(StatsSampleSchema) })
    .nullable()
    .default(null),
  host: z.object({
    cpus: z.number(),
    load1: z.number(),
    memTotalBytes: z.number(),
    memAvailableBytes: z.number(),
    kernel: z.string(),
  }),
  logs: z.object({
    /** ms since epoch: `window` holds the lines logged from here on (the window plus a look-back) */
    sinceMs: z.number(),
    /** lines logged since the container (re)started, capped: where the startup sequence is */
    startup: z.array(LogLineSchema),
    /** lines logged since `sinceMs`, capped (the newest are kept) */
    window: z.array(LogLineSchema),
    truncated: z.boolean(),
  }),
  /** set when the target is a pod of a Kubernetes cluster (diagnose --kube); null for Docker */
  kube: z
    .object({
      context: z.string(),
      namespace: z.string(),
      pod: z.string(),
      /** the pod's container that runs Falco */
      container: z.string(),
      node: z.string(),
      controller: z.object({ kind: z.string(), name: z.string() }).nullable(),
      configMap: z.object({ name: z.string(), key: z.string(), subPath: z.boolean() }).nullable(),
      /** false: the cluster answers no metrics API (metrics-server): CPU and memory were not sampled */
      metricsApi: z.boolean(),
      /** where the CFS throttling counters came from: the kubelet's cAdvisor metrics through the API
       *  server's node proxy, or nowhere (nodes/proxy forbidden or absent): throttling is then unknown */
      throttling: z.enum(['cadvisor', 'unknown']),
      ready: z.boolean(),
    })
    .nullable()
    .default(null),
  webserver: z.object({
    url: z.string().nullable(),
    healthz: z.object({ status: z.number(), body: z.string() }).nullable(),
    /** Prometheus text from /metrics, read at the start and end of the window */
    metricsStart: z.string().nullable(),
    metricsEnd: z.string().nullable(),
    error: z.string().nullable(),
  }),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The doctor's own CPU over its sampling as % of one core, to one decimal (the report and the step say the same). */
export function observerCpuPercent(o: { ms: number; cpuMs: number }): number {
  return o.ms > 0 ? Math.round((o.cpuMs / o.ms) * 1000) / 10 : 0;
}
