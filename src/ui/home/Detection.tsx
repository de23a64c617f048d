// Whether Falco was last proven to detect (the canary's proof, core/canary/proof.ts), in one line with
// the key that proves it again. Not detected is an error colour: Falco may be blind.
import { Text } from 'ink';
import { memo } from 'react';
import type { ProofView } from '../../core/canary/proof.js';
import { useTheme } from '../theme.js';
import { LABEL_WIDTH } from './layout.js';

export const Detection = memo(function Detection({ proof }: { proof: ProofView }) {
  const theme = useTheme();
  const tone = proof.detected === true ? theme.ok : proof.detected === false ? theme.critical : theme.warning;
  const mark = proof.detected === true ? '✔' : proof.detected === false ? '✖' : '?';
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        {'Detection'.padEnd(LABEL_WIDTH)}
      </Text>{' '}
      <Text color={tone}>{mark}</Text> {proof.line}
      <Text color={theme.muted}> · p prove again</Text>
    </Text>
  );
});
