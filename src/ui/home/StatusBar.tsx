// The keys, and what the doctor itself costs: an always-on tool on a latency-sensitive host must
// show that it is cheap.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SelfUsage } from '../../core/monitor/types.js';
import { formatBytes, formatPercent } from '../format.js';
import { useTheme } from '../theme.js';

interface StatusBarProps {
  self: SelfUsage | null;
  notice: string | null;
}

export const StatusBar = memo(function StatusBar({ self, notice }: StatusBarProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {notice === null ? null : (
        <Text wrap="truncate-end" color={theme.warning}>
          {notice}
        </Text>
      )}
      <Text wrap="truncate-end">d diagnose · c checklist · r rollout · h history · l log · ? help · q quit</Text>
      <Text wrap="truncate-end" color={theme.muted}>
        doctor {self === null ? 'measuring…' : `${formatPercent(self.cpuPercent)} CPU · ${formatBytes(self.rssBytes)} RSS`}
      </Text>
    </Box>
  );
});
