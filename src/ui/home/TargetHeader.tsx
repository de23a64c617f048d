// Who is watched: container, image, Falco version, engine and buffer preset, limits. The lab note is
// loud for the same reason as in diagnose (numbers from the stand-in say nothing about a real Falco),
// and short enough to fit 80 columns beside the lab's names.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { TargetHeader as Header } from '../../core/monitor/types.js';
import { formatBytes } from '../format.js';
import { useTheme } from '../theme.js';
import { formatCores } from './format.js';

export const TargetHeader = memo(function TargetHeader({ header }: { header: Header | null }) {
  const theme = useTheme();
  if (header === null) return <Text color={theme.muted}>falco-doctor · looking for the Falco container…</Text>;
  const version = header.falcoVersion === null ? 'version unknown' : `Falco ${header.falcoVersion}`;
  const engine = header.engineKind === null ? 'engine unknown' : header.engineKind;
  const preset = header.bufferPreset === null ? '' : ` preset ${header.bufferPreset}`;
  const rings = header.ringBufferBytes === null ? '' : ` (rings ${formatBytes(header.ringBufferBytes)})`;
  const cpu = header.cpuLimitCores === null ? 'no CPU limit' : formatCores(header.cpuLimitCores);
  const mem = header.memLimitBytes === null ? 'no memory limit' : formatBytes(header.memLimitBytes);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          {header.name}
        </Text>{' '}
        <Text color={theme.muted}>{header.image}</Text>
        {header.lab ? (
          <Text bold color={theme.warning}>
            {' '}
            ⚠ lab STAND-IN
          </Text>
        ) : null}
      </Text>
      <Text wrap="truncate-end">
        {version} · {engine}
        {preset}
        {rings} · limits {cpu}, {mem}
      </Text>
    </Box>
  );
});
