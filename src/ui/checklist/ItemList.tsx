// The items with their status; a › marks the selected one.
import { Box, Text } from 'ink';
import type { ItemResult } from '../../core/checklist/results.js';
import { useTheme } from '../theme.js';
import { itemMark } from './marks.js';

export function ItemList({ results, selected }: { results: readonly ItemResult[]; selected: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {results.map((r, i) => {
        const mark = itemMark(r.status);
        return (
          <Text key={r.id} wrap="truncate-end" bold={i === selected}>
            <Text color={theme.accent}>{i === selected ? '›' : ' '}</Text>{' '}
            <Text color={theme[mark.tone]}>
              {mark.symbol} {r.status.padEnd(9)}
            </Text>{' '}
            {r.title}
          </Text>
        );
      })}
    </Box>
  );
}
