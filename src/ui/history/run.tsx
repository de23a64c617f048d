// Mounts the history screen (or, from home's `u`, only the undo of one entry) until the operator
// leaves it.
import { render } from 'ink';
import { renderOptions, type ScreenStreams } from '../render-options.js';
import { ThemeContext, createTheme } from '../theme.js';
import { HistoryApp, type HistoryActions } from './HistoryApp.js';
import type { HistoryStart } from './state.js';

export type { HistoryActions } from './HistoryApp.js';
export type { ChangeView } from './change-view.js';
export type { HistoryStart } from './state.js';

export async function runHistoryUi(start: HistoryStart, actions: HistoryActions, opts: { noColor: boolean } & ScreenStreams): Promise<void> {
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <HistoryApp start={start} actions={actions} onExit={() => {}} />
    </ThemeContext.Provider>,
    renderOptions(10, opts),
  );
  await instance.waitUntilExit();
}
