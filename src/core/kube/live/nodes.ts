// diagnose --kube: one DiagnosisReport per node (the same core runbooks as a Docker container gets), the
// nodes ordered worst first, and what the cluster as a whole showed. Pure: collections in, a report out.
import { SEVERITIES, type Severity } from '../../findings.js';
import type { DiagnosisReport } from '../../report.js';
import type { Snapshot } from '../../snapshot.js';
import type { Catalogue } from '../../runbook/load.js';
import { diagnose, type Diagnosis } from '../../diagnosis/diagnose.js';

export const KUBE_REPORT_SCHEMA_VERSION = 1;

export interface NodeResult {
  node: string;
  namespace: string;
  pod: string;
  /** the node's CPU count (status.capacity.cpu): what the ring-buffer count follows */
  cpus: number | null;
  /** the worst finding's severity; "unreadable" when the pod could not be read; "clear" when nothing was found */
  worst: Severity | 'unreadable' | 'clear';
  report: DiagnosisReport | null;
  error: string | null;
}

export interface KubeDiagnosisReport {
  schemaVersion: typeof KUBE_REPORT_SCHEMA_VERSION;
  kind: 'kube-diagnosis';
  tool: { name: 'falco-doctor'; version: string };
  generatedAt: string;
  /** lab: the cluster is the falco-doctor kube lab's API STAND-IN and its pods run the Falco STAND-IN */
  origin: 'live' | 'lab';
  cluster: { context: string; server: string; namespace: string | null; selector: string; metricsApi: boolean };
  summary: { nodes: number; withProblems: number; worstNode: string | null };
  /** worst first: critical, unreadable, warning, info, clear; then by the number of such findings */
  nodes: NodeResult[];
  notes: string[];
}

export interface PodInput {
  node: string;
  namespace: string;
  pod: string;
  snapshot: Snapshot | null;
  error: string | null;
}

export interface KubeDiagnoseOptions {
  toolVersion: string;
  thresholds: Record<string, number>;
  only: string[];
  now: Date;
}

export interface KubeDiagnosis {
  report: KubeDiagnosisReport;
  /** each node's full diagnosis (context and facts), for planning its fixes */
  byNode: Map<string, Diagnosis>;
}

const ORDER: NodeResult['worst'][] = ['critical', 'unreadable', 'warning', 'info', 'clear'];

export function diagnoseNodes(
  cluster: KubeDiagnosisReport['cluster'],
  pods: readonly PodInput[],
  catalogue: Catalogue,
  opts: KubeDiagnoseOptions & { notes?: string[] },
): KubeDiagnosis {
  const byNode = new Map<string, Diagnosis>();
  const nodes: NodeResult[] = pods.map((p) => {
    const base = { node: p.node, namespace: p.namespace, pod: p.pod, cpus: p.snapshot?.host.cpus ?? null };
    if (!p.snapshot) return { ...base, worst: 'unreadable', report: null, error: p.error ?? 'not read' };
    const d = diagnose(p.snapshot, catalogue, { toolVersion: opts.toolVersion, source: 'live', thresholds: opts.thresholds, only: opts.only, now: opts.now });
    byNode.set(p.node, d);
    return { ...base, worst: worstOf(d.report), report: d.report, error: null };
  });
  nodes.sort((a, b) => ORDER.indexOf(a.worst) - ORDER.indexOf(b.worst) || countOf(b) - countOf(a) || a.node.localeCompare(b.node));
  const withProblems = nodes.filter((n) => n.worst === 'critical' || n.worst === 'warning' || n.worst === 'unreadable').length;
  const lab = pods.some((p) => p.snapshot?.origin === 'lab');
  return {
    byNode,
    report: {
      schemaVersion: KUBE_REPORT_SCHEMA_VERSION,
      kind: 'kube-diagnosis',
      tool: { name: 'falco-doctor', version: opts.toolVersion },
      generatedAt: opts.now.toISOString(),
      origin: lab ? 'lab' : 'live',
      cluster,
      summary: { nodes: nodes.length, withProblems, worstNode: withProblems > 0 ? (nodes[0]?.node ?? null) : null },
      nodes,
      notes: [
        ...(lab ? ['The cluster is the falco-doctor kube lab: a Kubernetes-API STAND-IN whose pods run the Falco STAND-IN, not Falco.'] : []),
        ...(opts.notes ?? []),
      ],
    },
  };
}

function worstOf(r: DiagnosisReport): NodeResult['worst'] {
  if (r.configErrors.length > 0) return 'critical';
  for (const s of SEVERITIES) if (r.findings.some((f) => f.severity === s)) return s;
  return 'clear';
}

function countOf(n: NodeResult): number {
  if (!n.report) return 0;
  return n.report.findings.filter((f) => f.severity === n.worst).length + n.report.configErrors.length;
}
