// Command-line parsing with node:util parseArgs, for every command: the flags of flags.ts in, one request
// per command out (requests.ts: a union tagged by `command`). What no single command owns is checked
// first (unknown command, a flag the command does not take, --kube's companions); then the command's own
// builder reads its flags. Bad flags are UserErrors (exit 2) naming the flag.
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/findings.js';
import { parseDuration, parseNodeCpus, parseThresholds, sampleWindow } from './arg-values.js';
import { COMMANDS, COMMAND_FLAGS, GLOBAL_FLAGS, KUBE_FLAGS, MAX_OPERANDS, OPTIONS, SHELLS, type Command, type Shell } from './flags.js';
import type { CliRequest, DetectionArgs, DiagnoseSettings, FixSettings, KubeTarget, OutputFormat, RequestOf } from './requests.js';

const parseOptions = (args: string[]) => parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
type Values = ReturnType<typeof parseOptions>['values'];

/** What every builder reads: the flags' values, the words after the command, the words after `--`. */
interface Parsed {
  v: Values;
  operands: string[];
  tail: string[];
  isTty: boolean;
  noColor: boolean;
}

/** NO_COLOR (https://no-color.org): set and not empty disables colour. */
const noColorEnv = () => (process.env['NO_COLOR'] ?? '') !== '';

export function parseCli(argv: string[], isTty: boolean): CliRequest {
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    throw new UserError((e as Error).message.split('\n')[0] ?? 'bad arguments', 'see falco-doctor --help');
  }
  const { values: v, tokens } = parsed;
  // the words after `--` are the exec probe's argv, not operands
  const dash = tokens.find((t) => t.kind === 'option-terminator')?.index ?? argv.length;
  const positionals = tokens.filter((t) => t.kind === 'positional' && t.index < dash).map((t) => (t as { value: string }).value);
  const tail = argv.slice(dash + 1);
  const noColor = Boolean(v['no-color']) || noColorEnv();
  const first = asCommand(positionals[0]);
  // `help X` and `X --help` ask about X; no command: the home screen in a terminal, the help elsewhere
  const asksHelp = Boolean(v.help) || first === 'help';
  if (v.version) return { command: 'version', noColor };
  if (asksHelp) return { command: 'help', topic: v.help ? first : asCommand(positionals[1]), noColor };
  const command = first ?? (isTty ? 'home' : 'help');
  if (command === 'help' || command === 'version') return command === 'help' ? { command, topic: null, noColor } : { command, noColor };
  const maxPositionals = 1 + (MAX_OPERANDS[command] ?? 0);
  if (positionals.length > maxPositionals) throw new UserError(`unexpected argument "${positionals[maxPositionals]}"`, 'see falco-doctor --help');
  if (tail.length > 0 && command !== 'rollout')
    throw new UserError(`unexpected argument "${tail[0]}" after --`, `only rollout --probe-exec takes a command after --`);
  const own: readonly string[] = COMMAND_FLAGS[command];
  for (const t of tokens)
    if (t.kind === 'option' && !own.includes(t.name) && !(GLOBAL_FLAGS as readonly string[]).includes(t.name))
      throw new UserError(`${t.rawName} does not apply to ${command}`, `see falco-doctor ${command} --help`);
  const kubeOnly = ([...KUBE_FLAGS.slice(1), 'node'] as const).find((k) => v[k] !== undefined);
  if (kubeOnly && !v.kube) throw new UserError(`--${kubeOnly} goes with --kube`, 'e.g. falco-doctor diagnose --kube --context prod --namespace falco');
  if (v.kube && (v.bundle !== undefined || v.container !== undefined))
    throw new UserError(`--kube and --${v.bundle !== undefined ? 'bundle' : 'container'} exclude each other`);
  return BUILD[command]({ v, operands: positionals.slice(1), tail, isTty, noColor });
}

function asCommand(word: string | undefined): Command | null {
  if (word === undefined) return null;
  if (!(COMMANDS as readonly string[]).includes(word)) throw new UserError(`unknown command "${word}"`, `commands: ${COMMANDS.join(', ')}`);
  return word as Command;
}

/** The request of each command but help and version (parseCli answers those itself). */
const BUILD: { [C in Exclude<Command, 'help' | 'version'>]: (p: Parsed) => RequestOf<C> } = {
  home: (p) => ({ command: 'home', ...diagnoseSettings(p, 'home'), service: p.v.service ?? null, intervalSeconds: interval(p.v) }),
  diagnose: (p) => ({ command: 'diagnose', ...diagnoseSettings(p, 'diagnose'), kube: kubeTarget(p.v) }),
  fix: (p) => {
    const fixId = p.operands[0];
    if (!fixId) throw new UserError('fix needs the id of a fix', 'e.g. falco-doctor fix raise-buffer-preset; diagnose lists the fixes that apply');
    return { command: 'fix', ...fixSettings(p, 'fix'), fixId, yes: Boolean(p.v.yes), format: format(p), kube: kubeTarget(p.v), node: p.v.node ?? null };
  },
  rollback: (p) => ({
    command: 'rollback',
    id: p.operands[0] ?? null,
    last: Boolean(p.v.last),
    stateDir: p.v['state-dir'] ?? null,
    ...timingArgs(p.v),
    ...detectionArgs(p.v),
    noColor: p.noColor,
  }),
  history: (p) => ({ command: 'history', stateDir: p.v['state-dir'] ?? null, json: Boolean(p.v.json), noColor: p.noColor }),
  checklist: (p) => ({
    command: 'checklist',
    operands: p.operands,
    note: p.v.note ?? null,
    stateDir: p.v['state-dir'] ?? null,
    checklistPath: p.v.checklist ?? null,
    container: p.v.container ?? null,
    windowSeconds: sampleWindow('checklist', p.v.window),
    thresholds: parseThresholds(p.v.threshold ?? []),
    format: format(p),
    noColor: p.noColor,
  }),
  rollout: (p) => ({
    command: 'rollout',
    operands: p.operands,
    tail: p.tail,
    stateDir: p.v['state-dir'] ?? null,
    planPath: p.v.plan ?? null,
    container: p.v.container ?? null,
    service: p.v.service ?? null,
    probeUrl: p.v['probe-url'] ?? null,
    probeTcp: p.v['probe-tcp'] ?? null,
    probeExec: Boolean(p.v['probe-exec']),
    connect: p.v.connect ?? null,
    yes: Boolean(p.v.yes),
    format: format(p),
    remeasure: Boolean(p.v.remeasure),
    baselineWindow: p.v['baseline-window'] ?? null,
    phaseWindow: p.v.window ?? null,
    ...timingArgs(p.v),
    ...detectionArgs(p.v),
    noColor: p.noColor,
  }),
  canary: (p) => {
    const timeoutSeconds = parseDuration('timeout', p.v.timeout ?? '20');
    if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new UserError('--timeout must be between 1 s and 10 min');
    const { v } = p;
    return {
      command: 'canary',
      container: v.container ?? null,
      kube: kubeTarget(v),
      format: format(p),
      yes: Boolean(v.yes),
      force: Boolean(v.force),
      timeoutSeconds,
      stateDir: v['state-dir'] ?? null,
      node: v.node ?? null,
      noColor: p.noColor,
    };
  },
  bundle: (p) => ({ command: 'bundle', ...collectArgs(p, 'bundle'), output: p.v.output ?? null, noColor: p.noColor }),
  scan: (p) => {
    const file = p.operands[0];
    if (!file) throw new UserError('scan needs a file', "e.g. falco-doctor scan /var/log/falco/events.json (Falco's file_output)");
    return { command: 'scan', file, json: Boolean(p.v.json), noColor: p.noColor };
  },
  lint: ({ v, operands, noColor }) => {
    if (v['falco-version'] !== undefined && !/^v?\d+\.\d+\.\d+$/.test(v['falco-version']))
      throw new UserError(`--falco-version: "${v['falco-version']}" is not a Falco version`, 'e.g. --falco-version 0.42.1');
    for (const o of v.override ?? [])
      if (!/^[^=\s]+=/.test(o))
        throw new UserError(`--override: "${o}" is not KEY=VALUE`, "as Falco's -o: e.g. --override engine.modern_ebpf.buf_size_preset=6");
    return {
      command: 'lint',
      files: operands,
      falcoVersion: v['falco-version']?.replace(/^v/, '') ?? null,
      overrides: v.override ?? [],
      rules: v.rules ?? [],
      nodeCpus: v['node-cpus'] === undefined ? null : parseNodeCpus(v['node-cpus']),
      json: Boolean(v.json),
      failOn: failOn(v),
      noColor,
    };
  },
  info: (p) => ({ command: 'info', container: p.v.container ?? null, json: Boolean(p.v.json), noColor: p.noColor }),
  completion: (p) => {
    const shell = p.operands[0];
    if (!(SHELLS as readonly string[]).includes(shell ?? ''))
      throw new UserError(
        shell ? `completion: unknown shell "${shell}"` : 'completion needs a shell',
        `use ${SHELLS.join(', ')}: e.g. source <(falco-doctor completion bash)`,
      );
    return { command: 'completion', shell: shell as Shell, noColor: p.noColor };
  },
};

function format({ v, isTty }: Parsed): OutputFormat {
  if (v.json && v.markdown) throw new UserError('--json and --markdown exclude each other');
  return v.json ? 'json' : v.markdown ? 'markdown' : isTty ? 'ui' : 'markdown';
}

function failOn(v: Values): Severity | 'none' {
  const bar = v['fail-on'] ?? 'warning';
  if (bar !== 'none' && !(SEVERITIES as readonly string[]).includes(bar))
    throw new UserError(`--fail-on: "${bar}" is not a severity`, 'use critical, warning, info or none');
  return bar as Severity | 'none';
}

function interval(v: Values): number {
  const s = parseDuration('interval', v.interval ?? '2');
  if (s < 0.5 || s > 60) throw new UserError('--interval must be between 0.5 s and 60 s');
  return s;
}

function kubeTarget(v: Values): KubeTarget | null {
  return v.kube ? { kubeconfig: v.kubeconfig ?? null, context: v.context ?? null, namespace: v.namespace ?? null, selector: v.selector ?? null } : null;
}

const timingArgs = (v: Values) => ({
  settleSeconds: parseDuration('settle', v.settle ?? '10'),
  reloadTimeoutSeconds: parseDuration('reload-timeout', v['reload-timeout'] ?? '15'),
});

function detectionArgs(v: Values): DetectionArgs {
  if (v.canary && v['no-canary']) throw new UserError('--canary and --no-canary contradict each other', 'pass one of them');
  return { canary: v.canary ? 'on' : v['no-canary'] ? 'off' : 'ask', acceptDetectionLoss: Boolean(v['accept-detection-loss']) };
}

const collectArgs = ({ v }: Parsed, command: Command) => ({
  container: v.container ?? null,
  windowSeconds: sampleWindow(command, v.window),
  lookbackSeconds: parseDuration('lookback', v.lookback ?? '5m'),
});

function fixSettings(p: Parsed, command: Command): FixSettings {
  const maxChanges = Number(p.v['max-changes-per-hour'] ?? 5);
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new UserError('--max-changes-per-hour must be a whole number');
  return {
    ...collectArgs(p, command),
    ...timingArgs(p.v),
    ...detectionArgs(p.v),
    stateDir: p.v['state-dir'] ?? null,
    maxChangesPerHour: maxChanges,
    thresholds: parseThresholds(p.v.threshold ?? []),
    noColor: p.noColor,
  };
}

function diagnoseSettings(p: Parsed, command: Command): DiagnoseSettings {
  return { ...fixSettings(p, command), bundle: p.v.bundle ?? null, runbooks: p.v.runbook ?? [], format: format(p), failOn: failOn(p.v) };
}
