// Who was diagnosed and over which window. The lab note is loud on purpose: findings about the
// stand-in say nothing about a real Falco.
import { Box, Text } from 'ink';
import type { DiagnosisReport } from '../../core/report.js';
import { formatTimeRange } from '../format.js';
import { useTheme } from '../theme.js';

export function Header({ report }: { report: DiagnosisReport }) {
  const theme = useTheme();
  const { target, window } = report;
  const version = target.falcoVersion === null ? 'Falco version unknown' : `Falco ${target.falcoVersion}`;
  const measured = report.source === 'live' ? 'measured live' : 'evaluated from a saved bundle';
  return (
    <Box flexDirection="column">
      <Text>
        target{' '}
        <Text bold color={theme.accent}>
          {target.name}
        </Text>{' '}
        <Text color={theme.muted}>({target.image})</Text>
      </Text>
      <Text>
        {'  '}
        {version} <Text color={theme.muted}>(from {target.versionSource})</Text> · engine {target.engineKind ?? 'unknown'}
      </Text>
      {target.configPath === null ? null : (
        <Text>
          {'  '}config {target.configPath} <Text color={theme.muted}>({target.configSource})</Text>
        </Text>
      )}
      <Text>
        {'  '}window {window.seconds} s, {measured} <Text color={theme.muted}>({formatTimeRange(window.start, window.end)})</Text>
      </Text>
      {window.observer ? (
        // what watching cost: the doctor must not become the load it diagnoses
        <Text color={theme.muted}>
          {'  '}falco-doctor itself: {window.observer.cpuPercentOfOneCore} % of a core while sampling ({window.observer.via})
        </Text>
      ) : null}
      {report.origin === 'lab' ? (
        <Text bold color={theme.warning}>
          {'  '}⚠ target is the falco-doctor lab&apos;s Falco STAND-IN, not Falco
        </Text>
      ) : null}
    </Box>
  );
}
