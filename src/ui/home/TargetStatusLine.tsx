// The target's state in words, first on the screen after the header: when Falco is gone or Docker
// is down, the panels below hold the last values seen, and this line says so.
import { Text } from 'ink';
import { memo } from 'react';
import { assertNever } from '../../core/findings.js';
import type { TargetStatus } from '../../core/monitor/types.js';
import { useTheme } from '../theme.js';
import { formatClock } from './format.js';

interface TargetStatusLineProps {
  status: TargetStatus;
  updatedAt: number;
  intervalMs: number;
}

export const TargetStatusLine = memo(function TargetStatusLine({ status, updatedAt, intervalMs }: TargetStatusLineProps) {
  const theme = useTheme();
  const every = `${Math.round(intervalMs / 100) / 10} s`;
  switch (status.state) {
    case 'ok':
      return (
        <Text wrap="truncate-end" color={theme.ok}>
          ● watching: {status.detail}
          <Text color={theme.muted}>{updatedAt > 0 ? ` · updated ${formatClock(updatedAt)} UTC, every ${every}` : ''}</Text>
        </Text>
      );
    case 'gone':
      return (
        <Text wrap="truncate-end" bold color={theme.critical}>
          ✖ TARGET GONE: {status.detail} · last values below · waiting for it to return
        </Text>
      );
    case 'docker-down':
      return (
        <Text wrap="truncate-end" bold color={theme.critical}>
          ✖ DOCKER DOWN: {status.detail} · retrying every {every}
        </Text>
      );
    case 'restarting':
      return (
        <Text wrap="truncate-end" bold color={theme.warning}>
          ⚠ RESTARTING: {status.detail}
        </Text>
      );
    default:
      return assertNever(status.state);
  }
});
