// The Kubernetes API through @kubernetes/client-node, behind the few calls the doctor makes. Kubeconfig
// and contexts as kubectl has them: --kubeconfig FILE, else $KUBECONFIG, else ~/.kube/config, else the
// in-cluster service account. Loaded on demand: the client is heavy and only `--kube` needs it.
import { UserError, errorMessage } from '../../core/errors.js';

export interface KubeTarget {
  kubeconfig: string | null;
  context: string | null;
}

/** What the doctor asks the API server; each call returns the API's JSON as plain data. */
export interface KubeApi {
  context: string;
  server: string;
  /** the context's namespace (kubectl's default for -n) */
  defaultNamespace: string;
  listPods(namespace: string | null, selector: string): Promise<unknown[]>;
  readNode(name: string): Promise<unknown>;
  /** canary --kube: its short-lived pod (created, read until it ends, deleted) */
  createPod(namespace: string, body: unknown): Promise<unknown>;
  readPod(namespace: string, name: string): Promise<unknown>;
  deletePod(namespace: string, name: string): Promise<void>;
  readConfigMap(namespace: string, name: string): Promise<unknown>;
  replaceConfigMap(namespace: string, name: string, body: unknown): Promise<unknown>;
  readDaemonSet(namespace: string, name: string): Promise<unknown>;
  replaceDaemonSet(namespace: string, name: string, body: unknown): Promise<unknown>;
  podLog(namespace: string, pod: string, q: { container: string; sinceSeconds?: number; limitBytes?: number; tailLines?: number }): Promise<string>;
  /** whether the API server serves the metrics.k8s.io group (metrics-server installed) */
  metricsApiPresent(): Promise<boolean>;
  /** metrics.k8s.io PodMetrics, or null when there are none for the pod (yet: a new pod waits for a scrape) */
  podMetrics(namespace: string, pod: string): Promise<unknown>;
  /** GET through the API server's pod proxy (e.g. Falco's /healthz) */
  podProxy(namespace: string, pod: string, port: number, path: string): Promise<string>;
  /** GET through the node proxy (the kubelet's /metrics/cadvisor) */
  nodeProxy(node: string, path: string): Promise<string>;
}

/** An API error with its HTTP status (404 absent, 403 forbidden), or null for any other failure. */
export function apiStatus(e: unknown): number | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export async function connectKube(t: KubeTarget): Promise<KubeApi> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (t.kubeconfig) kc.loadFromFile(t.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new UserError(`${t.kubeconfig ?? process.env['KUBECONFIG'] ?? '~/.kube/config'}: cannot read the kubeconfig: ${errorMessage(e)}`);
  }
  if (t.context) {
    if (!kc.getContexts().some((c) => c.name === t.context))
      throw new UserError(
        `--context ${t.context}: no such context in the kubeconfig (it has: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'none'
        })`,
      );
    kc.setCurrentContext(t.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new UserError('the kubeconfig names no current context or cluster: pass --context NAME (kubectl config get-contexts lists them)');
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const apis = kc.makeApiClient(k8s.ApisApi);
  const current = kc.getContextObject(kc.getCurrentContext());
  return {
    context: kc.getCurrentContext(),
    server: cluster.server,
    defaultNamespace: current?.namespace ?? 'default',
    listPods: async (namespace, labelSelector) =>
      (namespace === null ? await core.listPodForAllNamespaces({ labelSelector }) : await core.listNamespacedPod({ namespace, labelSelector })).items,
    readNode: (name) => core.readNode({ name }),
    createPod: (namespace, body) => core.createNamespacedPod({ namespace, body: body as never }),
    readPod: (namespace, name) => core.readNamespacedPod({ namespace, name }),
    deletePod: async (namespace, name) => {
      await core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: 0 });
    },
    readConfigMap: (namespace, name) => core.readNamespacedConfigMap({ namespace, name }),
    replaceConfigMap: (namespace, name, body) => core.replaceNamespacedConfigMap({ namespace, name, body: body as never }),
    readDaemonSet: (namespace, name) => apps.readNamespacedDaemonSet({ namespace, name }),
    replaceDaemonSet: (namespace, name, body) => apps.replaceNamespacedDaemonSet({ namespace, name, body: body as never }),
    podLog: async (namespace, name, q) => asText(await core.readNamespacedPodLog({ namespace, name, ...q, timestamps: true })),
    metricsApiPresent: async () => (await apis.getAPIVersions()).groups.some((g) => g.name === 'metrics.k8s.io'),
    podMetrics: async (namespace, name) => {
      try {
        return await custom.getNamespacedCustomObject({ group: 'metrics.k8s.io', version: 'v1beta1', namespace, plural: 'pods', name });
      } catch (e) {
        if (apiStatus(e) === 404 || apiStatus(e) === 503) return null;
        throw e;
      }
    },
    podProxy: async (namespace, name, port, path) =>
      asText(await core.connectGetNamespacedPodProxyWithPath({ namespace, name: `${name}:${port}`, path: path.replace(/^\//, '') })),
    nodeProxy: async (name, path) => asText(await core.connectGetNodeProxyWithPath({ name, path: path.replace(/^\//, '') })),
  };
}
