// Transaction steps as they run: a mark per finished step, an ellipsis for the running one.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { stepMark } from '../diagnose/marks.js';
import type { StepLine } from './state.js';

export function FixSteps({ steps }: { steps: readonly StepLine[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {steps.map((s) => {
        const mark = s.status === 'running' ? { symbol: '…', tone: 'accent' as const } : stepMark(s.status);
        return (
          <Text key={s.id}>
            <Text color={theme[mark.tone]}>{mark.symbol}</Text> {s.title}
            {s.detail ? <Text color={theme.muted}> — {s.detail}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
