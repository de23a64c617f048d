// The newest change in the journal, in one line: its state and when first (they decide whether `u`
// applies), then the key, then the title, which is what truncates on a narrow terminal.
import { Text } from 'ink';
import { memo } from 'react';
import { formatShortWhen, stateMark, type ChangeView } from '../history/change-view.js';
import { useTheme } from '../theme.js';
import { LABEL_WIDTH } from './layout.js';

export const LastChange = memo(function LastChange({ change }: { change: ChangeView }) {
  const theme = useTheme();
  const mark = stateMark(change.state);
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        {'Change'.padEnd(LABEL_WIDTH)}
      </Text>
      <Text color={theme[mark.tone]}>{mark.symbol}</Text> {change.state} {formatShortWhen(change.createdAt)}
      <Text color={theme.muted}>{change.undoable ? ' · u undo · ' : ' · '}</Text>
      {change.title}
    </Text>
  );
});
