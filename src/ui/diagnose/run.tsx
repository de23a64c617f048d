// Entry point for `falco-doctor diagnose` in a terminal: mount the screen, let the user read the
// result, and hand back the report (or the error) once they quit. src/cli/cli.tsx decides exit codes.
import { render } from 'ink';
import { renderOptions } from '../render-options.js';
import type { DiagnoseEvent } from '../../core/events.js';
import { ThemeContext, createTheme } from '../theme.js';
import { DiagnoseApp } from './DiagnoseApp.js';
import { toError, type DiagnoseOutcome } from './use-diagnose-stream.js';

export type { DiagnoseOutcome } from './use-diagnose-stream.js';

export interface DiagnoseUiOptions {
  noColor: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/** Redraws at most this often: the spinner is the only clock, and an idle screen never redraws. */
const MAX_FPS = 10;

export async function runDiagnoseUi(events: AsyncIterable<DiagnoseEvent>, opts: DiagnoseUiOptions): Promise<DiagnoseOutcome> {
  let outcome: DiagnoseOutcome = { report: null, error: null };
  const options = renderOptions(MAX_FPS, opts);
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <DiagnoseApp
        events={events}
        onExit={(result) => {
          outcome = result;
        }}
      />
    </ThemeContext.Provider>,
    options,
  );
  try {
    await instance.waitUntilExit();
  } catch (thrown) {
    // a render error (a bug in the UI) ends the app too; report it rather than lose the result
    return { report: outcome.report, error: toError(thrown) };
  }
  return outcome;
}
