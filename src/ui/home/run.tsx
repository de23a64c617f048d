// Mounts the home screen until the operator picks another screen or quits, and says which.
import { render } from 'ink';
import { renderOptions } from '../render-options.js';
import { ThemeContext, createTheme } from '../theme.js';
import { HomeApp } from './HomeApp.js';
import type { ChangeView } from '../history/change-view.js';
import type { CanaryState } from '../../core/canary/pace.js';
import type { HomeNext, HomeScreenName, OpenFindings } from './state.js';
import type { MonitorSource } from './use-monitor-ticks.js';

export type { HomeNext, HomeScreenName, OpenFindings } from './state.js';
export type { MonitorSource } from './use-monitor-ticks.js';

export interface HomeUiOptions {
  source: MonitorSource;
  lastDiagnosis: OpenFindings | null;
  lastChange?: ChangeView | null;
  detection?: CanaryState | null;
  notice?: string | null;
  available: readonly HomeScreenName[];
  intervalMs: number;
  windowMs: number;
  noColor: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/** Ticks come every couple of seconds and keys are rare: a few frames a second is plenty, and caps the cost of a burst. */
const MAX_FPS = 4;

export async function runHomeUi(opts: HomeUiOptions): Promise<HomeNext> {
  let next: HomeNext = 'quit';
  const options = renderOptions(MAX_FPS, opts);
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <HomeApp
        source={opts.source}
        lastDiagnosis={opts.lastDiagnosis}
        lastChange={opts.lastChange ?? null}
        detection={opts.detection ?? null}
        notice={opts.notice ?? null}
        available={opts.available}
        intervalMs={opts.intervalMs}
        windowMs={opts.windowMs}
        onExit={(chosen) => {
          next = chosen;
        }}
      />
    </ThemeContext.Provider>,
    options,
  );
  await instance.waitUntilExit();
  return next;
}
