// diagnose --kube: every Falco pod the selector finds, read over one shared window (the pods are sampled
// side by side, so three nodes take as long as one), each as a Snapshot for the same core runbooks.
// Read-only: nothing here writes to the cluster.
import { UserError, errorMessage } from '../../core/errors.js';
import type { Snapshot } from '../../core/snapshot.js';
import { effectiveConfigOfFiles } from '../../core/falco/config/from-files.js';
import { webserverSettings } from '../../core/falco/webserver.js';
import { parseQuantity } from '../../core/kube/quantity.js';
import { cfsCountersOf } from '../../core/kube/live/cadvisor.js';
import { configMapRefOf, configPathOf, falcoContainerOf, metaOf, podStateOf } from '../../core/kube/live/pod-spec.js';
import { snapshotOfPod, type UsageReading } from '../../core/kube/live/pod-snapshot.js';
import { apiStatus, type KubeApi } from './client.js';

export const DEFAULT_SELECTOR = 'app.kubernetes.io/name=falco';

export interface KubeCollectOptions {
  /** null: every namespace (kubectl get pods -A) */
  namespace: string | null;
  selector: string;
  windowMs: number;
  sampleEveryMs: number;
  lookbackMs: number;
  toolVersion: string;
}

export interface PodCollection {
  node: string;
  namespace: string;
  pod: string;
  snapshot: Snapshot | null;
  /** why this pod could not be read at all */
  error: string | null;
}

export interface KubeCollection {
  context: string;
  server: string;
  namespace: string | null;
  selector: string;
  pods: PodCollection[];
  metricsApi: boolean;
  notes: string[];
}

const STARTUP_BYTES = 256 * 1024;
const WINDOW_LINES = 20_000;

export async function collectKube(api: KubeApi, opts: KubeCollectOptions, progress: (line: string) => void = () => {}): Promise<KubeCollection> {
  const notes: string[] = [];
  let namespace = opts.namespace;
  let pods: unknown[];
  try {
    pods = await api.listPods(namespace, opts.selector);
  } catch (e) {
    if (namespace !== null || apiStatus(e) !== 403) throw new UserError(`${api.server}: cannot list pods: ${errorMessage(e)}`);
    // listing every namespace needs a ClusterRole; fall back to the context's namespace as kubectl does without -A
    namespace = api.defaultNamespace;
    notes.push(`Listing pods in every namespace is forbidden: looked in ${namespace} only (pass --namespace).`);
    pods = await api.listPods(namespace, opts.selector);
  }
  const falcoPods = pods.filter((p) => falcoContainerOf(p) !== null && String((p as { spec?: { nodeName?: string } }).spec?.nodeName ?? '') !== '');
  if (falcoPods.length === 0)
    throw new UserError(
      `no scheduled Falco pod matches -l ${opts.selector} in ${namespace ?? 'any namespace'} (context ${api.context}): pass --selector or --namespace`,
    );
  progress(`${falcoPods.length} Falco pod(s) on ${new Set(falcoPods.map(nodeOf)).size} node(s)`);

  const nodes = new Map<string, Promise<unknown>>();
  const configMaps = new Map<string, Promise<unknown>>();
  const once = <T>(m: Map<string, Promise<T>>, k: string, f: () => Promise<T>) => m.get(k) ?? (m.set(k, f()), m.get(k) as Promise<T>);
  const prepared = await Promise.all(
    falcoPods.map(async (pod) => {
      const meta = metaOf(pod);
      const readErrors: string[] = [];
      const node = await once(nodes, nodeOf(pod), () => api.readNode(nodeOf(pod))).catch((e: unknown) => {
        readErrors.push(`Node ${nodeOf(pod)} could not be read (${errorMessage(e)}): the ring-buffer figures assume 1 CPU.`);
        return null;
      });
      const ref = configMapRefOf(pod);
      let configText: string | null = null;
      if (!ref)
        readErrors.push(
          `${configPathOf(falcoContainerOf(pod) ?? {})} is not mounted from a ConfigMap: Falco reads the file its image ships, which the API cannot show.`,
        );
      else {
        const cm = await once(configMaps, `${meta.namespace}/${ref.name}`, () => api.readConfigMap(meta.namespace, ref.name)).catch((e: unknown) => {
          readErrors.push(`ConfigMap ${meta.namespace}/${ref.name}: ${errorMessage(e)}`);
          return null;
        });
        const text = (cm as { data?: Record<string, string> } | null)?.data?.[ref.key];
        if (typeof text === 'string') configText = text;
        else if (cm) readErrors.push(`ConfigMap ${meta.namespace}/${ref.name} has no key ${ref.key}.`);
      }
      readErrors.push('Rules files were not read: the chart installs them with falcoctl into an emptyDir, which the API does not show.');
      return { pod, meta, node, configText, readErrors, container: String(falcoContainerOf(pod)?.['name'] ?? 'falco') };
    }),
  );

  const windowStart = Date.now();
  const webservers = await Promise.all(prepared.map((p) => readWebserver(api, p.pod, p.configText, 'start')));
  // asked once: a 404 for one pod's metrics means "not scraped yet" (a pod just started), not "no metrics-server"
  const metricsApi = await api.metricsApiPresent().catch(() => false);
  const usage: UsageReading[][] = prepared.map(() => []);
  progress(`sampling ${prepared.length} pod(s) for ${Math.round(opts.windowMs / 1000)} s`);
  for (let i = 0; ; i++) {
    const t = Date.now();
    const cadvisor = new Map<string, Promise<string | null>>();
    await Promise.all(
      prepared.map(async (p, k) => {
        const running = podStateOf(p.pod, p.container).running;
        if (!running) return;
        const m = metricsApi ? await api.podMetrics(p.meta.namespace, p.meta.name).catch(() => null) : null;
        const text = await once(cadvisor, nodeOf(p.pod), () => api.nodeProxy(nodeOf(p.pod), '/metrics/cadvisor').catch(() => null));
        const cfs = text === null ? null : cfsCountersOf(text, { namespace: p.meta.namespace, name: p.meta.name, container: p.container });
        const c = (m as { containers?: { name: string; usage: { cpu?: string; memory?: string } }[] } | null)?.containers?.find((x) => x.name === p.container);
        usage[k]?.push({ t, cpuCores: parseQuantity(c?.usage.cpu), memoryBytes: parseQuantity(c?.usage.memory), cfs });
      }),
    );
    if (Date.now() - windowStart >= opts.windowMs) break;
    const next = windowStart + (i + 1) * opts.sampleEveryMs;
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(next, windowStart + opts.windowMs) - Date.now())));
  }
  if (!metricsApi) notes.push('The cluster answers no metrics API (metrics.k8s.io; metrics-server is not installed): CPU and memory were not measured.');
  const ends = await Promise.all(prepared.map((p, k) => (webservers[k]?.metricsStart ? readWebserver(api, p.pod, p.configText, 'end') : null)));
  const windowEnd = Date.now();
  progress('reading pod logs');
  const out = await Promise.all(
    prepared.map(async (p, k): Promise<PodCollection> => {
      const base = { node: nodeOf(p.pod), namespace: p.meta.namespace, pod: p.meta.name };
      try {
        const sinceMs = windowStart - opts.lookbackMs;
        const sinceSeconds = Math.ceil((Date.now() - sinceMs) / 1000);
        const [startup, window] = await Promise.all([
          api.podLog(p.meta.namespace, p.meta.name, { container: p.container, limitBytes: STARTUP_BYTES }),
          api.podLog(p.meta.namespace, p.meta.name, { container: p.container, sinceSeconds, tailLines: WINDOW_LINES }),
        ]);
        const ws = webservers[k] ?? { url: null, healthz: null, metricsStart: null, metricsEnd: null, error: null };
        const snapshot = snapshotOfPod({
          context: api.context,
          pod: p.pod,
          node: p.node,
          configText: p.configText,
          readErrors: p.readErrors,
          metricsApi,
          usage: usage[k] ?? [],
          logs: { startup, window, sinceMs, truncated: window.split('\n').length > WINDOW_LINES },
          webserver: { ...ws, metricsEnd: ends[k]?.metricsStart ?? null },
          window: { start: windowStart, end: windowEnd },
          toolVersion: opts.toolVersion,
          // the kube lab labels its pods as the Docker lab labels its containers
          lab: p.meta.labels['falco-doctor.lab'] === 'standin',
        });
        return { ...base, snapshot, error: null };
      } catch (e) {
        return { ...base, snapshot: null, error: errorMessage(e) };
      }
    }),
  );
  return { context: api.context, server: api.server, namespace, selector: opts.selector, pods: out, metricsApi, notes };
}

function nodeOf(pod: unknown): string {
  return String((pod as { spec?: { nodeName?: string } }).spec?.nodeName ?? '');
}

/** /healthz (and /metrics when Prometheus metrics are on) through the API server's pod proxy. */
async function readWebserver(api: KubeApi, pod: unknown, configText: string | null, at: 'start' | 'end'): Promise<Snapshot['webserver']> {
  const meta = metaOf(pod);
  const ws = webserverSettings(effectiveConfigOfFiles(configText === null ? [] : [{ path: 'falco.yaml', text: configText }], []));
  const url = `pod-proxy://${meta.namespace}/${meta.name}:${ws.port}`;
  const out: Snapshot['webserver'] = { url: ws.enabled ? url : null, healthz: null, metricsStart: null, metricsEnd: null, error: null };
  if (!ws.enabled || !podStateOf(pod, String(falcoContainerOf(pod)?.['name'] ?? 'falco')).running) return out;
  const port = ws.tls ? `https:${meta.name}` : meta.name;
  try {
    if (at === 'start') {
      const body = await api.podProxy(meta.namespace, port, ws.port, ws.healthzPath).then(
        (b) => ({ status: 200, body: b }),
        (e: unknown) => {
          const code = apiStatus(e);
          if (code === null) throw e;
          return { status: code, body: errorMessage(e) };
        },
      );
      out.healthz = body;
    }
    if (ws.prometheus) out.metricsStart = await api.podProxy(meta.namespace, port, ws.port, '/metrics');
  } catch (e) {
    out.error = `${url}: ${errorMessage(e)}`;
  }
  return out;
}
