// The home screen's keys, in a box drawn with plain characters (reads the same without colour).
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

const KEYS = [
  ['d', 'diagnose now (then back here)'],
  ['c', 'production checklist'],
  ['r', 'staged rollout: status and next step'],
  ['h', 'history of changes: detail, undo'],
  ['u', 'undo the last change (asks y first)'],
  ['l', 'recent Falco log lines'],
  ['p', 'prove detection: fire the canary (asks first)'],
  ['↑ k  ↓ j', 'move through findings / scroll the log'],
  ['Esc  Backspace', 'go back (Esc at the top quits)'],
  ['?', 'show or hide this help'],
  ['q  Ctrl-C', 'quit'],
] as const;

export function HomeHelp({ width }: { width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width={Math.min(60, width)}>
      <Text bold>Keys</Text>
      {KEYS.map(([keys, meaning]) => (
        <Text key={keys} wrap="truncate-end">
          <Text color={theme.accent}>{keys.padEnd(16)}</Text>
          {meaning}
        </Text>
      ))}
    </Box>
  );
}
