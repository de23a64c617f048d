// `sampling 4/10 s [████░░░░░░] cpu 38.5% · mem 120.3 MiB / 512.0 MiB`: fits in 80 columns.
import { Text } from 'ink';
import { formatBytes, formatPercent, formatSeconds, progressBar } from '../format.js';
import { useTheme } from '../theme.js';
import type { SamplingProgress } from './state.js';

const BAR_WIDTH = 10;

export function SamplingLine({ progress }: { progress: SamplingProgress }) {
  const theme = useTheme();
  const { elapsedMs, windowMs, latest } = progress;
  const fraction = windowMs > 0 ? elapsedMs / windowMs : 0;
  const limit = latest.memLimitBytes > 0 ? ` / ${formatBytes(latest.memLimitBytes)}` : ' (no limit)';
  return (
    <Text>
      {'  '}sampling {formatSeconds(elapsedMs)}/{formatSeconds(windowMs)} s <Text color={theme.accent}>{progressBar(fraction, BAR_WIDTH)}</Text> cpu{' '}
      {formatPercent(latest.cpuPercent)}
      <Text color={theme.muted}> · </Text>mem {formatBytes(latest.memUsageBytes)}
      {limit}
    </Text>
  );
}
