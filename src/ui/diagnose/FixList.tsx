// The fixes that apply to a finding: what each would change, not how (that is the fix plan's job).
import { Box, Text } from 'ink';
import type { FixRef } from '../../core/findings.js';
import { useTheme } from '../theme.js';

export function FixList({ fixes }: { fixes: readonly FixRef[] }) {
  const theme = useTheme();
  if (fixes.length === 0) return <Text color={theme.muted}>{'  '}no automatic fix applies</Text>;
  return (
    <Box flexDirection="column">
      {fixes.map((fix) => (
        <Box key={fix.id} flexDirection="column" paddingLeft={2}>
          <Text>
            <Text color={theme.accent}>{fix.id}</Text> {fix.title}
          </Text>
          <Text>
            {'  '}
            <Text color={theme.muted}>would change:</Text> {fix.summary}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
