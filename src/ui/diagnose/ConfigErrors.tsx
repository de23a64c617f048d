// falco.yaml errors that stop Falco from starting. They outrank every finding (a Falco that does
// not start has no CPU or drop problems to speak of), so they come first and in the critical tone.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

export function ConfigErrors({ errors }: { errors: readonly string[] }) {
  const theme = useTheme();
  if (errors.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.critical}>
        ✖ Falco will not start with this configuration ({errors.length} error{errors.length === 1 ? '' : 's'})
      </Text>
      {errors.map((error, i) => (
        // file:line messages can repeat; their position is their identity
        <Text key={i}>
          {'  '}
          {error}
        </Text>
      ))}
    </Box>
  );
}
