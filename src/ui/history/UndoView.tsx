// The undo of one change: what it will put back and a y/n question (it changes production), then the
// rollback's steps as they run, then how it ended — by hand steps included when it could not complete.
import { Box, Text } from 'ink';
import { FixSteps } from '../fix/FixSteps.js';
import { useTheme } from '../theme.js';
import { formatWhen } from './change-view.js';
import { overlapWarning } from './detail-lines.js';
import type { UndoState } from './undo-state.js';

export function UndoView({ undo }: { undo: UndoState }) {
  const theme = useTheme();
  const c = undo.change;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Undo: {c.title}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {c.state} · {c.fixId} on {c.container} · {formatWhen(c.createdAt)}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        journal {c.id}
      </Text>
      {undo.phase === 'confirm' ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>Reverts, from the journal's copy of what was there before:</Text>
          {c.changes.map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {'  '}
              {line}
            </Text>
          ))}
          {c.files.map((f) => (
            <Text key={f} wrap="truncate-end" color={theme.muted}>
              {'  '}file {f}
            </Text>
          ))}
          {overlapWarning(c).map((l) => (
            <Text key={l.text} wrap="truncate-end" color={theme.warning}>
              {l.text}
            </Text>
          ))}
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <FixSteps steps={undo.steps} />
          <UndoOutcome undo={undo} />
        </Box>
      )}
      <Box marginTop={1}>
        <Text color={undo.phase === 'confirm' ? theme.warning : theme.muted}>{hint(undo)}</Text>
      </Box>
    </Box>
  );
}

function UndoOutcome({ undo }: { undo: UndoState }) {
  const theme = useTheme();
  if (undo.phase === 'undone') return <Text color={theme.ok}>✔ rolled back: files and limits are as before the change (journal: {undo.change.state})</Text>;
  if (undo.phase === 'undo-failed')
    return (
      <Box flexDirection="column">
        <Text color={theme.critical}>✖ the undo could not complete. Do this by hand:</Text>
        {undo.problems.map((p, i) => (
          <Text key={i}>
            {'  - '}
            {p}
          </Text>
        ))}
      </Box>
    );
  return null;
}

function hint(undo: UndoState): string {
  switch (undo.phase) {
    case 'confirm':
      return 'y: undo now (this changes the running Falco) · n, q or Esc: cancel';
    case 'undoing':
      return 'undoing… (keys wait until it is done)';
    default:
      return 'Enter, q or Esc: back';
  }
}
