// canary --kube's report: one canary per node, each judged as the Docker canary is (verdict.ts), and the
// run's exit code. A node whose Falco pod is not running, or could not be read, fires nothing: it says why.
import { EXIT, type ExitCode } from '../errors.js';
import { formatCanary, type CanaryReport } from './format.js';

export type NodeCanary =
  | ({ status: 'fired'; node: string; namespace: string; falcoPod: string; canaryPod: string } & Omit<CanaryReport, 'schemaVersion'>)
  | { status: 'untested'; node: string; namespace: string; falcoPod: string; why: string };

export interface KubeCanaryReport {
  schemaVersion: 1;
  context: string;
  server: string;
  nodes: NodeCanary[];
}

/** 0 when the canary was detected on every node; 3 when it was missed on one; 5 when a node's Falco
 *  could not be tested at all (and none missed it). */
export function kubeCanaryExit(r: KubeCanaryReport): ExitCode {
  if (r.nodes.some((n) => n.status === 'fired' && !n.verdict.detected)) return EXIT.findings;
  if (r.nodes.some((n) => n.status === 'untested')) return EXIT.unreachable;
  return EXIT.ok;
}

export function formatKubeCanary(r: KubeCanaryReport): string {
  const detected = r.nodes.filter((n) => n.status === 'fired' && n.verdict.detected).length;
  const head = `canary on ${r.nodes.length} node(s) of ${r.context} (${r.server}): detected on ${detected}\n`;
  const body = r.nodes.map((n) => {
    const where = `node ${n.node} (Falco pod ${n.namespace}/${n.falcoPod})`;
    if (n.status === 'untested') return `${where}: not tested: ${n.why}\n`;
    const { status: _s, node: _n, namespace: _ns, falcoPod: _f, canaryPod, ...report } = n;
    return `${where}, canary pod ${canaryPod} pinned to the node; the alert read from the Falco pod's log\n${formatCanary({ schemaVersion: 1, ...report })}`;
  });
  return [head, ...body].join('\n');
}
