// `falco-doctor fix ID --kube [--node N]`: a fix planned on one node's diagnosis, applied to the cluster
// as a ConfigMap edit plus a DaemonSet template change (the pods roll one node at a time), verified by the
// rollout and a re-measure of the node, journaled first so `rollback` undoes both from any session. The
// same guards as a Docker fix come before the journal: no unfinished transaction, the circuit breaker
// (which counts the changes of both kinds), room in the state dir.
import { EXIT, UserError, type ExitCode } from '../../core/errors.js';
import { newEntryId } from '../../adapters/journal/journal.js';
import type { Measure } from '../../core/fix/journal-entry.js';
import { planFix } from '../../core/fix/plan.js';
import { planAcrossNodes } from '../../core/kube/live/plan-nodes.js';
import { kubePatchPreview, patchChanges, planKubePatch, KubePatchError } from '../../core/kube/live/patch.js';
import type { KubeDiagnosis, NodeResult } from '../../core/kube/live/nodes.js';
import { PROBES, isProbeId } from '../../core/diagnosis/probes/index.js';
import { formatValue } from '../../core/diagnosis/format.js';
import type { FixArgs } from '../../cli/requests.js';
import { runChange } from '../../adapters/change/engine.js';
import { plannedKubeChange } from '../../adapters/change/kinds/kube-patch.js';
import { runKubeDiagnosis, type KubeRun } from './run.js';

/** fix --kube's request; the node list's f passes the diagnosis's own (its --runbook too). */
export type KubeFixArgs = Omit<FixArgs, 'command'> & { runbooks?: string[] };

const MEASURED = ['drops.detected', 'drops.alerts', 'drops.max_per_second', 'ringbuf.total_bytes', 'mem.usage_bytes', 'cpu.percent'];
const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };

export async function kubeFixCommand(args: KubeFixArgs): Promise<ExitCode> {
  const before = await runKubeDiagnosis(args, (l) => io.err(`${l}\n`));
  return (await kubeFixOn(before, args.fixId, args)).code;
}

/** The fix on a diagnosis already made (the command's own, or the node list's when f was pressed). */
export async function kubeFixOn(before: KubeRun, fixId: string, args: KubeFixArgs): Promise<{ code: ExitCode; journalId: string | null }> {
  const { api, catalogue } = before;
  const fix = catalogue.fixes[fixId];
  if (!fix) throw new UserError(`unknown fix "${fixId}"`, `fixes: ${Object.keys(catalogue.fixes).join(', ')}`);
  const progress = (l: string) => io.err(`${l}\n`);
  const node = chooseNode(before, fixId, args.node);
  const d = before.byNode.get(node.node);
  if (!d || !node.report) throw new UserError(`node ${node.node}: its Falco pod could not be read (${node.error ?? 'unknown'}): nothing to plan on`);
  const plan = planAcrossNodes(before.byNode, node.node, (ctx, facts) => planFix(fixId, fix, ctx, facts));
  const snap = d.context.snapshot;
  const kube = snap.kube;
  const owner = kube?.controller ?? null;
  if (!kube || !owner || owner.kind !== 'DaemonSet')
    throw new UserError(`pod ${node.namespace}/${node.pod} is not run by a DaemonSet: nothing the doctor knows how to patch`);
  const ds = await api.readDaemonSet(kube.namespace, owner.name);
  const id = newEntryId(fixId);
  const ref = kube.configMap;
  let patch;
  try {
    patch = planKubePatch(plan, {
      id,
      configMap: ref && snap.falco.configFiles[0] ? { name: ref.name, key: ref.key, text: snap.falco.configFiles[0].text } : null,
      daemonSet: ds,
      container: kube.container,
    });
  } catch (e) {
    if (e instanceof KubePatchError) throw new UserError(`fix ${fixId} on Kubernetes: ${e.message}`);
    throw e;
  }
  if (!patchChanges(patch)) throw new UserError(`fix ${fixId}: already in place on ${kube.namespace}/${owner.name}`);
  io.out(`fix ${fixId} for node ${node.node} (${node.cpus ?? '?'} CPUs), applied to every node of DaemonSet ${kube.namespace}/${owner.name}:\n`);
  io.out(`${patch.summary.map((s) => `  ${s}`).join('\n')}\n\n${kubePatchPreview(patch, { namespace: kube.namespace, configMap: ref?.name ?? null })}\n`);
  if (!(await confirmed(args))) {
    io.err('nothing changed\n');
    return { code: EXIT.ok, journalId: null };
  }
  // set by the re-measure, which the engine runs once the rollout is verified
  const found: { after: { gone: string[]; still: string[] } | null } = { after: null };
  const remeasure = async () => {
    progress(`re-measuring node ${node.node}`);
    const after = await runKubeDiagnosis(args, progress, before);
    const now = after.report.nodes.find((n) => n.node === node.node);
    const gone = node.report?.findings.filter((f) => f.fixes.some((x) => x.id === fixId)).map((f) => f.code) ?? [];
    const still = gone.filter((c) => now?.report?.findings.some((f) => f.code === c));
    found.after = { gone, still };
    const note =
      still.length === 0 ? `re-measured: ${gone.join(', ') || 'the finding'} gone on ${node.node}` : `re-measured: ${still.join(', ')} still on ${node.node}`;
    return { measures: measures(node, now), note };
  };
  const planned = plannedKubeChange(api, {
    id,
    fixId,
    title: fix.title,
    changes: patch.summary,
    target: {
      kind: 'kube',
      kubeconfig: args.kube?.kubeconfig ?? null,
      context: api.context,
      server: api.server,
      namespace: kube.namespace,
      daemonSet: owner.name,
      node: node.node,
    },
    change: {
      kind: 'kube-patch',
      configMap: patch.configMap,
      daemonSet: { container: patch.daemonSet.container, before: patch.daemonSet.before, after: patch.daemonSet.after },
    },
    rolloutTimeoutMs: Math.max(120, args.reloadTimeoutSeconds) * 1000,
    remeasure,
  });
  // the canary around a change runs on Docker targets only (canary --kube proves a cluster on its own)
  if (args.canary === 'on' || args.acceptDetectionLoss)
    io.err('detection: not proven around a --kube change (run falco-doctor canary --kube before and after)\n');
  const r = await runChange({
    command: `fix ${fixId} --kube`,
    stateDir: args.stateDir,
    maxChangesPerHour: args.maxChangesPerHour,
    planned,
    emit: (e) => e.type === 'step-finished' && io.err(`  ${e.status === 'ok' ? '✔' : '✖'} ${e.detail}\n`),
  });
  if (r.outcome === 'reverted') {
    io.out(`fix ${fixId} was reverted: ${r.failure}; the ConfigMap and the DaemonSet are as before (journal ${id})\n`);
    return { code: EXIT.fixReverted, journalId: id };
  }
  if (r.outcome === 'rollback-incomplete') {
    io.out(`fix ${fixId} failed (${r.failure}) and the undo could not complete:\n${r.manualSteps.map((m) => `  - ${m}\n`).join('')}`);
    return { code: EXIT.rollbackIncomplete, journalId: id };
  }
  const remeasured = found.after;
  if (!remeasured) {
    io.out(`\napplied and verified (journal ${id}); node ${node.node} not re-measured: ${r.entry.log.at(-1)?.message ?? ''}\n`);
    return { code: EXIT.ok, journalId: id };
  }
  const { gone, still } = remeasured;
  io.out(`\napplied and verified (journal ${id}); node ${node.node} before → after:\n`);
  for (const m of r.entry.measures) io.out(`  ${m.label}: ${String(m.before)} → ${String(m.after)}\n`);
  io.out(still.length === 0 ? `  ${gone.join(', ') || 'the finding'}: gone\n` : `  still found: ${still.join(', ')}\n`);
  io.out(`undo: falco-doctor rollback ${id}   (restores the ConfigMap bytes and the DaemonSet template together)\n`);
  return { code: still.length === 0 ? EXIT.ok : EXIT.findings, journalId: id };
}

/** --node, else the worst node whose findings offer the fix, else the worst node. */
function chooseNode(d: KubeDiagnosis, fixId: string, wanted: string | null): NodeResult {
  const nodes = d.report.nodes;
  if (wanted) {
    const n = nodes.find((x) => x.node === wanted);
    if (!n) throw new UserError(`--node ${wanted}: no Falco pod runs there (nodes: ${nodes.map((x) => x.node).join(', ')})`);
    return n;
  }
  const offered = nodes.find((n) => n.report?.findings.some((f) => f.fixes.some((x) => x.id === fixId)));
  const n = offered ?? nodes[0];
  if (!n) throw new UserError('no Falco node to fix');
  return n;
}

function measures(before: NodeResult, after: NodeResult | undefined): Measure[] {
  return MEASURED.filter(isProbeId).map((fact) => {
    const p = PROBES[fact];
    const show = (v: unknown) => (v === undefined ? null : formatValue((v ?? null) as never, p.unit));
    return { fact, label: p.label, before: show(before.report?.facts[fact]), after: show(after?.report?.facts[fact]) };
  });
}

async function confirmed(args: Pick<KubeFixArgs, 'yes' | 'format'>): Promise<boolean> {
  if (args.yes) return true;
  if (!process.stdin.isTTY) throw new UserError('fix --kube changes the cluster: pass --yes to apply without a terminal');
  const { confirm } = await import('../../ui/confirm.js');
  return confirm('apply to the cluster?');
}
