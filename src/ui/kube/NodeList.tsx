// The nodes of diagnose --kube, worst first: CPUs (what the ring-buffer count follows), the pod, the
// worst finding and the codes found. A › marks the selected node.
import { Box, Text } from 'ink';
import type { KubeDiagnosisReport, NodeResult } from '../../core/kube/live/nodes.js';
import { summary } from '../../report/kube-markdown.js';
import { useTheme, type Tone } from '../theme.js';

const WORST: Record<NodeResult['worst'], { symbol: string; tone: Tone }> = {
  critical: { symbol: '✖ critical', tone: 'critical' },
  unreadable: { symbol: '? unreadable', tone: 'critical' },
  warning: { symbol: '▲ warning', tone: 'warning' },
  info: { symbol: 'i info', tone: 'info' },
  clear: { symbol: '✔ clear', tone: 'ok' },
};

export function NodeList({ report, selected }: { report: KubeDiagnosisReport; selected: number }) {
  const theme = useTheme();
  const c = report.cluster;
  const nodeWidth = Math.max(4, ...report.nodes.map((n) => n.node.length));
  const podWidth = Math.max(3, ...report.nodes.map((n) => n.pod.length));
  return (
    <Box flexDirection="column">
      <Text bold>
        falco-doctor · Falco on {report.summary.nodes} node(s) of {c.context}
      </Text>
      <Text color={theme.muted}>
        {c.server} · -l {c.selector} · {c.namespace ?? 'every namespace'} · metrics API {c.metricsApi ? 'present' : 'absent'}
      </Text>
      {report.notes.map((n) => (
        <Text key={n} color={theme.warning} wrap="wrap">
          {n}
        </Text>
      ))}
      <Text> </Text>
      <Text color={theme.muted}>
        {'  '}
        {'node'.padEnd(nodeWidth)} CPUs {'pod'.padEnd(podWidth)} {'worst'.padEnd(12)} findings
      </Text>
      {report.nodes.map((n, i) => {
        const w = WORST[n.worst];
        return (
          <Text key={n.node} bold={i === selected} wrap="truncate-end">
            <Text color={theme.accent}>{i === selected ? '›' : ' '}</Text> {n.node.padEnd(nodeWidth)} {String(n.cpus ?? '?').padStart(4)}{' '}
            {n.pod.padEnd(podWidth)} <Text color={theme[w.tone]}>{w.symbol.padEnd(12)}</Text> {summary(n)}
          </Text>
        );
      })}
      <Text> </Text>
      <Text color={theme.muted}>↑/↓ or j/k move · Enter the node's findings · q quit</Text>
    </Box>
  );
}
