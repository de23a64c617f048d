// Command-line parsing with node:util parseArgs, for every command: one table of flags (OPTIONS), the
// flags each command takes (COMMAND_FLAGS), and one parsed record (CliArgs) from which each command
// takes its own options type (DiagnoseArgs, FixArgs, RolloutArgs, ChecklistArgs, …: Picks of it). Bad
// flags are UserErrors (exit 2) naming the flag.
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/findings.js';
import { parseDuration, parseNodeCpus, parseThresholds, sampleWindow } from './arg-values.js';

export const COMMANDS = [
  'home',
  'diagnose',
  'fix',
  'rollback',
  'history',
  'checklist',
  'rollout',
  'canary',
  'bundle',
  'scan',
  'lint',
  'info',
  'completion',
  'help',
  'version',
] as const;
export type Command = (typeof COMMANDS)[number];
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

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
  /** the command's operand: the fix id of `fix`, the journal id of `rollback`, the file of `scan`, the
   *  shell of `completion` (not the Falco target, which is --container) */
  operand: string | null;
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
  /** lint: the files (falco.yaml first, then its drop-ins) */
  files: string[];
  /** lint: --falco-version, --override KEY=VALUE (Falco's -o), --rules PATH */
  falcoVersion: string | null;
  overrides: string[];
  rulesPaths: string[];
  /** lint on Kubernetes input: the node sizes of the ring-buffer budget table (--node-cpus 4,16,64) */
  nodeCpus: number[] | null;
  /** help: the command asked about (`help diagnose`, `diagnose --help`); null: the overview */
  topic: Command | null;
  /** the words after the command, before `--` (checklist: `confirm ITEM`; rollout: the action) */
  operands: string[];
  /** the words after `--`: the rollout's exec probe (argv, never a shell string) */
  tail: string[];
  /** rollout: --plan, the latency probe (--probe-url/--probe-tcp/--probe-exec), --connect HOST:PORT,
   *  --remeasure, and the plan's windows overridden (as written: validated by the rollout) */
  planPath: string | null;
  probeUrl: string | null;
  probeTcp: string | null;
  probeExec: boolean;
  connect: string | null;
  remeasure: boolean;
  baselineWindow: string | null;
  phaseWindow: string | null;
  /** checklist: --checklist FILE, and the note of `checklist confirm ITEM --note TEXT` */
  checklistPath: string | null;
  note: string | null;
  /** diagnose --kube: the Falco DaemonSet's pods of a cluster, through the kubeconfig */
  kube: { kubeconfig: string | null; context: string | null; namespace: string | null; selector: string | null } | null;
  /** fix --kube: the node whose finding the fix answers (default: the worst node that has it); canary --kube: the one node to test */
  node: string | null;
  /** canary: fire although one fired less than the pacing interval ago */
  force: boolean;
  /** canary: how long to wait for the alert */
  timeoutSeconds: number;
}

export const OPTIONS = {
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
  'falco-version': { type: 'string' },
  override: { type: 'string', multiple: true },
  rules: { type: 'string', multiple: true },
  'node-cpus': { type: 'string' },
  plan: { type: 'string' },
  'probe-url': { type: 'string' },
  'probe-tcp': { type: 'string' },
  /** the command follows `--` (argv, no shell) */
  'probe-exec': { type: 'boolean' },
  connect: { type: 'string' },
  remeasure: { type: 'boolean' },
  'baseline-window': { type: 'string' },
  checklist: { type: 'string' },
  note: { type: 'string' },
  kube: { type: 'boolean' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  selector: { type: 'string', short: 'l' },
  node: { type: 'string' },
  force: { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;
export type OptionName = keyof typeof OPTIONS;

/** Flags every command takes. */
export const GLOBAL_FLAGS = ['help', 'version', 'no-color'] as const satisfies readonly OptionName[];

/** diagnose, fix and canary --kube: the cluster, as kubectl names it (the last four go with --kube only) */
const KUBE_FLAGS = ['kube', 'kubeconfig', 'context', 'namespace', 'selector'] as const satisfies readonly OptionName[];

/** The flags each command uses: its help and the shell completion list them, and any other flag is a
 *  usage error. (home runs diagnose, undo and the checklist from its screens: their flags too.) */
export const COMMAND_FLAGS = {
  home: ['container', 'service', 'interval', 'state-dir', 'window', 'lookback', 'threshold', 'runbook', 'settle', 'reload-timeout'],
  diagnose: [
    'container',
    'window',
    'lookback',
    'bundle',
    'json',
    'markdown',
    'fail-on',
    'threshold',
    'runbook',
    'state-dir',
    'settle',
    'reload-timeout',
    'max-changes-per-hour',
    ...KUBE_FLAGS,
  ],
  fix: ['yes', 'container', 'window', 'lookback', 'state-dir', 'settle', 'reload-timeout', 'max-changes-per-hour', ...KUBE_FLAGS, 'node'],
  rollback: ['last', 'state-dir', 'settle', 'reload-timeout'],
  history: ['json', 'state-dir'],
  bundle: ['output', 'container', 'window', 'lookback'],
  scan: ['json'],
  lint: ['json', 'fail-on', 'falco-version', 'override', 'rules', 'node-cpus'],
  info: ['json', 'container'],
  checklist: ['state-dir', 'checklist', 'container', 'window', 'threshold', 'note', 'json'],
  rollout: [
    'state-dir',
    'plan',
    'container',
    'service',
    'probe-url',
    'probe-tcp',
    'probe-exec',
    'connect',
    'yes',
    'json',
    'remeasure',
    'baseline-window',
    'window',
    'settle',
    'reload-timeout',
  ],
  canary: ['container', 'json', 'yes', 'force', 'timeout', 'state-dir', ...KUBE_FLAGS, 'node'],
  completion: [],
  help: [],
  version: [],
} as const satisfies Record<Command, readonly OptionName[]>;

/** How many words may follow the command (before `--`); none for the others: fix ID, rollback [ID],
 *  scan FILE, completion SHELL, help [COMMAND], rollout [ACTION], checklist [confirm ITEM], lint FILE... */
const MAX_OPERANDS: Partial<Record<Command, number>> = { fix: 1, rollback: 1, scan: 1, completion: 1, help: 1, rollout: 1, checklist: 2, lint: Infinity };

/** NO_COLOR (https://no-color.org): set and not empty disables colour. */
const noColorEnv = () => (process.env['NO_COLOR'] ?? '') !== '';

export function parseCli(argv: string[], isTty: boolean): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UserError((e as Error).message.split('\n')[0] ?? 'bad arguments', 'see falco-doctor --help');
  }
  const { values: v, tokens } = parsed;
  // the words after `--` are the exec probe's argv, not operands
  const dash = tokens.find((t) => t.kind === 'option-terminator')?.index ?? argv.length;
  const positionals = tokens.filter((t) => t.kind === 'positional' && t.index < dash).map((t) => (t as { value: string }).value);
  const tail = argv.slice(dash + 1);
  const asCommand = (word: string | undefined): Command | null => {
    if (word === undefined) return null;
    if (!(COMMANDS as readonly string[]).includes(word)) throw new UserError(`unknown command "${word}"`, `commands: ${COMMANDS.join(', ')}`);
    return word as Command;
  };
  const first = asCommand(positionals[0]);
  // `help X` and `X --help` ask about X; no command: the home screen in a terminal, the help elsewhere
  const asksHelp = Boolean(v.help) || first === 'help';
  const command: Command = v.version ? 'version' : asksHelp ? 'help' : (first ?? (isTty ? 'home' : 'help'));
  const topic = command === 'help' ? (v.help ? first : asCommand(positionals[1])) : null;
  if (command === 'help' || command === 'version') return helpArgs(command, topic);
  const maxPositionals = 1 + (MAX_OPERANDS[command] ?? 0);
  if (positionals.length > maxPositionals) throw new UserError(`unexpected argument "${positionals[maxPositionals]}"`, 'see falco-doctor --help');
  if (tail.length > 0 && command !== 'rollout')
    throw new UserError(`unexpected argument "${tail[0]}" after --`, `only rollout --probe-exec takes a command after --`);
  const own: readonly string[] = COMMAND_FLAGS[command];
  for (const t of tokens)
    if (t.kind === 'option' && !own.includes(t.name) && !(GLOBAL_FLAGS as readonly string[]).includes(t.name))
      throw new UserError(`${t.rawName} does not apply to ${command}`, `see falco-doctor ${command} --help`);
  if (command === 'fix' && !positionals[1])
    throw new UserError('fix needs the id of a fix', 'e.g. falco-doctor fix raise-buffer-preset; diagnose lists the fixes that apply');
  if (command === 'scan' && !positionals[1])
    throw new UserError('scan needs a file', "e.g. falco-doctor scan /var/log/falco/events.json (Falco's file_output)");
  if (command === 'completion' && !(SHELLS as readonly string[]).includes(positionals[1] ?? ''))
    throw new UserError(
      positionals[1] ? `completion: unknown shell "${positionals[1]}"` : 'completion needs a shell',
      `use ${SHELLS.join(', ')}: e.g. source <(falco-doctor completion bash)`,
    );
  if (v['falco-version'] !== undefined && !/^v?\d+\.\d+\.\d+$/.test(v['falco-version']))
    throw new UserError(`--falco-version: "${v['falco-version']}" is not a Falco version`, 'e.g. --falco-version 0.42.1');
  for (const o of v.override ?? [])
    if (!/^[^=\s]+=/.test(o)) throw new UserError(`--override: "${o}" is not KEY=VALUE`, "as Falco's -o: e.g. --override engine.modern_ebpf.buf_size_preset=6");
  const maxChanges = Number(v['max-changes-per-hour'] ?? 5);
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new UserError('--max-changes-per-hour must be a whole number');
  const failOn = v['fail-on'] ?? 'warning';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UserError(`--fail-on: "${failOn}" is not a severity`, 'use critical, warning, info or none');
  if (v.json && v.markdown) throw new UserError('--json and --markdown exclude each other');
  const kubeOnly = ([...KUBE_FLAGS.slice(1), 'node'] as const).find((k) => v[k] !== undefined);
  if (kubeOnly && !v.kube) throw new UserError(`--${kubeOnly} goes with --kube`, 'e.g. falco-doctor diagnose --kube --context prod --namespace falco');
  if (v.kube && (v.bundle !== undefined || v.container !== undefined))
    throw new UserError(`--kube and --${v.bundle !== undefined ? 'bundle' : 'container'} exclude each other`);
  const thresholds = parseThresholds(v.threshold ?? []);
  const windowSeconds = sampleWindow(command, v.window);
  const intervalSeconds = parseDuration('interval', v.interval ?? '2');
  const timeoutSeconds = parseDuration('timeout', v.timeout ?? '20');
  if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new UserError('--timeout must be between 1 s and 10 min');
  if (intervalSeconds < 0.5 || intervalSeconds > 60) throw new UserError('--interval must be between 0.5 s and 60 s');
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
    noColor: Boolean(v['no-color']) || noColorEnv(),
    operand: positionals[1] ?? null,
    yes: Boolean(v.yes),
    last: Boolean(v.last),
    stateDir: v['state-dir'] ?? null,
    settleSeconds: parseDuration('settle', v.settle ?? '10'),
    reloadTimeoutSeconds: parseDuration('reload-timeout', v['reload-timeout'] ?? '15'),
    maxChangesPerHour: maxChanges,
    intervalSeconds,
    service: v.service ?? null,
    files: command === 'lint' ? positionals.slice(1) : [],
    falcoVersion: v['falco-version']?.replace(/^v/, '') ?? null,
    overrides: v.override ?? [],
    rulesPaths: v.rules ?? [],
    nodeCpus: v['node-cpus'] === undefined ? null : parseNodeCpus(v['node-cpus']),
    topic,
    operands: positionals.slice(1),
    tail,
    planPath: v.plan ?? null,
    probeUrl: v['probe-url'] ?? null,
    probeTcp: v['probe-tcp'] ?? null,
    probeExec: Boolean(v['probe-exec']),
    connect: v.connect ?? null,
    remeasure: Boolean(v.remeasure),
    baselineWindow: v['baseline-window'] ?? null,
    phaseWindow: command === 'rollout' ? (v.window ?? null) : null,
    checklistPath: v.checklist ?? null,
    note: v.note ?? null,
    kube: v.kube ? { kubeconfig: v.kubeconfig ?? null, context: v.context ?? null, namespace: v.namespace ?? null, selector: v.selector ?? null } : null,
    node: v.node ?? null,
    force: Boolean(v.force),
    timeoutSeconds,
  };
}

/** help and version take no options of their own: the defaults, never read. */
function helpArgs(command: 'help' | 'version', topic: Command | null): CliArgs {
  return { ...parseCli(['info'], false), command, topic };
}
