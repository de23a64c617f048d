// Entry point for `falco-doctor checklist` in a terminal: mount the screen, hand back the results as
// they stand when the operator quits (confirmations included). src/cli/cli.tsx decides the exit code.
import { render } from 'ink';
import type { ItemResult } from '../../core/checklist/results.js';
import { ThemeContext, createTheme } from '../theme.js';
import { ChecklistApp } from './ChecklistApp.js';

export interface ChecklistUiOptions {
  target: string;
  noColor: boolean;
  onConfirm: (id: string, note: string) => Promise<ItemResult[]>;
}

export async function runChecklistUi(results: ItemResult[], opts: ChecklistUiOptions): Promise<ItemResult[]> {
  let final = results;
  const instance = render(
    <ThemeContext.Provider value={createTheme(opts.noColor)}>
      <ChecklistApp
        target={opts.target}
        results={results}
        onConfirm={opts.onConfirm}
        onExit={(r) => {
          final = r;
        }}
      />
    </ThemeContext.Provider>,
    { maxFps: 10, exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  return final;
}
