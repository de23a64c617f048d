// One finding in full: why we think so (evidence, with where each value came from) and what
// could be done about it (the fixes that apply).
import { Box, Text } from 'ink';
import type { Finding } from '../../core/findings.js';
import { useTheme } from '../theme.js';
import { EvidenceTable } from './EvidenceTable.js';
import { FixList } from './FixList.js';
import { severityMark } from './marks.js';

export function FindingDetail({ finding }: { finding: Finding }) {
  const theme = useTheme();
  const mark = severityMark(finding.severity);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={theme[mark.tone]}>
          {mark.symbol.trimEnd()}
        </Text>{' '}
        <Text bold>{finding.code}</Text> <Text color={theme.muted}>(runbook {finding.runbook})</Text>
      </Text>
      <Text bold>{finding.title}</Text>
      <Text>
        <Text color={theme.muted}>cause:</Text> {finding.cause}
      </Text>
      <Box marginTop={1}>
        <Text>{finding.explanation}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Evidence</Text>
        <EvidenceTable evidence={finding.evidence} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Fixes</Text>
        <FixList fixes={finding.fixes} />
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>Esc/Backspace/Enter back · f apply its fix · ? help · q quit</Text>
      </Box>
    </Box>
  );
}
