// The effective config of files as read from a container: falco.yaml first, then the drop-ins it
// names in `config_files` (each with its merge strategy), then the `-o` overrides. One function for
// diagnose, the collector, the rules reader and the home screen, so they never disagree.
import type { EffectiveConfig, SourceFile } from './types.js';
import { computeEffectiveConfig, configFileEntries } from './effective.js';

export const DEFAULT_MAIN_CONFIG = '/etc/falco/falco.yaml';

export function effectiveConfigOfFiles(files: readonly SourceFile[], overrides: readonly string[]): EffectiveConfig {
  const [main, ...rest] = files;
  const mainFile = main ?? { path: DEFAULT_MAIN_CONFIG, text: '' };
  const entries = configFileEntries(computeEffectiveConfig(mainFile, [], []).value);
  const dropIns = rest.map((f) => ({
    file: f,
    strategy: entries.find((e) => f.path === e.path || f.path.startsWith(`${e.path}/`))?.strategy ?? 'append',
  }));
  return computeEffectiveConfig(mainFile, dropIns, [...overrides]);
}
