// Recent Falco log lines, newest at the bottom. Lines were sanitised when they entered the state;
// here they are only cut to the terminal's width.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { LogLine } from '../../core/snapshot.js';
import { useTheme } from '../theme.js';
import { formatClock } from './format.js';

interface LogViewProps {
  lines: readonly LogLine[];
  /** lines scrolled back from the newest */
  offset: number;
  height: number;
}

export const LogView = memo(function LogView({ lines, offset, height }: LogViewProps) {
  const theme = useTheme();
  const end = Math.max(0, lines.length - offset);
  const shown = lines.slice(Math.max(0, end - height), end);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Falco log</Text>
        <Text color={theme.muted}> {lines.length === 0 ? 'no lines yet' : `${end} of ${lines.length} recent lines`} · ↑/↓ scroll · l or Esc back</Text>
      </Text>
      {shown.map((line, i) => (
        <Text key={`${end - shown.length + i}`} wrap="truncate-end">
          <Text color={theme.muted}>{formatClock(line.t)}</Text> {line.text}
        </Text>
      ))}
    </Box>
  );
});
