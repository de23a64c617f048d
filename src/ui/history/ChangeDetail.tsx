// One entry in full, scrolled with ↑/↓ when it is taller than the terminal.
import { Box, Text } from 'ink';
import { wrapLines } from '../home/wrap.js';
import { useTheme } from '../theme.js';
import type { ChangeView } from './change-view.js';
import { detailLines } from './detail-lines.js';

export function ChangeDetail({ change, offset, height, width }: { change: ChangeView; offset: number; height: number; width: number }) {
  const theme = useTheme();
  const lines = wrapLines(detailLines(change), width);
  const start = Math.min(offset, Math.max(0, lines.length - height));
  const shown = lines.slice(start, start + height);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        <Text key={start + i} wrap="truncate-end" bold={l.bold ?? false} {...(l.tone ? { color: theme[l.tone] } : {})}>
          {l.text}
        </Text>
      ))}
      {start + height < lines.length ? <Text color={theme.muted}>↓ {lines.length - start - height} more lines</Text> : null}
    </Box>
  );
}
