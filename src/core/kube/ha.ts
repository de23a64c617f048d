// High-availability settings that tuning advice copies from Deployments but that do not apply to a
// DaemonSet, which runs exactly one pod on each node its nodeSelector/tolerations admit:
//  - spec.replicas is not a DaemonSet field (apps/v1 DaemonSetSpec has none; the API server rejects
//    or drops it), and the chart has no `replicaCount` (controller.deployment.replicas is read only
//    with controller.kind: deployment, values.yaml of chart falco 9.1.0);
//  - a PodDisruptionBudget guards evictions, but `kubectl drain` skips DaemonSet pods
//    (--ignore-daemonsets) and the DaemonSet controller's rolling update does not evict, it replaces
//    pods by updateStrategy.rollingUpdate.maxUnavailable: a minAvailable there protects nothing.
import type { KubeObject } from './yaml-docs.js';
import { obj } from './workload-common.js';
import type { KubeIssue } from './types.js';

const CODE = 'FD-KUBE-HA-NOT-APPLICABLE';

export function haIssuesOfManifests(objects: readonly KubeObject[], w: KubeObject): KubeIssue[] {
  if (w.kind !== 'DaemonSet') return [];
  const out: KubeIssue[] = [];
  const spec = obj(w.value['spec']);
  if ('replicas' in spec)
    out.push({
      code: CODE,
      severity: 'warning',
      file: w.file,
      line: w.lineOf(['spec', 'replicas']),
      key: 'spec.replicas',
      message: `DaemonSet ${w.name} has no replicas field: it runs one Falco pod on every node it tolerates; the API server rejects or drops spec.replicas`,
    });
  const labels = obj(obj(obj(spec['template'])['metadata'])['labels']);
  for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget' && o.namespace === w.namespace)) {
    const match = obj(obj(obj(pdb.value['spec'])['selector'])['matchLabels']);
    const keys = Object.keys(match);
    if (keys.length === 0 || !keys.every((k) => labels[k] === match[k])) continue;
    const field = 'minAvailable' in obj(pdb.value['spec']) ? 'minAvailable' : 'maxUnavailable';
    out.push({
      code: CODE,
      severity: 'warning',
      file: pdb.file,
      line: pdb.lineOf(['spec', field]),
      key: `PodDisruptionBudget/${pdb.name}`,
      message: `PodDisruptionBudget ${pdb.name} selects the pods of DaemonSet ${w.name}: kubectl drain skips DaemonSet pods (--ignore-daemonsets) and rolling updates replace them by updateStrategy.rollingUpdate.maxUnavailable, so its ${field} protects nothing; remove it and set maxUnavailable instead`,
    });
  }
  return out;
}

/** Helm values keys of that kind: `replicaCount` is not a chart value, and deployment replicas are read only for a Deployment. */
export function haIssuesOfValues(
  values: Record<string, unknown>,
  merged: Record<string, unknown>,
  file: string,
  lineOf: (p: string[]) => number | null,
): KubeIssue[] {
  const out: KubeIssue[] = [];
  const kind = String(obj(merged['controller'])['kind'] ?? 'daemonset');
  for (const k of ['replicaCount', 'replicas', 'podDisruptionBudget', 'pdb'])
    if (k in values)
      out.push({
        code: CODE,
        severity: 'warning',
        file,
        line: lineOf([k]),
        key: k,
        message: `${k} is not a value of chart falco (Helm ignores it): with controller.kind ${kind} ${kind === 'daemonset' ? 'Falco runs one pod per node, and drains skip DaemonSet pods, so replicas and disruption budgets do not apply' : 'the replicas are controller.deployment.replicas'}`,
      });
  // set away from the chart's default (1): someone expects it to count
  const deploymentReplicas = obj(obj(values['controller'])['deployment'])['replicas'];
  if (kind === 'daemonset' && deploymentReplicas !== undefined && deploymentReplicas !== 1)
    out.push({
      code: CODE,
      severity: 'info',
      file,
      line: lineOf(['controller', 'deployment', 'replicas']),
      key: 'controller.deployment.replicas',
      message: `controller.deployment.replicas ${String(deploymentReplicas)} is read only with controller.kind: deployment; this release is a DaemonSet, one pod per node`,
    });
  return out;
}
