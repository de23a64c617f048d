// Open findings of the last diagnosis, worst first, with their codes; a › marks the selection.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { sortFindings } from '../../core/findings.js';
import { severityMark } from '../diagnose/marks.js';
import { visibleWindow } from '../diagnose/state.js';
import { useTheme } from '../theme.js';
import { formatClock } from './format.js';
import type { OpenFindings } from './state.js';

interface FindingsPanelProps {
  lastDiagnosis: OpenFindings | null;
  selected: number;
  height: number;
}

export const FindingsPanel = memo(function FindingsPanel({ lastDiagnosis, selected, height }: FindingsPanelProps) {
  const theme = useTheme();
  if (lastDiagnosis === null) return <Text color={theme.muted}>No diagnosis yet: press d to run one.</Text>;
  // sortFindings wants full findings; the order only needs severity and code
  const findings = sortFindings(lastDiagnosis.findings.map((f) => ({ ...f, runbook: '', cause: '', explanation: '', evidence: [], fixes: [] })));
  const when = `${lastDiagnosis.generatedAt.slice(0, 10)} ${formatClock(lastDiagnosis.generatedAt)} UTC`;
  if (findings.length === 0)
    return (
      <Text wrap="truncate-end" color={theme.ok}>
        ✔ No open findings{' '}
        <Text color={theme.muted}>
          (last diagnosis {when}, {lastDiagnosis.target.name})
        </Text>
      </Text>
    );
  const { start, end } = visibleWindow(findings.length, selected, height);
  const codeWidth = Math.max(...findings.map((f) => f.code.length));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Open findings ({findings.length})</Text>
        <Text color={theme.muted}>
          {' '}
          last diagnosis {when}, {lastDiagnosis.target.name}
          {start > 0 ? ` · ↑ ${start} more` : ''}
          {end < findings.length ? ` · ↓ ${findings.length - end} more` : ''}
        </Text>
      </Text>
      {findings.slice(start, end).map((f, offset) => {
        const isSelected = start + offset === selected;
        const mark = severityMark(f.severity);
        return (
          <Text key={`${f.code}:${start + offset}`} wrap="truncate-end" bold={isSelected}>
            <Text color={theme.accent}>{isSelected ? '›' : ' '}</Text> <Text color={theme[mark.tone]}>{mark.symbol}</Text> {f.code.padEnd(codeWidth)}
            {'  '}
            {f.title}
          </Text>
        );
      })}
    </Box>
  );
});
