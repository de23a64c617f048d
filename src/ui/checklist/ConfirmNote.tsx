// The note an operator gives when confirming an item by hand; Enter saves, Esc cancels.
import { Box, Text } from 'ink';
import { TextInput } from '@inkjs/ui';
import type { ItemResult } from '../../core/checklist/results.js';
import { useTheme } from '../theme.js';

export function ConfirmNote({ item, saving, onSubmit }: { item: ItemResult; saving: boolean; onSubmit: (note: string) => void }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>Confirm: {item.title}</Text>
      <Text wrap="wrap">{item.confirm}</Text>
      <Box>
        <Text color={theme.accent}>Note › </Text>
        <TextInput isDisabled={saving} placeholder="what, where, when" onSubmit={(v) => v.trim() && onSubmit(v.trim())} />
      </Box>
      <Text color={theme.muted}>{saving ? 'saving…' : 'Enter save · Esc cancel'}</Text>
    </Box>
  );
}
