// The journal, newest first: when, state, title; › marks the selection, whose id (the one
// `falco-doctor rollback ID` takes) is printed under the list.
import { Box, Text } from 'ink';
import { visibleWindow } from '../diagnose/state.js';
import { useTheme } from '../theme.js';
import { formatWhen, stateMark, type ChangeView } from './change-view.js';

const STATE_WIDTH = 'rollback-incomplete'.length;

export function ChangeList({ changes, selected, height }: { changes: readonly ChangeView[]; selected: number; height: number }) {
  const theme = useTheme();
  if (changes.length === 0) return <Text color={theme.muted}>No changes recorded: fixes and rollout steps are journaled here.</Text>;
  const { start, end } = visibleWindow(changes.length, selected, height);
  const current = changes[selected];
  return (
    <Box flexDirection="column">
      {changes.slice(start, end).map((c, offset) => {
        const isSelected = start + offset === selected;
        const mark = stateMark(c.state);
        return (
          <Text key={c.id} wrap="truncate-end" bold={isSelected}>
            <Text color={theme.accent}>{isSelected ? '›' : ' '}</Text> {formatWhen(c.createdAt)} <Text color={theme[mark.tone]}>{mark.symbol}</Text>{' '}
            {c.state.padEnd(STATE_WIDTH)} {c.title}
          </Text>
        );
      })}
      <Text wrap="truncate-end" color={theme.muted}>
        {start > 0 ? `↑ ${start} more · ` : ''}
        {end < changes.length ? `↓ ${changes.length - end} more · ` : ''}
        id {current?.id ?? '–'}
      </Text>
    </Box>
  );
}
