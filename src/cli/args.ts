// Command-line parsing with node:util parseArgs. Bad flags are UserErrors (exit 2) naming the flag.
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/findings.js';

export const COMMANDS = ['home', 'diagnose', 'fix', 'rollback', 'history', 'checklist', 'rollout', 'bundle', 'info', 'help', 'version'] as const;
/** commands that take one operand: fix ID, rollback [ID] */
const WITH_OPERAND: readonly Command[] = ['fix', 'rollback'];
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
  container: string | null;
  windowSeconds: number;
  lookbackSeconds: number;
  format: 'ui' | 'json' | 'markdown';
  failOn: Severity | 'none';
  bundle: string | null;
  output: string | null;
  thresholds: Record<string, number>;
  runbooks: string[];
  noColor: boolean;
  /** the operand: the fix id of `fix`, the journal id of `rollback` */
  target: string | null;
  yes: boolean;
  last: boolean;
  stateDir: string | null;
  settleSeconds: number;
  reloadTimeoutSeconds: number;
  maxChangesPerHour: number;
  /** home screen refresh */
  intervalSeconds: number;
  /** the protected service's container (home screen); default: the busiest other container */
  service: string | null;
}

const OPTIONS = {
  container: { type: 'string', short: 'c' },
  window: { type: 'string', short: 'w' },
  lookback: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  'fail-on': { type: 'string' },
  bundle: { type: 'string' },
  output: { type: 'string', short: 'o' },
  threshold: { type: 'string', multiple: true },
  runbook: { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  last: { type: 'boolean' },
  'state-dir': { type: 'string' },
  settle: { type: 'string' },
  'reload-timeout': { type: 'string' },
  'max-changes-per-hour': { type: 'string' },
  interval: { type: 'string' },
  service: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** "30", "30s", "5m", "1h" → seconds */
export function parseDuration(flag: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UserError(`--${flag}: "${v}" is not a duration`, 'use seconds (30) or a unit: 500ms, 30s, 5m, 1h');
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return n * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as const)[unit as 'ms' | 's' | 'm' | 'h'];
}

export function parseCli(argv: string[], isTty: boolean): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError((e as Error).message.split('\n')[0] ?? 'bad arguments', 'see falco-doctor --help');
  }
  const { values: v, positionals } = parsed;
  const first = positionals[0];
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first))
    throw new UserError(`unknown command "${first}"`, `commands: ${COMMANDS.join(', ')}`);
  // no command: the home screen in a terminal, the help text elsewhere
  const command: Command = v.version ? 'version' : v.help ? 'help' : ((first as Command | undefined) ?? (isTty ? 'home' : 'help'));
  const maxPositionals = WITH_OPERAND.includes(command) ? 2 : 1;
  if (positionals.length > maxPositionals) throw new UserError(`unexpected argument "${positionals[maxPositionals]}"`, 'see falco-doctor --help');
  if (command === 'fix' && !positionals[1]) throw new UserError('fix needs the id of a fix', 'e.g. falco-doctor fix raise-buffer-preset; diagnose lists the fixes that apply');
  const maxChanges = Number(v['max-changes-per-hour'] ?? 5);
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new UserError('--max-changes-per-hour must be a whole number');
  const failOn = v['fail-on'] ?? 'warning';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UserError(`--fail-on: "${failOn}" is not a severity`, 'use critical, warning, info or none');
  if (v.json && v.markdown) throw new UserError('--json and --markdown exclude each other');
  const thresholds: Record<string, number> = {};
  for (const t of v.threshold ?? []) {
    const m = /^([a-z0-9_.-]+)=(-?\d+(?:\.\d+)?)$/.exec(t);
    if (!m) throw new UserError(`--threshold: "${t}" is not NAME=NUMBER`, 'e.g. --threshold memory-pressure.limit_percent=90');
    thresholds[m[1]!] = Number(m[2]);
  }
  const windowSeconds = parseDuration('window', v.window ?? '10');
  const intervalSeconds = parseDuration('interval', v.interval ?? '2');
  if (intervalSeconds < 0.5 || intervalSeconds > 60) throw new UserError('--interval must be between 0.5 s and 60 s');
  if (windowSeconds < 2 || windowSeconds > 3600) throw new UserError('--window must be between 2 s and 1 h');
  return {
    command,
    container: v.container ?? null,
    windowSeconds,
    lookbackSeconds: parseDuration('lookback', v.lookback ?? '5m'),
    format: v.json ? 'json' : v.markdown ? 'markdown' : isTty ? 'ui' : 'markdown',
    failOn: failOn as Severity | 'none',
    bundle: v.bundle ?? null,
    output: v.output ?? null,
    thresholds,
    runbooks: v.runbook ?? [],
    noColor: Boolean(v['no-color']) || process.env['NO_COLOR'] !== undefined,
    target: positionals[1] ?? null,
    yes: Boolean(v.yes),
    last: Boolean(v.last),
    stateDir: v['state-dir'] ?? null,
    settleSeconds: parseDuration('settle', v.settle ?? '10'),
    reloadTimeoutSeconds: parseDuration('reload-timeout', v['reload-timeout'] ?? '15'),
    maxChangesPerHour: maxChanges,
    intervalSeconds,
    service: v.service ?? null,
  };
}
