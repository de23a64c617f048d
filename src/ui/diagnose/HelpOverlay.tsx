// The keys, in a box. Drawn with plain box characters so it reads the same without colour.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

const KEYS = [
  ['↑ k  ↓ j', 'move through the findings; scroll an open one'],
  ['Enter', 'open the selected finding / go back'],
  ['Esc  Backspace', 'go back (Esc at the top level quits)'],
  ['f', 'fix the open finding, or all of them'],
  ['e  w', 'fix the critical / warning findings'],
  ['?', 'show or hide this help'],
  ['q  Ctrl-C', 'quit'],
] as const;

export function HelpOverlay() {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width={60}>
      <Text bold>Keys</Text>
      {KEYS.map(([keys, meaning]) => (
        <Text key={keys}>
          <Text color={theme.accent}>{keys.padEnd(16)}</Text>
          {meaning}
        </Text>
      ))}
      <Text color={theme.muted}>? or Esc closes this help</Text>
    </Box>
  );
}
