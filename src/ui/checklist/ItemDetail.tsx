// One item: the evidence, the fixes that would make it pass, and the operator's confirmation if any.
import { Box, Text } from 'ink';
import type { ItemResult } from '../../core/checklist/results.js';
import { useTheme } from '../theme.js';
import { itemMark } from './marks.js';

export function ItemDetail({ item }: { item: ItemResult }) {
  const theme = useTheme();
  const mark = itemMark(item.status);
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color={theme[mark.tone]}>
          {mark.symbol} {item.status}
        </Text>{' '}
        {item.title} <Text color={theme.muted}>(automatic check: {item.automatic})</Text>
      </Text>
      <Text bold>Evidence</Text>
      {item.evidence.map((e, i) => (
        <Text key={i} wrap="wrap">
          {'  '}
          {e.label}: {e.observed}
          {e.expected ? <Text color={theme.muted}> (expected {e.expected})</Text> : null}
          <Text color={theme.muted}> — {e.source}</Text>
        </Text>
      ))}
      {item.fixes.length > 0 ? <Text bold>Fixes that would make it pass</Text> : null}
      {item.fixes.map((f) => (
        <Text key={f.id} wrap="wrap">
          {'  '}falco-doctor fix {f.id} — {f.title}
          {f.summary ? <Text color={theme.muted}>: {f.summary}</Text> : null}
        </Text>
      ))}
      {item.remedy ? <Text wrap="wrap">Remedy: {item.remedy}</Text> : null}
      {item.confirmation ? (
        <Text color={theme.ok} wrap="wrap">
          Confirmed by {item.confirmation.by} at {item.confirmation.at}: {item.confirmation.note}
        </Text>
      ) : item.confirm ? (
        <Text color={theme.muted} wrap="wrap">
          Press c to confirm: {item.confirm}
        </Text>
      ) : null}
    </Box>
  );
}
