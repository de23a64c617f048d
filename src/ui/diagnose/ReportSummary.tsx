// The part of a finished report that never changes: printed once, into <Static>, above the
// interactive list, so the live region stays small enough for an 80×24 terminal.
import { Box, Text } from 'ink';
import type { DiagnosisReport } from '../../core/report.js';
import { ConfigErrors } from './ConfigErrors.js';
import { Header } from './Header.js';
import { RunbookList } from './RunbookList.js';

export function ReportSummary({ report }: { report: DiagnosisReport }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Header report={report} />
      {report.configErrors.length === 0 ? null : (
        <Box marginTop={1}>
          <ConfigErrors errors={report.configErrors} />
        </Box>
      )}
      <Box marginTop={1}>
        <RunbookList runbooks={report.runbooks} />
      </Box>
      {report.notes.length === 0 ? null : (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Notes</Text>
          {report.notes.map((note, i) => (
            // notes have no identity beyond their position, and never reorder
            <Text key={i}>
              {'  '}• {note}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
