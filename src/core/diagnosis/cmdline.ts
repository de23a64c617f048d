// What Falco's command line says about its config: `-c FILE` / `--config FILE`, and each
// `-o key=value` / `--option key=value` override, in order (later ones win).
export interface FalcoCmdline {
  configPath: string;
  overrides: string[];
}

export const DEFAULT_CONFIG_PATH = '/etc/falco/falco.yaml';

export function parseFalcoCmdline(argv: readonly string[]): FalcoCmdline {
  let configPath = DEFAULT_CONFIG_PATH;
  const overrides: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if ((a === '-c' || a === '--config') && next !== undefined) {
      configPath = next;
      i++;
    } else if (a.startsWith('--config=')) configPath = a.slice('--config='.length);
    else if ((a === '-o' || a === '--option') && next !== undefined) {
      overrides.push(next);
      i++;
    } else if (a.startsWith('--option=')) overrides.push(a.slice('--option='.length));
    else if (a.startsWith('-o') && a.length > 2 && a.includes('=')) overrides.push(a.slice(2));
  }
  return { configPath, overrides };
}
