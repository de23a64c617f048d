// Kubernetes-API STAND-IN (falco-doctor kube lab): each Pod's Falco container is a real Docker container
// running the Falco STAND-IN image (not Falco), made as the kubelet would make it: the pod's CPU and memory
// limits as Docker limits, /etc/falco/falco.yaml from the ConfigMap as it was when the pod started (a
// subPath mount, as the chart's: Kubernetes never updates those in place), the rules falcoctl would have
// downloaded, and the node's CPU count (STANDIN_NODE_CPUS) so the ring buffers follow the node's size.
import fs from 'node:fs';
import path from 'node:path';
import { docker, dockerMaybe } from '../docker-cli.js';
import { STANDIN_IMAGE } from '../images.js';
import { UPSTREAM_RULES_YAML } from '../paths.js';
import { parseQuantity } from '../../../src/core/kube/quantity.js';
import { findCgroup, parseFlatKeyed } from '../../../src/adapters/docker/cgroup-stats.js';
import type { LabNode, Obj } from './objects.js';

export const KUBE_LAB_LABEL = 'falco-doctor.kube-lab';

export interface PodContainer {
  name: string;
  id: string;
  hostPort: number;
}

export function containerNameOf(pod: Obj): string {
  return `falco-doctor-kube-${String(pod.metadata.name)}`;
}

export async function startPodContainer(pod: Obj, node: LabNode, falcoYaml: string, dir: string): Promise<PodContainer> {
  const etc = path.join(dir, String(pod.metadata.name), 'etc-falco');
  fs.mkdirSync(path.join(etc, 'config.d'), { recursive: true });
  fs.writeFileSync(path.join(etc, 'falco.yaml'), falcoYaml);
  fs.copyFileSync(UPSTREAM_RULES_YAML, path.join(etc, 'falco_rules.yaml'));
  const { cpus, memory } = falcoLimits(pod);
  const env = { STANDIN_NODE_CPUS: String(node.cpus), STANDIN_STATE_MB: '16', ...node.load };
  return runPodContainer(pod, node, 'standin', [
    ...(cpus ? ['--cpus', String(cpus)] : []),
    ...(memory ? ['--memory', String(memory)] : []),
    '-v',
    `${etc}:/etc/falco`,
    ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    STANDIN_IMAGE,
  ]);
}

/** The limits of the pod's falco container, as numbers (cores, bytes); null where none is set. */
export function falcoLimits(pod: Obj): { cpus: number | null; memory: number | null } {
  const c = (pod.spec.containers as Obj[]).find((x) => x.name === 'falco') ?? {};
  const limits = (c.resources?.limits ?? {}) as Obj;
  return { cpus: parseQuantity(limits.cpu), memory: parseQuantity(limits.memory) };
}

/** `docker run -d` of a pod's Falco container as the kubelet would start it: named for the pod, labelled
 *  as the lab's (role: standin or real-falco), its webserver published on a loopback port. */
export async function runPodContainer(pod: Obj, node: LabNode, role: string, args: string[]): Promise<PodContainer> {
  const name = containerNameOf(pod);
  await removePodContainer(name);
  const labels = ['--label', `${KUBE_LAB_LABEL}=${node.name}`, '--label', `falco-doctor.lab=${role}`];
  const id = await docker(['run', '-d', '--name', name, ...labels, '-p', '127.0.0.1::8765', ...args]);
  const port = (await docker(['port', name, '8765/tcp'])).trim().split('\n')[0] ?? '';
  return { name, id: id.trim(), hostPort: Number(port.slice(port.lastIndexOf(':') + 1)) };
}

/** Removes the pod's container by name only when it carries the kube lab's label: never a container of the
 *  same name that the lab did not make. */
export async function removePodContainer(name: string): Promise<void> {
  const ids = (await docker(['ps', '-aq', '--filter', `name=^/${name}$`, '--filter', `label=${KUBE_LAB_LABEL}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerMaybe(['rm', '-f', ...ids]);
}

export async function removeAllLabPods(): Promise<void> {
  const ids = (await docker(['ps', '-aq', '--filter', `label=${KUBE_LAB_LABEL}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerMaybe(['rm', '-f', ...ids]);
}

/** `docker stats` once for every container: what metrics-server would have scraped from the kubelet. */
export async function readUsage(names: string[]): Promise<Map<string, { nanoCores: number; bytes: number }>> {
  const out = new Map<string, { nanoCores: number; bytes: number }>();
  if (names.length === 0) return out;
  const r = await dockerMaybe(['stats', '--no-stream', '--format', '{{.Name}}|{{.CPUPerc}}|{{.MemUsage}}', ...names]);
  for (const line of r.stdout.split('\n')) {
    const [name, cpu, mem] = line.split('|');
    if (!name || !cpu || !mem) continue;
    out.set(name, { nanoCores: Math.round((parseFloat(cpu) / 100) * 1e9), bytes: dockerSize(mem.split('/')[0]?.trim() ?? '0B') });
  }
  return out;
}

function dockerSize(s: string): number {
  const m = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(s);
  if (!m) return 0;
  const unit = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[m[2] ?? 'B'] ?? 1;
  return Math.round(parseFloat(m[1] ?? '0') * unit);
}

/**
 * The container's log as the kubelet serves it: both streams in one, in time order, "<RFC3339Nano> line"
 * when timestamps are asked for; sinceSeconds, tailLines and limitBytes as the API defines them.
 */
export async function podLog(name: string, q: { sinceSeconds?: number; timestamps: boolean; tailLines?: number; limitBytes?: number }): Promise<string> {
  const r = await dockerMaybe(['logs', '--timestamps', ...(q.sinceSeconds ? ['--since', `${q.sinceSeconds}s`] : []), name]);
  const lines = [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter(Boolean).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let kept = q.tailLines !== undefined ? lines.slice(-q.tailLines) : lines;
  if (!q.timestamps) kept = kept.map((l) => l.slice(l.indexOf(' ') + 1));
  let text = kept.map((l) => `${l}\n`).join('');
  if (q.limitBytes !== undefined && Buffer.byteLength(text) > q.limitBytes) text = Buffer.from(text).subarray(0, q.limitBytes).toString();
  return text;
}

/**
 * The kubelet's /metrics/cadvisor for the pods on one node, read from each Falco container's cgroup as
 * cAdvisor reads it: the CFS counters (cpu.stat; v1 throttled_time in ns, v2 throttled_usec), the CPU time
 * (v1 cpuacct.usage, v2 usage_usec) and the working set (usage minus inactive file pages).
 */
export function cadvisorText(pods: { namespace: string; pod: string; containerId: string }[]): string {
  const families: Record<string, string[]> = {
    container_cpu_cfs_periods_total: [],
    container_cpu_cfs_throttled_periods_total: [],
    container_cpu_cfs_throttled_seconds_total: [],
    container_cpu_usage_seconds_total: [],
    container_memory_working_set_bytes: [],
  };
  const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  for (const p of pods) {
    const c = findCgroup(p.containerId);
    if (!c) continue;
    const stat = parseFlatKeyed(read(c.version === 2 ? c.dir : c.cpu, 'cpu.stat'));
    const mem = parseFlatKeyed(read(c.version === 2 ? c.dir : c.memory, 'memory.stat'));
    const l = `{container="falco",namespace="${p.namespace}",pod="${p.pod}"}`;
    const v2 = c.version === 2;
    const usage = v2 ? Number(read(c.dir, 'memory.current')) : Number(read(c.memory, 'memory.usage_in_bytes'));
    const inactive = v2 ? (mem['inactive_file'] ?? 0) : (mem['total_inactive_file'] ?? 0);
    const values: Record<string, number> = {
      container_cpu_cfs_periods_total: stat['nr_periods'] ?? 0,
      container_cpu_cfs_throttled_periods_total: stat['nr_throttled'] ?? 0,
      container_cpu_cfs_throttled_seconds_total: v2 ? (stat['throttled_usec'] ?? 0) / 1e6 : (stat['throttled_time'] ?? 0) / 1e9,
      container_cpu_usage_seconds_total: v2 ? (stat['usage_usec'] ?? 0) / 1e6 : Number(read(c.cpuacct, 'cpuacct.usage')) / 1e9,
      container_memory_working_set_bytes: Math.max(0, usage - inactive),
    };
    for (const [name, v] of Object.entries(values)) families[name]?.push(`${name}${l} ${v}`);
  }
  const out = Object.entries(families).flatMap(([name, rows]) => [`# TYPE ${name} ${name.endsWith('_bytes') ? 'gauge' : 'counter'}`, ...rows]);
  return `${out.join('\n')}\n`;
}
