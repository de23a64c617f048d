// diagnose --kube on a terminal: the node list; Enter opens a node's findings (the same list and detail
// views as for one container), Esc goes back. Wiring only: the reducer is ./state.ts.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useReducer } from 'react';
import type { KubeDiagnosisReport } from '../../core/kube/live/nodes.js';
import { toKeyIntent, type KeyIntent } from '../keys.js';
import { FindingDetail } from '../diagnose/FindingDetail.js';
import { FindingList } from '../diagnose/FindingList.js';
import { useTheme } from '../theme.js';
import { NodeList } from './NodeList.js';
import { initialKubeState, kubeReducer, type KubeScreenState } from './state.js';

export function KubeApp({ report, onExit }: { report: KubeDiagnosisReport; onExit: (s: KubeScreenState) => void }) {
  const { exit } = useApp();
  const theme = useTheme();
  const counts = { nodes: report.nodes.length, findings: (i: number) => report.nodes[i]?.report?.findings.length ?? 0 };
  const [s, dispatch] = useReducer((st: KubeScreenState, k: KeyIntent) => kubeReducer(st, k, counts), initialKubeState);
  useInput((input, key) => {
    const intent = toKeyIntent(input, key);
    if (intent) dispatch(intent);
  });
  useEffect(() => {
    if (!s.quit) return;
    onExit(s);
    exit();
  }, [s, exit, onExit]);
  const node = report.nodes[s.node];
  if (s.view === 'nodes' || !node) return <NodeList report={report} selected={s.node} />;
  const r = node.report;
  const finding = r?.findings[s.finding];
  return (
    <Box flexDirection="column">
      <Text bold>
        node {node.node} · {node.namespace}/{node.pod} · {node.cpus ?? '?'} CPUs
      </Text>
      {r ? (
        <Text color={theme.muted}>
          Falco {r.target.falcoVersion ?? 'unknown'} · engine {r.target.engineKind ?? 'unknown'} · config {r.target.configPath ?? 'not read'} (
          {r.target.configSource})
        </Text>
      ) : (
        <Text color={theme.critical}>Not read: {node.error}</Text>
      )}
      <Text> </Text>
      {r && s.view === 'detail' && finding ? (
        <FindingDetail finding={finding} />
      ) : r ? (
        <FindingList findings={r.findings} selected={s.finding} runbookCount={r.runbooks.length} configErrorCount={r.configErrors.length} />
      ) : null}
      <Text color={theme.muted}>Esc back to the nodes · f fixes the open finding, or all of them (e criticals, w warnings): each previewed, y applies</Text>
    </Box>
  );
}
