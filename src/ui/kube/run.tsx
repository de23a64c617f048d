// Entry point of the diagnose --kube screen: mounts the node list on the alternate screen and says, once
// the operator quits, where they left (and which fixes they asked for).
import { render } from 'ink';
import type { KubeDiagnosisReport } from '../../core/kube/live/nodes.js';
import { enterAlternateScreen } from '../alternate-screen.js';
import { renderOptions } from '../render-options.js';
import { ThemeContext, createTheme } from '../theme.js';
import { KubeApp } from './KubeApp.js';
import { initialKubeState, type KubeScreenState } from './state.js';

export async function runKubeUi(
  report: KubeDiagnosisReport,
  opts: { noColor: boolean; stdout?: NodeJS.WriteStream; stdin?: NodeJS.ReadStream },
): Promise<KubeScreenState> {
  let last: KubeScreenState = initialKubeState;
  const screen = enterAlternateScreen(opts.stdout);
  try {
    const instance = render(
      <ThemeContext.Provider value={createTheme(opts.noColor)}>
        <KubeApp
          report={report}
          onExit={(s) => {
            last = s;
          }}
        />
      </ThemeContext.Provider>,
      renderOptions(10, opts),
    );
    await instance.waitUntilExit();
  } finally {
    screen.leave();
  }
  return last;
}
