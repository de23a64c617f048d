// The help's building blocks: the shape of a command's help, and the flags and exit codes that several
// commands share, each written once (help-texts.ts and help-texts-production.ts use them).
export interface FlagHelp {
  /** the long name, as the parser knows it */
  name: string;
  short?: string;
  /** the value's placeholder; none for a boolean flag */
  arg?: string;
  text: string;
}

export interface CommandHelp {
  /** one line: the overview and the completion's descriptions */
  summary: string;
  synopsis: string[];
  description: string;
  flags: FlagHelp[];
  examples: string[];
  exit: [code: number, meaning: string][];
}

export const f = (name: string, text: string, arg?: string, short?: string): FlagHelp => ({ name, text, ...(arg ? { arg } : {}), ...(short ? { short } : {}) });

export const CONTAINER = f('container', 'the Falco container (default: found by image, label or name)', 'NAME', 'c');
export const WINDOW = f('window', 'sampling window (default 10s)', 'DURATION', 'w');
export const LOOKBACK = f('lookback', 'how far back the log is read for drop alerts (default 5m)', 'DURATION');
export const THRESHOLD = f('threshold', 'override a runbook threshold, e.g. memory-pressure.limit_percent=90 (repeatable)', 'NAME=N');
export const RUNBOOK = f('runbook', 'run only this runbook (repeatable): high-cpu, memory-pressure, event-drops', 'ID');
export const STATE_DIR = f('state-dir', 'journal, lock and saved state (default $XDG_STATE_HOME/falco-doctor, else ~/.local/state/falco-doctor)', 'DIR');
export const SETTLE = f('settle', 'how long Falco must stay up after a change (default 10s)', 'DURATION');
export const RELOAD = f('reload-timeout', "wait for Falco's own reload before restarting it (default 15s)", 'DURATION');
export const MAX_CHANGES = f('max-changes-per-hour', 'circuit breaker on changes (default 5)', 'N');
export const NO_COLOR = f('no-color', 'no colours (also NO_COLOR set and not empty)');
/** diagnose --kube and fix --kube: the cluster, as kubectl names it */
export const KUBE_FLAG_HELP = [
  f('kubeconfig', 'with --kube: this kubeconfig (default: $KUBECONFIG, ~/.kube/config, or in-cluster)', 'FILE'),
  f('context', 'with --kube: this kubeconfig context (default: the current one)', 'NAME'),
  f('namespace', 'with --kube: look for Falco pods here only (default: every namespace)', 'NS', 'n'),
  f('selector', 'with --kube: the label selector of the Falco pods (default app.kubernetes.io/name=falco)', 'SELECTOR', 'l'),
];
export const JSON_OUT = f('json', 'machine-readable JSON on stdout');
/** every command that changes Falco: the canary before and after the change (README: the canary) */
export const DETECTION_FLAG_HELP = [
  f(
    'canary',
    'prove detection before and after the change with a canary (its alert reaches your outputs); default: asked once on a terminal, the answer kept; never off a terminal',
  ),
  f('no-canary', 'no canary around the change'),
  f(
    'accept-detection-loss',
    'keep the change although the canary was detected before it and not after (default: the change is undone and rollback reports it; exit 6)',
  ),
];

export const EXIT_RUNTIME: [number, string] = [1, 'runtime error'];
export const EXIT_USAGE: [number, string] = [2, 'usage error (bad flag or argument) or invalid data file'];
export const EXIT_UNREACHABLE: [number, string] = [5, 'target unreachable: no Docker, permission denied on the socket, no Falco container, Falco not running'];
export const EXIT_REVERTED: [number, string] = [6, 'a change failed verification, or lost detection (the canary), and was undone'];
export const EXIT_UNDO: [number, string] = [7, 'an undo could not complete (the message says what to do by hand)'];
