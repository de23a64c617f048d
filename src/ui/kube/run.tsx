// Entry point of the diagnose --kube screen: mounts at once on the alternate screen, shows the collection's
// progress, then the node list; says, once the operator quits, where they left (and which fix they asked
// for), or the error that ended the collection.
import { render } from 'ink';
import { enterAlternateScreen } from '../alternate-screen.js';
import { renderOptions } from '../render-options.js';
import { ThemeContext, createTheme } from '../theme.js';
import { KubeLoading, type KubeLoad, type KubeOutcome } from './KubeLoading.js';

export type { KubeOutcome } from './KubeLoading.js';

export async function runKubeUi(load: KubeLoad, opts: { noColor: boolean; stdout?: NodeJS.WriteStream; stdin?: NodeJS.ReadStream }): Promise<KubeOutcome> {
  let outcome: KubeOutcome = { state: null, error: null };
  const screen = enterAlternateScreen(opts.stdout);
  try {
    const instance = render(
      <ThemeContext.Provider value={createTheme(opts.noColor)}>
        <KubeLoading
          load={load}
          onExit={(o) => {
            outcome = o;
          }}
        />
      </ThemeContext.Provider>,
      renderOptions(10, opts),
    );
    await instance.waitUntilExit();
  } finally {
    screen.leave();
  }
  return outcome;
}
