// One line per runbook: whether it found a problem, and which finding codes it produced.
import { Box, Text } from 'ink';
import type { RunbookResult } from '../../core/report.js';
import { useTheme } from '../theme.js';
import { runbookMark } from './marks.js';

export function RunbookList({ runbooks }: { runbooks: readonly RunbookResult[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>Runbooks</Text>
      {runbooks.length === 0 ? <Text color={theme.muted}>{'  '}none ran</Text> : null}
      {runbooks.map((runbook) => {
        const mark = runbookMark(runbook.status);
        return (
          <Text key={runbook.id}>
            {'  '}
            <Text color={theme[mark.tone]}>{mark.symbol}</Text> {runbook.title}
            {runbook.findings.length === 0 ? null : <Text color={theme.muted}> ({runbook.findings.join(', ')})</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
