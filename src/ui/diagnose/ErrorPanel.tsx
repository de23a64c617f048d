// The diagnosis stopped with an error: say what (on one line: no stack, no dumps), say what to
// try, and wait for q.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import type { StreamFailure } from './state.js';

export function ErrorPanel({ failure }: { failure: StreamFailure }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.critical}>✖ diagnosis failed: {failure.message.replace(/\s*\n\s*/g, ' ')}</Text>
      {failure.hint === null ? null : (
        <Text>
          <Text color={theme.muted}>hint:</Text> {failure.hint}
        </Text>
      )}
      <Text color={theme.muted}>press q to quit</Text>
    </Box>
  );
}
