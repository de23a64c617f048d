// Wiring only: reducer + event driver + input + spinner clock, and the one place the app ends.
import { useApp, useStdin, useStdout } from 'ink';
import { useCallback, useEffect, useReducer } from 'react';
import type { DiagnoseEvent } from '../../core/events.js';
import { DiagnoseScreen } from './DiagnoseScreen.js';
import { diagnoseReducer, initialDiagnoseState } from './state.js';
import { useDiagnoseInput } from './use-diagnose-input.js';
import { useDiagnoseStream, type DiagnoseOutcome } from './use-diagnose-stream.js';
import { useSpinnerFrame } from './use-spinner-frame.js';

interface DiagnoseAppProps {
  events: AsyncIterable<DiagnoseEvent>;
  /** called once, just before the app exits, with what the caller should get back */
  onExit: (outcome: DiagnoseOutcome) => void;
}

export function DiagnoseApp({ events, onExit }: DiagnoseAppProps) {
  const [state, dispatch] = useReducer(diagnoseReducer, initialDiagnoseState);
  const outcome = useDiagnoseStream(events, dispatch);
  // Without a TTY nobody can press q (and Ink cannot enter raw mode): show the end and leave.
  const { isRawModeSupported } = useStdin();
  useDiagnoseInput(dispatch, isRawModeSupported);
  const spinnerFrame = useSpinnerFrame(state.phase.kind === 'running');
  const { exit } = useApp();
  const { stdout } = useStdout();
  const onDetailMeasured = useCallback((maxScroll: number) => dispatch({ type: 'detail-measured', maxScroll }), []);

  const shouldExit = state.quitRequested || (!isRawModeSupported && state.phase.kind !== 'running');
  useEffect(() => {
    if (!shouldExit) return;
    onExit(state.fixIds.length > 0 ? { ...outcome.current, fixIds: state.fixIds } : outcome.current);
    exit();
  }, [shouldExit, onExit, outcome, exit, state.fixIds]);

  return <DiagnoseScreen state={state} spinnerFrame={spinnerFrame} rows={stdout.isTTY ? stdout.rows : undefined} onDetailMeasured={onDetailMeasured} />;
}
