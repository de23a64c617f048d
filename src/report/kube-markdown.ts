// diagnose --kube --markdown (and the default off a terminal): the nodes worst first in one table, then
// each node's own report, as `diagnose --markdown` writes it for one container.
import type { KubeDiagnosisReport, NodeResult } from '../core/kube/live/nodes.js';
import { toMarkdown } from './markdown.js';

const MARK: Record<NodeResult['worst'], string> = {
  critical: '🔴 critical',
  unreadable: '⚫ unreadable',
  warning: '🟠 warning',
  info: '🔵 info',
  clear: '🟢 clear',
};

export function kubeToMarkdown(r: KubeDiagnosisReport): string {
  const c = r.cluster;
  const out: string[] = [
    `# falco-doctor diagnosis: Falco on ${r.summary.nodes} node(s) of ${c.context}`,
    '',
    `- API server: ${c.server}; pods -l ${c.selector} in ${c.namespace ?? 'every namespace'}`,
    `- Metrics API: ${c.metricsApi ? 'present' : 'absent (CPU and memory not measured)'}`,
    ...r.notes.map((n) => `- Note: ${n}`),
    '',
    '| node | CPUs | pod | worst | findings |',
    '|---|---|---|---|---|',
    ...r.nodes.map((n) => `| ${n.node} | ${n.cpus ?? '?'} | ${n.namespace}/${n.pod} | ${MARK[n.worst]} | ${summary(n)} |`),
    '',
  ];
  for (const n of r.nodes) {
    out.push(`## Node ${n.node}`, '');
    if (!n.report) out.push(`Not read: ${n.error ?? 'unknown error'}`, '');
    else
      out.push(
        toMarkdown(n.report)
          .replace(/^# /, '### ')
          .replace(/\n## /g, '\n#### ')
          .replace(/\n### /g, '\n##### '),
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function summary(n: NodeResult): string {
  if (!n.report) return n.error ?? 'not read';
  const codes = [...n.report.configErrors.map(() => 'config refused'), ...n.report.findings.filter((f) => f.severity !== 'info').map((f) => f.code)];
  const infos = n.report.findings.filter((f) => f.severity === 'info').length;
  return [codes.join(', '), infos > 0 ? `${infos} info` : ''].filter(Boolean).join('; ') || '–';
}
