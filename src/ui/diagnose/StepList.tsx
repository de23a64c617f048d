// Step lines: finished ones (printed once into <Static>) and the ones still running, with a spinner.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { stepMark } from './marks.js';
import { SamplingLine } from './SamplingLine.js';
import type { FinishedStep, RunningStep, SamplingProgress } from './state.js';

export function FinishedStepLine({ step }: { step: FinishedStep }) {
  const theme = useTheme();
  const mark = stepMark(step.status);
  return (
    <Text>
      <Text color={theme[mark.tone]}>{mark.symbol}</Text> {step.title}
      {step.detail === '' ? null : <Text color={theme.muted}> — {step.detail}</Text>}
    </Text>
  );
}

interface RunningStepsProps {
  steps: readonly RunningStep[];
  sampling: SamplingProgress | null;
  spinnerFrame: string;
}

export function RunningSteps({ steps, sampling, spinnerFrame }: RunningStepsProps) {
  const theme = useTheme();
  // progress belongs under the step that is sampling; if that step is unknown, under the last one
  const samplingOwner = steps.some((s) => s.id === sampling?.stepId) ? sampling?.stepId : steps.at(-1)?.id;
  return (
    <Box flexDirection="column">
      {steps.map((step) => (
        <Box key={step.id} flexDirection="column">
          <Text>
            <Text color={theme.accent}>{spinnerFrame}</Text> {step.title}
          </Text>
          {sampling !== null && step.id === samplingOwner ? <SamplingLine progress={sampling} /> : null}
        </Box>
      ))}
      {steps.length === 0 && sampling !== null ? <SamplingLine progress={sampling} /> : null}
    </Box>
  );
}
