// How the transaction ended: verified with before/after figures, undone after a failed check, or an
// undo that needs the operator (with the exact steps).
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import type { FixState } from './state.js';

export function FixOutcome({ state }: { state: FixState }) {
  const theme = useTheme();
  const o = state.outcome;
  if (state.phase === 'undone') return <Text color={theme.ok}>✔ undone: files and limits are as before the change</Text>;
  if (state.phase === 'undo-failed')
    return (
      <Box flexDirection="column">
        <Text color={theme.critical}>✖ the undo could not complete. Do this by hand:</Text>
        {state.undoProblems.map((p) => (
          <Text key={p}>
            {'  - '}
            {p}
          </Text>
        ))}
      </Box>
    );
  if (!o) return state.undoProblems.length ? <Text color={theme.critical}>✖ {state.undoProblems.join('; ')}</Text> : null;
  if (o.outcome === 'reverted') return <Text color={theme.warning}>⚠ the fix failed verification and was undone: {o.failure}</Text>;
  if (o.outcome === 'rollback-incomplete')
    return (
      <Box flexDirection="column">
        <Text color={theme.critical}>✖ the fix failed ({o.failure}) and the undo could not complete. Do this by hand:</Text>
        {o.manualSteps.map((s) => (
          <Text key={s}>
            {'  - '}
            {s}
          </Text>
        ))}
      </Box>
    );
  return (
    <Box flexDirection="column">
      <Text color={theme.ok}>
        ✔ applied and verified <Text color={theme.muted}>(journal {o.entryId})</Text>
      </Text>
      <Text bold>before → after</Text>
      {o.measures.map((m) => (
        <Text key={m}>
          {'  '}
          {m}
        </Text>
      ))}
    </Box>
  );
}
