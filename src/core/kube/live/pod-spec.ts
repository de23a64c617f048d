// What a live Falco pod says about itself (Kubernetes API objects as JSON): the Falco container, where its
// falco.yaml comes from (which ConfigMap and key), its limits and state. Pure: the adapter fetches, this reads.
import path from 'node:path/posix';
import { parseFalcoCmdline } from '../../diagnosis/cmdline.js';
import { parseQuantity } from '../quantity.js';
import { obj } from '../workload-common.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The container that runs Falco: named falco, or running the falcosecurity/falco image. */
export function falcoContainerOf(pod: unknown): Obj | null {
  const containers = list(obj(obj(pod)['spec'])['containers']);
  return containers.find((c) => c['name'] === 'falco') ?? containers.find((c) => /(^|\/)falco(-no-driver|-distroless)?(:|@|$)/.test(str(c['image']))) ?? null;
}

export function argvOf(c: Obj): string[] {
  return [...(Array.isArray(c['command']) ? c['command'] : []), ...(Array.isArray(c['args']) ? c['args'] : [])].map(String);
}

export function configPathOf(c: Obj): string {
  const argv = argvOf(c);
  return parseFalcoCmdline(argv.length > 0 ? argv : ['/usr/bin/falco']).configPath;
}

export interface ConfigMapRef {
  name: string;
  key: string;
  /** mounted with subPath: Kubernetes never refreshes it in a running pod, so a change needs new pods */
  subPath: boolean;
}

/** The ConfigMap entry mounted where Falco reads its config (an exact subPath mount first, then a folder), or null. */
export function configMapRefOf(pod: unknown): ConfigMapRef | null {
  const c = falcoContainerOf(pod);
  if (!c) return null;
  const configPath = configPathOf(c);
  const mounts = list(c['volumeMounts']);
  const exact = mounts.find((m) => m['mountPath'] === configPath);
  const folder = mounts.find((m) => m['mountPath'] === path.dirname(configPath) && !m['subPath']);
  const mount = exact ?? folder;
  const volume = mount ? list(obj(obj(pod)['spec'])['volumes']).find((v) => v['name'] === mount['name']) : undefined;
  const cm = obj(volume?.['configMap']);
  if (!mount || typeof cm['name'] !== 'string') return null;
  const fileName = exact ? str(exact['subPath']) || path.basename(configPath) : path.basename(configPath);
  // items map keys to file names inside the volume; without items each key is a file of its own name
  const key = str(list(cm['items']).find((i) => i['path'] === fileName)?.['key']) || fileName;
  return { name: cm['name'], key, subPath: Boolean(exact?.['subPath']) };
}

export interface PodState {
  status: string;
  running: boolean;
  restarting: boolean;
  ready: boolean;
  restartCount: number;
  startedAt: string;
  exitCode: number;
  oomKilled: boolean;
}

/** The Falco container's status; a last termination by the OOM killer counts as oomKilled. */
export function podStateOf(pod: unknown, containerName: string): PodState {
  const statuses = list(obj(obj(pod)['status'])['containerStatuses']);
  const s = statuses.find((x) => x['name'] === containerName) ?? {};
  const state = obj(s['state']);
  const last = obj(obj(s['lastState'])['terminated']);
  const term = obj(state['terminated']);
  const waiting = obj(state['waiting']);
  const running = Object.keys(obj(state['running'])).length > 0 || 'running' in state;
  return {
    status: running ? 'running' : Object.keys(term).length > 0 ? 'exited' : str(waiting['reason']).toLowerCase() || 'waiting',
    running,
    restarting: waiting['reason'] === 'CrashLoopBackOff',
    ready: s['ready'] === true,
    restartCount: Number(s['restartCount'] ?? 0),
    startedAt: str(obj(state['running'])['startedAt']) || str(term['startedAt']),
    exitCode: Number(term['exitCode'] ?? last['exitCode'] ?? 0),
    oomKilled: term['reason'] === 'OOMKilled' || last['reason'] === 'OOMKilled',
  };
}

export interface PodLimits {
  cpus: number | null;
  memoryBytes: number | null;
}

export function limitsOf(c: Obj): PodLimits {
  const l = obj(obj(c['resources'])['limits']);
  return { cpus: parseQuantity(l['cpu']), memoryBytes: parseQuantity(l['memory']) };
}

/** The node's CPU count as its capacity says (what Falco's ring-buffer count follows), or null. */
export function nodeCpusOf(node: unknown): number | null {
  const n = parseQuantity(obj(obj(obj(node)['status'])['capacity'])['cpu']);
  return n === null ? null : Math.floor(n);
}

export function metaOf(o: unknown): { name: string; namespace: string; uid: string; labels: Record<string, string> } {
  const m = obj(obj(o)['metadata']);
  return {
    name: str(m['name']),
    namespace: str(m['namespace']),
    uid: str(m['uid']),
    labels: Object.fromEntries(Object.entries(obj(m['labels'])).map(([k, v]) => [k, String(v)])),
  };
}

/** The controller that owns the pod (DaemonSet for the chart), or null. */
export function ownerOf(pod: unknown): { kind: string; name: string } | null {
  const o = list(obj(obj(pod)['metadata'])['ownerReferences']).find((r) => r['controller'] === true);
  return o ? { kind: str(o['kind']), name: str(o['name']) } : null;
}
