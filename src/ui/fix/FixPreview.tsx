// What the fix will change: one line per change, warnings, then the diff of each file.
import { Box, Text } from 'ink';
import { useTheme, type Tone } from '../theme.js';
import type { FixPreviewView } from './state.js';

function diffTone(line: string): Tone | null {
  if (line.startsWith('+++') || line.startsWith('---')) return 'muted';
  if (line.startsWith('+')) return 'ok';
  if (line.startsWith('-')) return 'critical';
  if (line.startsWith('@@')) return 'accent';
  return null;
}

export function FixPreview({ preview }: { preview: FixPreviewView }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>
        {preview.title} <Text color={theme.muted}>on {preview.target}</Text>
      </Text>
      {preview.summary.map((s) => (
        <Text key={s}>
          {'  '}
          {s}
        </Text>
      ))}
      {preview.warnings.map((w) => (
        <Text key={w} color={theme.warning}>
          {'  ⚠ '}
          {w}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1}>
        {preview.diff.split('\n').map((line, i) => {
          const tone = diffTone(line);
          return (
            <Text key={i} color={tone ? theme[tone] : undefined}>
              {line}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
