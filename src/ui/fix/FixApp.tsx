// The fix flow: preview → y/Enter → progress → before/after → u to undo. Apply and undo are passed in
// (the command runs them); this component only starts them when the state says so.
import { Box, Text, useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import { useTheme } from '../theme.js';
import { fixReducer, initialFixState, type FixAction, type FixOutcomeView, type FixPreviewView, type FixState } from './state.js';
import type { FixEvent } from '../../core/fix/events.js';
import { FixPreview } from './FixPreview.js';
import { FixSteps } from './FixSteps.js';
import { FixOutcome } from './FixOutcome.js';
import { useFixInput } from './use-fix-input.js';

export interface FixActions {
  apply: (emit: (e: FixEvent) => void) => Promise<FixOutcomeView>;
  undo: (emit: (e: FixEvent) => void) => Promise<{ ok: boolean; problems: string[] }>;
}

export function FixApp({ preview, actions, onExit }: { preview: FixPreviewView; actions: FixActions; onExit: (s: FixState) => void }) {
  const [state, dispatch] = useReducer(fixReducer, preview, initialFixState);
  const theme = useTheme();
  const app = useApp();
  useFixInput(dispatch);
  useEffect(
    () => run(state.phase === 'applying', () => actions.apply(emit(dispatch)).then((outcome) => dispatch({ type: 'applied', outcome }))),
    [state.phase === 'applying'],
  );
  useEffect(
    () => run(state.phase === 'undoing', () => actions.undo(emit(dispatch)).then((r) => dispatch({ type: 'undone', ...r }))),
    [state.phase === 'undoing'],
  );
  useEffect(() => {
    if (!state.quitRequested) return;
    onExit(state);
    app.exit();
  }, [state.quitRequested]);

  function run(when: boolean, fn: () => Promise<void>) {
    if (when) fn().catch((e: unknown) => dispatch({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
  }

  return (
    <Box flexDirection="column">
      {state.phase === 'preview' ? (
        <FixPreview preview={state.preview} />
      ) : (
        <Text bold>
          {state.preview.title} <Text color={theme.muted}>on {state.preview.target}</Text>
        </Text>
      )}
      <FixSteps steps={state.steps} />
      <FixOutcome state={state} />
      <Text color={theme.muted}>{hint(state)}</Text>
    </Box>
  );
}

const emit = (dispatch: (a: FixAction) => void) => (event: FixEvent) => dispatch({ type: 'event', event });

function hint(s: FixState): string {
  if (s.phase === 'preview') return 'y or Enter: apply · q or Esc: cancel';
  if (s.phase === 'applying' || s.phase === 'undoing') return 'working… (keys wait until it is done)';
  if (s.phase === 'done' && s.outcome?.outcome === 'verified') return 'u: undo · q: back';
  return 'q: back';
}
