// Entry point for the fix flow in a terminal (from `falco-doctor fix` in a TTY, or from the diagnose
// screen's f/e/w keys): mount it, and resolve with how it ended once the operator leaves.
import { render } from 'ink';
import { renderOptions } from '../render-options.js';
import { ThemeContext, createTheme } from '../theme.js';
import { FixApp, type FixActions } from './FixApp.js';
import type { FixPhase, FixPreviewView } from './state.js';

export type { FixActions } from './FixApp.js';
export type { FixOutcomeView, FixPreviewView } from './state.js';

export interface FixUiOptions {
  noColor: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export interface FixUiResult {
  /** cancelled: nothing changed; done: applied (see outcome); undone / undo-failed after `u` */
  phase: FixPhase;
  outcome: 'verified' | 'reverted' | 'rollback-incomplete' | null;
}

export async function runFixUi(preview: FixPreviewView, actions: FixActions, opts: FixUiOptions): Promise<FixUiResult> {
  let result: FixUiResult = { phase: 'cancelled', outcome: null };
  const options = renderOptions(10, opts);
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <FixApp preview={preview} actions={actions} onExit={(s) => (result = { phase: s.phase, outcome: s.outcome?.outcome ?? null })} />
    </ThemeContext.Provider>,
    options,
  );
  await instance.waitUntilExit();
  return result;
}
