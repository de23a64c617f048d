// Kubernetes-API STAND-IN (falco-doctor kube lab), not Kubernetes: the objects it serves, built from the
// real manifests rendered from the official chart (../shared/fixtures/kubernetes/deploy-kubernetes):
// the DaemonSet and ConfigMap as `kubectl get -o json` gives them, one Pod per Node from the DaemonSet's
// template, and the Nodes themselves (capacity, kernel) as the lab declares them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { REPO_ROOT } from '../paths.js';

export const KUBE_FIXTURES_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'kubernetes', 'deploy-kubernetes');

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API objects are JSON

export interface LabNode {
  name: string;
  cpus: number;
  memoryGiB: number;
  /** what the node's Falco is asked to see (the stand-in's load knobs, STANDIN_*) */
  load: Record<string, string>;
}

/** The rendered DaemonSet and ConfigMap, parsed (one object per file). */
export function realManifests(): { daemonSet: Obj; configMap: Obj } {
  // the rendered files end with a document separator (helm template's), so read them as streams
  const read = (f: string) => YAML.parseAllDocuments(fs.readFileSync(path.join(KUBE_FIXTURES_DIR, f), 'utf8'))[0]?.toJS() as Obj;
  return { daemonSet: read('daemonset.yaml'), configMap: read('configmap.yaml') };
}

let rv = 1000;
/** Every write gets a new resourceVersion, as the API server's etcd revision does. */
export const nextResourceVersion = (): string => String(++rv);

export function stamp(o: Obj, uid = crypto.randomUUID()): Obj {
  o.metadata = { ...o.metadata, uid, resourceVersion: nextResourceVersion(), creationTimestamp: new Date().toISOString() };
  return o;
}

export function nodeObject(n: LabNode): Obj {
  return stamp({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux' } },
    status: {
      capacity: { cpu: String(n.cpus), memory: `${n.memoryGiB * 1024 * 1024}Ki`, pods: '110' },
      allocatable: { cpu: `${n.cpus * 1000 - 100}m`, memory: `${n.memoryGiB * 1024 * 1024 - 512 * 1024}Ki`, pods: '110' },
      nodeInfo: {
        kernelVersion: '6.8.0-kube-lab',
        osImage: 'falco-doctor kube lab (stand-in)',
        containerRuntimeVersion: 'docker://standin',
        kubeletVersion: 'v1.31.0',
      },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
}

/** A pod of the DaemonSet on `node`, as the DaemonSet controller would create it from the template. */
export function podObject(ds: Obj, node: string, generation: number): Obj {
  const t = structuredClone(ds.spec.template) as Obj;
  const suffix = crypto.randomBytes(3).toString('hex').slice(0, 5);
  return stamp({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...t.metadata,
      name: `${ds.metadata.name}-${suffix}`,
      namespace: ds.metadata.namespace,
      // falco-doctor.lab: the one label the stand-in adds to the chart's pod, so every report says STAND-IN
      labels: { ...t.metadata.labels, 'pod-template-generation': String(generation), 'falco-doctor.lab': 'standin' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true }],
    },
    spec: { ...t.spec, nodeName: node },
    status: { phase: 'Pending', containerStatuses: [] },
  });
}
