// The whole diagnose screen as a function of state. Finished steps and, at the end, the report
// summary go to <Static>: printed once, then out of the redraw loop. Only the live region below
// (running steps, or the findings) is redrawn.
import { Box, Static, Text } from 'ink';
import type { DiagnosisReport } from '../../core/report.js';
import { assertNever } from '../../core/findings.js';
import { useTheme } from '../theme.js';
import { ErrorPanel } from './ErrorPanel.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ReportSummary } from './ReportSummary.js';
import { ResultsView } from './ResultsView.js';
import type { DiagnoseState, FinishedStep } from './state.js';
import { FinishedStepLine, RunningSteps } from './StepList.js';

type StaticItem = { kind: 'step'; step: FinishedStep } | { kind: 'summary'; report: DiagnosisReport };

interface ScreenProps {
  state: DiagnoseState;
  spinnerFrame: string;
  /** the terminal's height (undefined: not a terminal, nothing is windowed) */
  rows?: number;
  onDetailMeasured?: (maxScroll: number) => void;
}

export function DiagnoseScreen({ state, spinnerFrame, rows, onDetailMeasured }: ScreenProps) {
  // append-only: <Static> remembers how many items it printed, not which
  const staticItems: StaticItem[] = state.finished.map((step) => ({ kind: 'step', step }));
  if (state.phase.kind === 'done') staticItems.push({ kind: 'summary', report: state.phase.report });
  return (
    <>
      <Static items={staticItems}>
        {(item) =>
          item.kind === 'step' ? <FinishedStepLine key={`step:${item.step.id}`} step={item.step} /> : <ReportSummary key="summary" report={item.report} />
        }
      </Static>
      <LiveRegion state={state} spinnerFrame={spinnerFrame} rows={rows} onDetailMeasured={onDetailMeasured} />
    </>
  );
}

function LiveRegion({ state, spinnerFrame, rows, onDetailMeasured }: ScreenProps) {
  const theme = useTheme();
  const { phase } = state;
  switch (phase.kind) {
    case 'running':
      return (
        <Box flexDirection="column">
          <RunningSteps steps={state.running} sampling={state.sampling} spinnerFrame={spinnerFrame} />
          {state.helpOpen ? <HelpOverlay /> : null}
          <Text color={theme.muted}>{state.findingsSoFar === 0 ? '' : `${state.findingsSoFar} finding(s) so far · `}? help · q quit</Text>
        </Box>
      );
    case 'failed':
      return (
        <Box flexDirection="column">
          <ErrorPanel failure={phase.failure} />
          {state.helpOpen ? <HelpOverlay /> : null}
        </Box>
      );
    case 'done':
      return (
        <Box marginTop={1}>
          <ResultsView
            findings={phase.findings}
            selected={state.selected}
            view={state.view}
            helpOpen={state.helpOpen}
            runbookCount={phase.report.runbooks.length}
            configErrorCount={phase.report.configErrors.length}
            // the margin above, and one line spare: a live region as tall as the terminal makes Ink
            // clear the screen on every frame
            detailRows={rows === undefined ? undefined : rows - 2}
            detailScroll={state.detailScroll}
            onDetailMeasured={onDetailMeasured}
          />
        </Box>
      );
    default:
      return assertNever(phase);
  }
}
