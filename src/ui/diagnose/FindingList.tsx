// Findings, worst first, with a › marker on the selected one (the marker, not colour, shows the
// selection). Long lists scroll in a window so the screen keeps fitting the terminal.
import { Box, Text } from 'ink';
import type { Finding } from '../../core/findings.js';
import { useTheme } from '../theme.js';
import { severityMark } from './marks.js';
import { visibleWindow } from './state.js';

interface FindingListProps {
  findings: readonly Finding[];
  selected: number;
  /** how many runbooks ran: the "no problems" line says how much was checked */
  runbookCount: number;
  /** config errors stop Falco: with any, "no problems" would be false */
  configErrorCount?: number;
  /** rows of findings shown at once */
  height?: number;
}

export function FindingList({ findings, selected, runbookCount, configErrorCount = 0, height = 8 }: FindingListProps) {
  const theme = useTheme();
  if (findings.length === 0) return <NoFindings runbookCount={runbookCount} configErrorCount={configErrorCount} />;
  const { start, end } = visibleWindow(findings.length, selected, height);
  const codeWidth = Math.max(...findings.map((f) => f.code.length));
  return (
    <Box flexDirection="column">
      <Text bold>Findings ({findings.length})</Text>
      {start > 0 ? (
        <Text color={theme.muted}>
          {'  '}↑ {start} more
        </Text>
      ) : null}
      {findings.slice(start, end).map((finding, offset) => {
        const isSelected = start + offset === selected;
        const mark = severityMark(finding.severity);
        return (
          <Text key={`${finding.code}:${start + offset}`} wrap="truncate-end" bold={isSelected}>
            <Text color={theme.accent}>{isSelected ? '›' : ' '}</Text> <Text color={theme[mark.tone]}>{mark.symbol}</Text> {finding.code.padEnd(codeWidth)}
            {'  '}
            {finding.title}
          </Text>
        );
      })}
      {end < findings.length ? (
        <Text color={theme.muted}>
          {'  '}↓ {findings.length - end} more
        </Text>
      ) : null}
      <Text color={theme.muted}>↑/↓ or j/k move · Enter details · f/e/w fix · ? help · q quit</Text>
    </Box>
  );
}

function NoFindings({ runbookCount, configErrorCount }: { runbookCount: number; configErrorCount: number }) {
  const theme = useTheme();
  const clear = runbookCount === 0 ? '' : ` — ${runbookCount === 1 ? 'the runbook is' : `all ${runbookCount} runbooks are`} clear`;
  return (
    <Box flexDirection="column">
      {configErrorCount === 0 ? (
        <Text bold color={theme.ok}>
          ✔ No problems found{clear}
        </Text>
      ) : (
        <Text bold color={theme.critical}>
          ✖ No runbook findings, but Falco will not start: see the config errors above
        </Text>
      )}
      <Text color={theme.muted}>? help · q quit</Text>
    </Box>
  );
}
