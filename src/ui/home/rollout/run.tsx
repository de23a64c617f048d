// Mounts the rollout status screen until the operator goes back home.
import { render } from 'ink';
import { renderOptions, type ScreenStreams } from '../../render-options.js';
import { ThemeContext, createTheme } from '../../theme.js';
import { RolloutApp } from './RolloutApp.js';
import type { RolloutView } from './view.js';

export type { RolloutView } from './view.js';

export async function runRolloutUi(initial: RolloutView, reload: () => Promise<RolloutView>, opts: { noColor: boolean } & ScreenStreams): Promise<void> {
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <RolloutApp initial={initial} reload={reload} />
    </ThemeContext.Provider>,
    renderOptions(10, opts),
  );
  await instance.waitUntilExit();
}
