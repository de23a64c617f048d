// diagnose --kube mounts before the cluster answers: what the collection is doing (the API server, the
// pods found, the shared sampling window) until the report is there, or why it failed. q quits.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { KubeDiagnosisReport } from '../../core/kube/live/nodes.js';
import { toKeyIntent } from '../keys.js';
import { useTheme } from '../theme.js';
import { KubeApp } from './KubeApp.js';
import type { KubeScreenState } from './state.js';

export type KubeLoad = (progress: (line: string) => void) => Promise<KubeDiagnosisReport>;

export interface KubeOutcome {
  state: KubeScreenState | null;
  error: Error | null;
}

export function KubeLoading({ load, onExit }: { load: KubeLoad; onExit: (o: KubeOutcome) => void }) {
  const { exit } = useApp();
  const theme = useTheme();
  const [lines, setLines] = useState<string[]>([]);
  const [report, setReport] = useState<KubeDiagnosisReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    load((l) => setLines((prev) => [...prev.slice(-5), l])).then(setReport, (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, [load]);
  useInput(
    (input, key) => {
      const intent = toKeyIntent(input, key);
      if (error || intent === 'quit' || intent === 'escape') {
        onExit({ state: null, error });
        exit();
      }
    },
    { isActive: report === null },
  );
  if (report) return <KubeApp report={report} onExit={(s) => onExit({ state: s, error: null })} />;
  return (
    <Box flexDirection="column">
      <Text bold>falco-doctor · Falco on Kubernetes</Text>
      {lines.map((l, i) => (
        <Text key={`${i}:${l}`} color={i === lines.length - 1 && !error ? undefined : theme.muted}>
          {i === lines.length - 1 && !error ? '… ' : '✔ '}
          {l}
        </Text>
      ))}
      {error ? (
        <Text color={theme.critical} wrap="wrap">
          ✖ {error.message}
        </Text>
      ) : null}
      <Text color={theme.muted}>{error ? 'any key quits' : 'q quits'}</Text>
    </Box>
  );
}
