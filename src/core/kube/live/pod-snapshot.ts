// One Falco pod of a cluster as the same Snapshot a Docker container gives, so the same runbooks judge
// it: limits from the pod spec, state from its container status, falco.yaml from its ConfigMap, CPU and
// memory from the metrics API, CFS throttling from the kubelet's cAdvisor counters, the node's CPU count
// for the ring buffers, the pod log for the startup lines and drop alerts. Pure.
import { SNAPSHOT_SCHEMA_VERSION, type ContainerInfo, type LogLine, type Snapshot, type StatsSample } from '../../snapshot.js';
import { parseFalcoCmdline } from '../../diagnosis/cmdline.js';
import { argvOf, configMapRefOf, configPathOf, falcoContainerOf, limitsOf, metaOf, nodeCpusOf, ownerOf, podStateOf } from './pod-spec.js';
import { obj } from '../workload-common.js';
import type { CfsCounters } from './cadvisor.js';

export interface UsageReading {
  /** ms since epoch */
  t: number;
  /** metrics API: CPU in cores and working-set bytes; null when the API has no answer */
  cpuCores: number | null;
  memoryBytes: number | null;
  /** cAdvisor's cumulative counters for the container, when the node proxy answered */
  cfs: CfsCounters | null;
}

export interface PodReadings {
  context: string;
  pod: unknown;
  node: unknown;
  /** the text of the mounted ConfigMap key, or null (not mounted from a ConfigMap, or unreadable) */
  configText: string | null;
  readErrors: string[];
  metricsApi: boolean;
  usage: UsageReading[];
  /** the pod log with timestamps ("<RFC3339Nano> <line>" per line): from the start, and over the look-back */
  logs: { startup: string; window: string; sinceMs: number; truncated: boolean };
  webserver: Snapshot['webserver'];
  window: { start: number; end: number };
  toolVersion: string;
  /** the node's memory and load are not in the API: only its capacity */
  lab: boolean;
}

export function snapshotOfPod(r: PodReadings): Snapshot {
  const c = falcoContainerOf(r.pod) ?? {};
  const meta = metaOf(r.pod);
  const cname = typeof c['name'] === 'string' ? c['name'] : 'falco';
  const state = podStateOf(r.pod, cname);
  const limits = limitsOf(c);
  const argv = argvOf(c);
  const configPath = configPathOf(c);
  const cm = configMapRefOf(r.pod);
  const nodeName = String(obj(obj(r.pod)['spec'])['nodeName'] ?? '');
  const nodeStatus = obj(obj(r.node)['status']);
  const memBytes = Number(parseKi(obj(nodeStatus['capacity'])['memory']) ?? 0);
  const cfsKnown = r.usage.length > 0 && r.usage.every((u) => u.cfs !== null);
  const target: ContainerInfo = {
    id: meta.uid,
    name: `${meta.namespace}/${meta.name}`,
    image: String(c['image'] ?? ''),
    labels: meta.labels,
    state: {
      status: state.status,
      running: state.running,
      restarting: state.restarting,
      restartCount: state.restartCount,
      startedAt: state.startedAt,
      exitCode: state.exitCode,
      oomKilled: state.oomKilled,
    },
    restartPolicy: String(obj(obj(r.pod)['spec'])['restartPolicy'] ?? 'Always'),
    limits: { memoryBytes: limits.memoryBytes ?? 0, nanoCpus: limits.cpus ? Math.round(limits.cpus * 1e9) : 0, cpuQuota: 0, cpuPeriod: 0, cpusetCpus: '' },
    cmd: argv,
    envNames: (Array.isArray(c['env']) ? c['env'] : []).map((e) => String(obj(e)['name'] ?? '')),
    mounts: mountsOf(r.pod, c),
    ports: (Array.isArray(c['ports']) ? c['ports'] : []).map((p) => ({
      containerPort: Number(obj(p)['containerPort'] ?? 0),
      protocol: String(obj(p)['protocol'] ?? 'TCP').toLowerCase(),
      hostIp: '',
      hostPort: Number(obj(p)['hostPort'] ?? 0),
    })),
    networks: [{ name: 'pod', ip: String(obj(obj(r.pod)['status'])['podIP'] ?? '') }],
  };
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'falco-doctor', version: r.toolVersion },
    window: r.window,
    origin: r.lab ? 'lab' : 'live',
    target,
    falco: {
      configFiles: r.configText === null ? [] : [{ path: configPath, hostPath: null, text: r.configText }],
      rulesFiles: [],
      overrides: parseFalcoCmdline(argv).overrides,
      configSource: r.configText === null ? 'none' : 'configmap',
      versionOutput: null,
      readErrors: r.readErrors,
    },
    samples: samplesOf(r.usage, limits.memoryBytes ?? 0),
    service: null,
    host: {
      cpus: nodeCpusOf(r.node) ?? 1,
      load1: 0,
      memTotalBytes: memBytes,
      memAvailableBytes: 0,
      kernel: String(obj(nodeStatus['nodeInfo'])['kernelVersion'] ?? ''),
    },
    logs: { sinceMs: r.logs.sinceMs, startup: logLines(r.logs.startup), window: logLines(r.logs.window), truncated: r.logs.truncated },
    webserver: r.webserver,
    kube: {
      context: r.context,
      namespace: meta.namespace,
      pod: meta.name,
      container: cname,
      node: nodeName,
      controller: ownerOf(r.pod),
      configMap: cm,
      metricsApi: r.metricsApi,
      throttling: cfsKnown ? 'cadvisor' : 'unknown',
      ready: state.ready,
    },
  };
}

/**
 * The readings as stats samples: CPU and memory from the metrics API, else from cAdvisor's counters (CPU
 * as the rate between readings; the first sample has none, and cpuSeries skips it as it does Docker's).
 * A reading with neither is no sample at all, so an absent figure stays unknown instead of reading 0.
 */
function samplesOf(usage: readonly UsageReading[], memLimit: number): StatsSample[] {
  const out: StatsSample[] = [];
  usage.forEach((u, i) => {
    const prev = usage[i - 1];
    const rate =
      u.cfs?.cpuSeconds != null && prev?.cfs?.cpuSeconds != null && u.t > prev.t ? (u.cfs.cpuSeconds - prev.cfs.cpuSeconds) / ((u.t - prev.t) / 1000) : null;
    const cpu = u.cpuCores ?? (i === 0 && u.cfs?.cpuSeconds != null ? 0 : rate);
    const mem = u.memoryBytes ?? u.cfs?.workingSetBytes ?? null;
    if (cpu === null || mem === null) return;
    out.push(sampleOf(u, cpu, mem, memLimit));
  });
  return out;
}

function sampleOf(u: UsageReading, cpuCores: number, memBytes: number, memLimit: number): StatsSample {
  return {
    t: u.t,
    cpuPercent: cpuCores * 100,
    memUsageBytes: memBytes,
    memLimitBytes: memLimit,
    memCacheBytes: 0,
    periods: u.cfs?.periods ?? 0,
    throttledPeriods: u.cfs?.throttledPeriods ?? 0,
    throttledTimeNs: Math.round((u.cfs?.throttledSeconds ?? 0) * 1e9),
  };
}

/** "<RFC3339Nano> text" lines as the API gives them with timestamps=true; both streams are one in a pod log. */
export function logLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const sp = line.indexOf(' ');
    const t = sp > 0 ? line.slice(0, sp) : '';
    if (!/^\d{4}-\d\d-\d\dT/.test(t)) out.push({ stream: 'stdout', t: '', text: line });
    else out.push({ stream: 'stdout', t, text: line.slice(sp + 1) });
  }
  return out;
}

function mountsOf(pod: unknown, c: Record<string, unknown>): ContainerInfo['mounts'] {
  const volumes = (Array.isArray(obj(obj(pod)['spec'])['volumes']) ? (obj(obj(pod)['spec'])['volumes'] as unknown[]) : []).map(obj);
  return (Array.isArray(c['volumeMounts']) ? c['volumeMounts'] : []).map((m) => {
    const mm = obj(m);
    const v = volumes.find((x) => x['name'] === mm['name']) ?? {};
    const type = ['configMap', 'emptyDir', 'hostPath', 'secret', 'projected'].find((k) => k in v) ?? 'volume';
    const source =
      type === 'hostPath'
        ? String(obj(v['hostPath'])['path'] ?? '')
        : type === 'configMap'
          ? String(obj(v['configMap'])['name'] ?? '')
          : String(mm['name'] ?? '');
    return { type, source, destination: String(mm['mountPath'] ?? ''), rw: mm['readOnly'] !== true };
  });
}

function parseKi(v: unknown): number | null {
  const m = typeof v === 'string' ? /^(\d+)Ki$/.exec(v) : null;
  return m ? Number(m[1]) * 1024 : null;
}
