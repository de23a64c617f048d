// Kubernetes-API STAND-IN (falco-doctor kube lab), not Kubernetes: a three-node "cluster" whose Falco
// DaemonSet and ConfigMap are the real ones rendered from the official chart, whose pods are real Docker
// containers running the Falco STAND-IN (./pod-containers.ts), served through ./api-server.ts. A write of
// the DaemonSet's pod template rolls the pods one node at a time, as the RollingUpdate strategy does; a
// write of the ConfigMap changes nothing in running pods (subPath mount) until they are re-created.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { containerState } from '../lab.js';
import { dockerMaybe } from '../docker-cli.js';
import { startApiServer, type ApiBackend } from './api-server.js';
import { kubeconfigText, selfSignedCertificate } from './kubeconfig.js';
import { get, healthy } from './pod-http.js';
import { nextResourceVersion, nodeObject, podObject, realManifests, stamp, type LabNode, type Obj } from './objects.js';
import { cadvisorText, podLog, readUsage, removeAllLabPods, removePodContainer, startPodContainer, type PodContainer } from './pod-containers.js';
import { clientPodStore } from './client-pods.js';
import { REAL_FALCO_LAB_ROLE, startRealPodContainer, useRealFalco, waitForRealEngine } from './real-falco.js';

export interface KubeLabOptions {
  nodes: LabNode[];
  /** false: the cluster has no metrics-server (metrics.k8s.io answers 404) */
  metricsApi?: boolean;
  /** false: RBAC forbids nodes/proxy, so the kubelet's cAdvisor counters cannot be read */
  nodesProxy?: boolean;
  /** edits of the ConfigMap's falco.yaml before the pods start */
  falcoYaml?: (text: string) => string;
  dir?: string;
  /** 'real': the Falco pods run REAL Falco 0.42.1 (./real-falco.ts); default the Falco stand-in */
  falco?: 'standin' | 'real';
}

export interface KubeLab {
  url: string;
  token: string;
  kubeconfig: string;
  namespace: string;
  /** pod name per node, as they are now */
  pods(): Record<string, string>;
  configMapText(): string;
  daemonSet(): Obj;
  /** the pods a client created (canary --kube), as it sent them; and those still there */
  clientPods(): { created: Obj[]; present: Obj[] };
  /** resolves when every pod of the current template is ready */
  settled(timeoutMs?: number): Promise<void>;
  down(): Promise<void>;
}

interface PodState {
  pod: Obj;
  node: LabNode;
  container: PodContainer | null;
  usage: { nanoCores: number; bytes: number } | null;
}

export async function kubeLabUp(opts: KubeLabOptions): Promise<KubeLab> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fd-kube-lab-'));
  const token = crypto.randomBytes(16).toString('hex');
  const { daemonSet, configMap } = realManifests();
  const real = opts.falco === 'real';
  if (real) await useRealFalco(daemonSet, configMap);
  if (opts.falcoYaml) configMap.data['falco.yaml'] = opts.falcoYaml(String(configMap.data['falco.yaml']));
  stamp(configMap);
  stamp(daemonSet);
  daemonSet.metadata.generation = 1;
  const ns = String(daemonSet.metadata.namespace);
  const nodes = new Map(opts.nodes.map((n) => [n.name, nodeObject(n)]));
  const pods = new Map<string, PodState>();
  /** pods a client created (canary --kube): not the DaemonSet's */
  const clientPods = clientPodStore(new Set(nodes.keys()), dir);
  let rollout: Promise<void> = Promise.resolve();
  let stopped = false;
  await removeAllLabPods();

  const falcoYaml = () => String(configMap.data['falco.yaml']);
  const startPod = async (node: LabNode): Promise<void> => {
    const pod = podObject(daemonSet, node.name, Number(daemonSet.metadata.generation));
    if (real) pod.metadata.labels['falco-doctor.lab'] = REAL_FALCO_LAB_ROLE;
    const st: PodState = { pod, node, container: null, usage: null };
    pods.set(String(pod.metadata.name), st);
    st.container = await (real ? startRealPodContainer : startPodContainer)(pod, node, falcoYaml(), dir);
    await refreshPod(st);
  };
  const refreshPod = async (st: PodState): Promise<void> => {
    if (!st.container) return;
    const s = await containerState(st.container.name);
    const ready = Boolean(s?.running) && (await healthy(st.container.hostPort));
    const started = s?.startedAt ?? new Date().toISOString();
    st.pod.status = {
      phase: s?.running ? 'Running' : 'Failed',
      podIP: '10.244.0.10',
      hostIP: '192.168.0.10',
      startTime: st.pod.metadata.creationTimestamp,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        {
          name: 'falco',
          image: 'docker.io/falcosecurity/falco:0.44.1',
          ready,
          restartCount: s?.restartCount ?? 0,
          state: s?.running
            ? { running: { startedAt: started } }
            : { terminated: { exitCode: s?.exitCode ?? 1, reason: s?.oomKilled ? 'OOMKilled' : 'Error' } },
          lastState: {},
        },
      ],
    };
  };
  const rollPods = async (): Promise<void> => {
    // RollingUpdate, maxUnavailable 1 (the chart's default): one node at a time, the new pod ready before the next
    for (const node of opts.nodes) {
      const old = [...pods.values()].find((p) => p.node.name === node.name);
      if (old) {
        pods.delete(String(old.pod.metadata.name));
        if (old.container) await removePodContainer(old.container.name);
      }
      await startPod(node);
      await waitReady(() => [...pods.values()].find((p) => p.node.name === node.name), 60_000);
    }
    updateDsStatus();
  };
  const updateDsStatus = () => {
    const gen = String(daemonSet.metadata.generation);
    const all = [...pods.values()];
    const current = all.filter((p) => p.pod.metadata.labels['pod-template-generation'] === gen);
    daemonSet.status = {
      observedGeneration: daemonSet.metadata.generation,
      desiredNumberScheduled: opts.nodes.length,
      currentNumberScheduled: all.length,
      updatedNumberScheduled: current.length,
      numberReady: all.filter((p) => p.pod.status?.containerStatuses?.[0]?.ready).length,
      numberAvailable: current.filter((p) => p.pod.status?.containerStatuses?.[0]?.ready).length,
    };
  };

  await Promise.all(opts.nodes.map((n) => startPod(n)));
  // the kubelet's and the controllers' view, refreshed as they would be
  const statusLoop = (async () => {
    while (!stopped) {
      await Promise.all([...pods.values()].map((p) => refreshPod(p)));
      updateDsStatus();
      const usage = await readUsage([...pods.values()].flatMap((p) => (p.container ? [p.container.name] : [])));
      for (const p of pods.values()) p.usage = p.container ? (usage.get(p.container.name) ?? null) : null;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();

  const backend: ApiBackend = {
    token,
    metricsApi: opts.metricsApi ?? true,
    listPods: (n, selector) =>
      [...[...pods.values()].map((p) => p.pod), ...clientPods.list()].filter(
        (p) => (n === null || p.metadata.namespace === n) && matches(p.metadata.labels, selector),
      ),
    get: (kind, n, name) => {
      if (kind === 'nodes') return nodes.get(name);
      if (kind === 'pods') return pods.get(name)?.pod ?? clientPods.get(name);
      const o = kind === 'configmaps' ? configMap : daemonSet;
      return o.metadata.namespace === n && o.metadata.name === name ? o : undefined;
    },
    replace: (kind, n, name, body) => {
      const o = kind === 'configmaps' ? configMap : daemonSet;
      if (o.metadata.namespace !== n || o.metadata.name !== name) return undefined;
      if (body.metadata?.resourceVersion !== o.metadata.resourceVersion)
        return {
          conflict: `Operation cannot be fulfilled on ${kind} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        };
      if (kind === 'configmaps') {
        configMap.data = body.data;
        configMap.metadata.resourceVersion = nextResourceVersion();
        return configMap;
      }
      const templateChanged = JSON.stringify(body.spec?.template) !== JSON.stringify(daemonSet.spec.template);
      daemonSet.spec = body.spec;
      daemonSet.metadata.annotations = body.metadata?.annotations ?? daemonSet.metadata.annotations;
      daemonSet.metadata.resourceVersion = nextResourceVersion();
      if (templateChanged) {
        daemonSet.metadata.generation = Number(daemonSet.metadata.generation) + 1;
        updateDsStatus();
        rollout = rollout.then(rollPods);
      }
      return daemonSet;
    },
    podLog: async (n, name, q) => {
      const st = pods.get(name);
      if (!st?.container || st.pod.metadata.namespace !== n) return undefined;
      const num = (k: string) => (q.get(k) === null ? undefined : Number(q.get(k)));
      return podLog(st.container.name, {
        sinceSeconds: num('sinceSeconds'),
        timestamps: q.get('timestamps') === 'true',
        tailLines: num('tailLines'),
        limitBytes: num('limitBytes'),
      });
    },
    createPod: (n, body) =>
      pods.has(String(body.metadata?.name))
        ? Promise.resolve({ conflict: `pods "${String(body.metadata?.name)}" already exists` })
        : clientPods.create(n, body),
    deletePod: clientPods.delete,
    refreshPod: clientPods.refresh,
    podMetrics: (n, name) => {
      const st = pods.get(name);
      if (!st?.usage || st.pod.metadata.namespace !== n) return undefined;
      return {
        kind: 'PodMetrics',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: { name, namespace: n },
        timestamp: new Date().toISOString(),
        window: '1s',
        containers: [{ name: 'falco', usage: { cpu: `${st.usage.nanoCores}n`, memory: `${Math.round(st.usage.bytes / 1024)}Ki` } }],
      };
    },
    cadvisor: (node) => {
      if (!nodes.has(node)) return undefined;
      if (opts.nodesProxy === false) return 'forbidden';
      const here = [...pods.values()].filter((p) => p.node.name === node && p.container);
      return cadvisorText(here.map((p) => ({ namespace: ns, pod: String(p.pod.metadata.name), containerId: p.container?.id ?? '' })));
    },
    proxy: async (n, name, port, p) => {
      const st = pods.get(name);
      if (!st?.container || st.pod.metadata.namespace !== n || port !== '8765') return undefined;
      return get(`http://127.0.0.1:${st.container.hostPort}${p}`).catch(() => undefined);
    },
  };
  const tls = selfSignedCertificate(dir);
  const server = await startApiServer(backend, tls);
  const kubeconfig = path.join(dir, 'kubeconfig');
  fs.writeFileSync(kubeconfig, kubeconfigText(server.url, token, tls.cert), { mode: 0o600 });
  const lab: KubeLab = {
    url: server.url,
    token,
    kubeconfig,
    namespace: ns,
    pods: () => Object.fromEntries([...pods.values()].map((p) => [p.node.name, String(p.pod.metadata.name)])),
    configMapText: falcoYaml,
    clientPods: () => ({ created: clientPods.created(), present: clientPods.list() }),
    daemonSet: () => daemonSet,
    settled: async (timeoutMs = 120_000) => {
      await rollout;
      for (const node of opts.nodes) await waitReady(() => [...pods.values()].find((p) => p.node.name === node.name), timeoutMs);
    },
    down: async () => {
      stopped = true;
      await statusLoop;
      await rollout.catch(() => undefined);
      await server.close();
      await removeAllLabPods();
    },
  };
  await lab.settled();
  if (real) for (const p of pods.values()) if (p.container) await waitForRealEngine(p.container.hostPort);
  return lab;
}

/** Equality-based selectors (a=b, a==b, a!=b, a) joined by commas, as labelSelector accepts them. */
function matches(labels: Record<string, string> = {}, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const t = term.trim();
    const neq = /^([^!=]+)!=(.*)$/.exec(t);
    if (neq) return labels[neq[1]!.trim()] !== neq[2]!.trim();
    const eq = /^([^=]+)==?(.*)$/.exec(t);
    if (eq) return labels[eq[1]!.trim()] === eq[2]!.trim();
    return t in labels;
  });
}

async function waitReady(find: () => PodState | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const st = find();
    if (st?.container && (await healthy(st.container.hostPort))) {
      st.pod.status = { ...st.pod.status, phase: 'Running' };
      const cs = st.pod.status.containerStatuses?.[0];
      if (cs) cs.ready = true;
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const name = find()?.container?.name;
  const log = name ? await dockerMaybe(['logs', '--tail', '15', name]) : null;
  throw new Error(`kube lab: a pod did not become ready within ${timeoutMs} ms${log ? `; its log ends:\n${log.stdout}${log.stderr}` : ''}`);
}
