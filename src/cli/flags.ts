// The command line's vocabulary: the commands, every flag (OPTIONS, as node:util parseArgs takes them), the
// flags each command takes (COMMAND_FLAGS) and how many words may follow it. The parser (args.ts), the help
// (help.ts) and the shell completion (completion-model.ts) all read these tables.
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
  canary: { type: 'boolean' },
  'no-canary': { type: 'boolean' },
  'accept-detection-loss': { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;
export type OptionName = keyof typeof OPTIONS;

/** Flags every command takes. */
export const GLOBAL_FLAGS = ['help', 'version', 'no-color'] as const satisfies readonly OptionName[];

/** diagnose --kube and fix --kube: the cluster, as kubectl names it (the last four go with --kube only) */
export const KUBE_FLAGS = ['kube', 'kubeconfig', 'context', 'namespace', 'selector'] as const satisfies readonly OptionName[];

/** Every command that changes Falco: prove detection with a canary before and after (core/canary/proof.ts). */
export const DETECTION_FLAGS = ['canary', 'no-canary', 'accept-detection-loss'] as const satisfies readonly OptionName[];

/** The flags each command uses: its help and the shell completion list them, and any other flag is a
 *  usage error. (home runs diagnose, undo and the checklist from its screens: their flags too.) */
export const COMMAND_FLAGS = {
  home: ['container', 'service', 'interval', 'state-dir', 'window', 'lookback', 'threshold', 'runbook', 'settle', 'reload-timeout', ...DETECTION_FLAGS],
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
    ...DETECTION_FLAGS,
    ...KUBE_FLAGS,
  ],
  fix: ['yes', 'container', 'window', 'lookback', 'state-dir', 'settle', 'reload-timeout', 'max-changes-per-hour', ...DETECTION_FLAGS, ...KUBE_FLAGS, 'node'],
  rollback: ['last', 'state-dir', 'settle', 'reload-timeout', ...DETECTION_FLAGS],
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
    ...DETECTION_FLAGS,
  ],
  canary: ['container', 'json', 'yes', 'force', 'timeout', 'state-dir', ...KUBE_FLAGS, 'node'],
  completion: [],
  help: [],
  version: [],
} as const satisfies Record<Command, readonly OptionName[]>;

/** How many words may follow the command (before `--`); none for the others: fix ID, rollback [ID],
 *  scan FILE, completion SHELL, help [COMMAND], rollout [ACTION], checklist [confirm ITEM], lint FILE... */
export const MAX_OPERANDS: Partial<Record<Command, number>> = {
  fix: 1,
  rollback: 1,
  scan: 1,
  completion: 1,
  help: 1,
  rollout: 1,
  checklist: 2,
  lint: Infinity,
};
