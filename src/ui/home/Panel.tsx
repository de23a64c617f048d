// One labelled panel: a fixed-width label column, then lines that never wrap (a wrapped line would
// push the screen past 24 rows). Stale panels (target gone) are dimmed; their text says so too.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../theme.js';
import { LABEL_WIDTH } from './layout.js';

export function Panel({ label, width, stale, children }: { label: string; width: number; stale: boolean; children: ReactNode }) {
  const theme = useTheme();
  return (
    <Box width={width}>
      <Box width={LABEL_WIDTH} flexShrink={0}>
        <Text bold color={stale ? theme.muted : theme.accent}>
          {label}
        </Text>
      </Box>
      <Box flexDirection="column" width={width - LABEL_WIDTH}>
        {children}
      </Box>
    </Box>
  );
}

export function Line({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(muted ? { color: theme.muted } : {})}>
      {children}
    </Text>
  );
}

/** A sparkline with the span it covers, so a reader knows what the bars mean. */
export function SparkLine({ spark, note }: { spark: string; note: string }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {spark}
      <Text color={theme.muted}>{note}</Text>
    </Text>
  );
}
