// Kubernetes-API STAND-IN (falco-doctor kube lab): the pods a client creates itself (falco-doctor canary
// --kube), each made a real Docker container as the kubelet would make it: the pod's image and command
// (entrypoint) as given, its CPU and memory limits, no network (the lab has no pod network), the securityContext's
// read-only root and dropped capabilities, the downwardAPI files (annotations) written and mounted at their
// subPath mounts, and the pod's labels on the container beside the lab's own (KUBE_LAB_LABEL = the node).
// Status as the kubelet reports it: Running, then Succeeded/Failed with the exit code; startedAt in whole
// seconds, as the API serialises it. Any other volume kind is refused (422), not silently ignored.
import fs from 'node:fs';
import path from 'node:path';
import { docker } from '../docker-cli.js';
import { containerState } from '../lab.js';
import { parseQuantity } from '../../../src/core/kube/quantity.js';
import { stamp, type Obj } from './objects.js';
import { containerNameOf, KUBE_LAB_LABEL, removePodContainer } from './pod-containers.js';

export type Created = Obj | { invalid: string } | { conflict: string };

/** The client's pods by name, for the API server's create, get, list and delete. */
export function clientPodStore(nodes: ReadonlySet<string>, dir: string) {
  const byName = new Map<string, Obj>();
  /** every pod body the API server accepted, as the client sent it (what a test inspects after the delete) */
  const created: Obj[] = [];
  const inNs = (n: string, name: string) => (byName.get(name)?.metadata.namespace === n ? byName.get(name) : undefined);
  return {
    list: (): Obj[] => [...byName.values()],
    created: (): Obj[] => created,
    get: (name: string): Obj | undefined => byName.get(name),
    create: async (n: string, body: Obj): Promise<Created> => {
      const name = String(body.metadata?.name ?? '');
      if (byName.has(name)) return { conflict: `pods "${name}" already exists` };
      const r = await createClientPod(body, n, nodes, dir);
      if (!('invalid' in r)) {
        byName.set(name, r);
        created.push(structuredClone(body));
      }
      return r;
    },
    delete: async (n: string, name: string): Promise<Obj | undefined> => {
      const pod = inNs(n, name);
      if (!pod) return undefined;
      byName.delete(name);
      await removePodContainer(containerNameOf(pod));
      return pod;
    },
    refresh: async (n: string, name: string): Promise<void> => {
      const pod = inNs(n, name);
      if (pod) await refreshClientPod(pod);
    },
  };
}

/** Makes the pod's container; `invalid` when the lab cannot run what the spec asks for. */
async function createClientPod(body: Obj, namespace: string, nodes: ReadonlySet<string>, dir: string): Promise<Created> {
  const spec = (body.spec ?? {}) as Obj;
  const c = ((spec.containers ?? []) as Obj[])[0];
  const name = String(body.metadata?.name ?? '');
  if (!name || !c) return { invalid: 'metadata.name and one container are required' };
  if (!nodes.has(String(spec.nodeName))) return { invalid: `spec.nodeName: the lab has no node "${String(spec.nodeName)}"` };
  const files: string[] = [];
  for (const m of (c.volumeMounts ?? []) as Obj[]) {
    const vol = ((spec.volumes ?? []) as Obj[]).find((v) => v.name === m.name);
    const item = ((vol?.downwardAPI?.items ?? []) as Obj[]).find((i) => i.path === m.subPath);
    const key = /^metadata\.annotations\['([^']+)'\]$/.exec(String(item?.fieldRef?.fieldPath ?? ''))?.[1];
    if (!key) return { invalid: `volumeMount ${String(m.name)}: the lab serves only downwardAPI annotation files mounted by subPath` };
    const file = path.join(dir, name, String(m.subPath));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, String(body.metadata?.annotations?.[key] ?? ''), { mode: 0o444 });
    files.push('-v', `${file}:${String(m.mountPath)}:ro`);
  }
  const pod = stamp({ ...body, metadata: { ...body.metadata, namespace }, status: { phase: 'Pending' } });
  const limits = (c.resources?.limits ?? {}) as Obj;
  const sc = (c.securityContext ?? {}) as Obj;
  const [entry, ...args] = (c.command ?? []) as string[];
  const labels = Object.entries((pod.metadata.labels ?? {}) as Record<string, string>).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  await docker([
    'run',
    '-d',
    '--name',
    containerNameOf(pod),
    '--label',
    `${KUBE_LAB_LABEL}=${String(spec.nodeName)}`,
    ...labels,
    '--network',
    'none',
    ...(parseQuantity(limits.cpu) ? ['--cpus', String(parseQuantity(limits.cpu))] : []),
    ...(parseQuantity(limits.memory) ? ['--memory', String(parseQuantity(limits.memory))] : []),
    ...(sc.readOnlyRootFilesystem ? ['--read-only'] : []),
    ...(sc.allowPrivilegeEscalation === false ? ['--security-opt', 'no-new-privileges'] : []),
    ...((sc.capabilities?.drop ?? []) as string[]).flatMap((d) => ['--cap-drop', d]),
    ...files,
    ...(entry ? ['--entrypoint', entry] : []),
    String(c.image),
    ...args,
  ]);
  await refreshClientPod(pod);
  return pod;
}

/** The kubelet's view of the container, written into the pod's status. */
async function refreshClientPod(pod: Obj): Promise<void> {
  const s = await containerState(containerNameOf(pod));
  if (!s) return;
  const startedAt = s.startedAt.replace(/\.\d+Z$/, 'Z');
  const ended = !s.running && s.status === 'exited';
  const state = s.running
    ? { running: { startedAt } }
    : ended
      ? { terminated: { exitCode: s.exitCode, startedAt, reason: s.exitCode === 0 ? 'Completed' : 'Error' } }
      : { waiting: { reason: 'ContainerCreating' } };
  pod.status = {
    phase: s.running ? 'Running' : ended ? (s.exitCode === 0 ? 'Succeeded' : 'Failed') : 'Pending',
    containerStatuses: [{ name: String(pod.spec.containers[0].name), ready: s.running, restartCount: 0, state }],
  };
}
