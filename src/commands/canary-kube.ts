// `falco-doctor canary --kube [--node N]`: the canary on every node's Falco pod (or one node's). Reads each
// pod as diagnose --kube does (adapters/kube/collect.ts), picks the canary with the Docker canary's core
// choice (core/canary/target.ts), asks once and paces as the Docker canary does, then per node: a short-lived
// pod pinned to the node (adapters/canary/kube-fire.ts), the alert waited for in that node's Falco pod log
// (adapters/canary/kube-watch.ts), judged by core/canary/verdict.ts, reported per node (core/canary/kube-report.ts).
import { randomBytes } from 'node:crypto';
import { UserError, EXIT, errorMessage, type ExitCode } from '../core/errors.js';
import { buildContext } from '../core/diagnosis/context.js';
import { webserverSettings } from '../core/falco/webserver.js';
import { canaryMarker, argvWithMarker } from '../core/canary/schema.js';
import { pickCanary, type CanaryTarget } from '../core/canary/target.js';
import { judge } from '../core/canary/verdict.js';
import { proofOf } from '../core/canary/proof.js';
import { paceRefusal } from '../core/canary/pace.js';
import { formatKubeCanary, kubeCanaryExit, type KubeCanaryReport, type NodeCanary } from '../core/canary/kube-report.js';
import type { Snapshot } from '../core/snapshot.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { readCanaries } from '../adapters/canary/read-canaries.js';
import { readCanaryState, writeCanaryState } from '../adapters/canary/state-file.js';
import { fireCanaryPod } from '../adapters/canary/kube-fire.js';
import { waitForPodAlert } from '../adapters/canary/kube-watch.js';
import type { KubeApi } from '../adapters/kube/client.js';
import type { PodCollection } from '../adapters/kube/collect.js';
import type { CanaryArgs } from '../cli/requests.js';
import { dropsOverWindow } from '../adapters/canary/prove.js';
import type { CommandIo } from './fix/fix.js';

type KubeCanaryArgs = CanaryArgs & { kube: NonNullable<CanaryArgs['kube']> };

interface Armed {
  pod: PodCollection & { snapshot: Snapshot };
  target: CanaryTarget;
}

export async function runKubeCanary(
  args: KubeCanaryArgs,
  deps: { io: CommandIo; confirm: (q: string) => Promise<boolean>; toolVersion: string },
): Promise<ExitCode> {
  const [{ connectKube }, { collectKube, DEFAULT_SELECTOR }] = await Promise.all([import('../adapters/kube/client.js'), import('../adapters/kube/collect.js')]);
  const canaries = await readCanaries();
  const dir = resolveStateDir(process.env, args.stateDir);
  const k = args.kube;
  const progress = (line: string) => (args.format === 'json' ? undefined : deps.io.err(`${line}\n`));
  const api = await connectKube({ kubeconfig: k.kubeconfig, context: k.context });
  const collected = await collectKube(
    api,
    { namespace: k.namespace, selector: k.selector ?? DEFAULT_SELECTOR, windowMs: 0, sampleEveryMs: 2000, lookbackMs: 0, toolVersion: deps.toolVersion },
    progress,
  ).catch((e: unknown) => {
    // no API answer, or no Falco pod to fire at: as the Docker canary with no running Falco, unreachable
    throw new UserError(errorMessage(e), e instanceof UserError ? e.hint : 'check --kubeconfig, --context and that the cluster answers', EXIT.unreachable);
  });
  const pods = args.node === null ? collected.pods : collected.pods.filter((p) => p.node === args.node);
  if (pods.length === 0)
    throw new UserError(`--node ${args.node}: no Falco pod runs on that node`, `nodes with one: ${collected.pods.map((p) => p.node).join(', ')}`);

  const armed: Armed[] = [];
  const nodes: NodeCanary[] = [];
  for (const p of pods) {
    const why = notFireable(p);
    if (why !== null || !wasRead(p)) nodes.push({ status: 'untested', node: p.node, namespace: p.namespace, falcoPod: p.pod, why: why ?? 'not read' });
    else armed.push({ pod: p, target: pickCanary(buildContext(p.snapshot), canaries) });
  }
  if (armed.length > 0) {
    const pace = paceRefusal(await readCanaryState(dir), Date.now(), args.force);
    if (pace) throw new UserError(pace, 'wait, or pass --force');
    const what = `fire a canary on ${armed.length} node(s) (${armed.map((a) => `${a.pod.node}: ${a.target.canary.id}`).join(', ')})? Each creates a short-lived pod pinned to the node, labelled falco-doctor.canary=1, deleted afterwards; the alert reaches every output Falco has (pager, Slack)`;
    if (!args.yes && !(await deps.confirm(what)))
      throw new UserError('the canary was not fired: it needs a yes', 'pass --yes (its alert reaches every output Falco is configured with)');
  }
  for (const a of armed)
    nodes.push(
      await fireOnNode(api, a, { ...args, dir, progress }).catch((e: unknown): NodeCanary => ({
        status: 'untested',
        node: a.pod.node,
        namespace: a.pod.namespace,
        falcoPod: a.pod.pod,
        // e.g. RBAC refusing pods/create, or the pod log: this node proves nothing, the others still run
        why: `the canary failed on this node: ${errorMessage(e)}`,
      })),
    );
  const order = new Map(pods.map((p, i) => [p.node, i]));
  nodes.sort((x, y) => (order.get(x.node) ?? 0) - (order.get(y.node) ?? 0));
  const report: KubeCanaryReport = { schemaVersion: 1, context: api.context, server: api.server, nodes };
  deps.io.out(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatKubeCanary(report));
  return kubeCanaryExit(report);
}

const wasRead = (p: PodCollection): p is Armed['pod'] => p.snapshot !== null;

function notFireable(p: PodCollection): string | null {
  if (!p.snapshot) return `the Falco pod could not be read: ${p.error ?? 'unknown error'}`;
  const s = p.snapshot.target.state;
  if (!s.running || s.restarting) return `Falco is not running in it (${s.status}): a canary would prove nothing`;
  return null;
}

async function fireOnNode(
  api: KubeApi,
  { pod, target }: Armed,
  o: Pick<KubeCanaryArgs, 'timeoutSeconds'> & { dir: string; progress: (line: string) => void },
): Promise<NodeCanary> {
  const base = { node: pod.node, namespace: pod.namespace, falcoPod: pod.pod };
  const marker = canaryMarker(Date.now(), randomBytes(6).toString('hex'));
  const argv = argvWithMarker(target.canary, marker);
  const proof = { marker, rule: target.canary.rule, target: `${pod.node}: ${pod.namespace}/${pod.pod}`, by: 'canary --kube' };
  await writeCanaryState(o.dir, { ...proof, lastAt: new Date().toISOString(), detected: null, channel: null, latencyMs: null, reasons: [] });
  const falcoPod = await api.readPod(pod.namespace, pod.pod);
  const tolerations = (falcoPod as { spec?: { tolerations?: unknown[] } }).spec?.tolerations ?? [];
  const metricsPort = prometheusPort(pod.snapshot);
  const metrics = () => (metricsPort === null ? Promise.resolve(null) : api.podProxy(pod.namespace, pod.pod, metricsPort, '/metrics').catch(() => null));
  const metricsStart = await metrics();
  o.progress(`node ${pod.node}: firing ${target.canary.id} in pod ${marker}: ${argv.join(' ')}`);
  const image = pod.snapshot.target.image;
  const fired = await fireCanaryPod(api, { name: marker, namespace: pod.namespace, node: pod.node, image, argv, files: target.canary.files, tolerations });
  if (fired.leftBehind) o.progress(fired.leftBehind);
  const timeoutMs = o.timeoutSeconds * 1000;
  const container = pod.snapshot.kube?.container ?? 'falco';
  const readable = target.channels.some((c) => c.kind === 'stdout');
  const seen = await waitForPodAlert(api, {
    namespace: pod.namespace,
    pod: pod.pod,
    container,
    canary: target.canary,
    marker,
    actionAtMs: fired.startedAtMs,
    timeoutMs,
    readable,
  });
  const metricsEnd = await metrics();
  const drops = dropsOverWindow(pod.snapshot, { start: fired.startedAtMs, end: Date.now(), lines: seen.logLines, metricsStart, metricsEnd });
  const verdict = judge(target, { marker, actionAtMs: fired.startedAtMs, timeoutMs, alert: seen.alert, drops });
  await writeCanaryState(o.dir, { ...proof, lastAt: new Date(fired.startedAtMs).toISOString(), ...proofOf(verdict) });
  return {
    status: 'fired',
    ...base,
    canaryPod: marker,
    target: `${pod.namespace}/${pod.pod}`,
    firedAt: new Date(fired.startedAtMs).toISOString(),
    timeoutMs,
    actionExit: fired.exitCode,
    drops,
    verdict,
  };
}

/** Falco's /metrics port through the pod proxy, when Prometheus metrics are on; else null. */
function prometheusPort(s: Snapshot): number | null {
  const ctx = buildContext(s);
  const ws = webserverSettings(ctx.config);
  return ws.enabled && ws.prometheus ? ws.port : null;
}
