// Evidence as a four-column table. Columns take shares of the width and wrap inside themselves,
// so a long source (a log line, a file:line) stays readable at 80 columns instead of being cut.
import { Box, Text } from 'ink';
import type { Evidence } from '../../core/findings.js';
import { useTheme } from '../theme.js';

const COLUMNS = [
  { title: 'label', width: '30%', cell: (e: Evidence) => e.label },
  { title: 'observed', width: '20%', cell: (e: Evidence) => e.observed },
  { title: 'expected', width: '20%', cell: (e: Evidence) => e.expected ?? '—' },
  { title: 'source', width: '30%', cell: (e: Evidence) => e.source },
] as const;

export function EvidenceTable({ evidence }: { evidence: readonly Evidence[] }) {
  const theme = useTheme();
  if (evidence.length === 0) return <Text color={theme.muted}>{'  '}no evidence recorded</Text>;
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Box>
        {COLUMNS.map((column) => (
          <Box key={column.title} width={column.width} paddingRight={1}>
            <Text bold color={theme.muted}>
              {column.title}
            </Text>
          </Box>
        ))}
      </Box>
      {evidence.map((row, i) => (
        // evidence rows can share a fact id (one per sample); the position is their identity
        <Box key={`${row.fact}:${i}`}>
          {COLUMNS.map((column) => (
            <Box key={column.title} width={column.width} paddingRight={1}>
              <Text>{column.cell(row)}</Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
