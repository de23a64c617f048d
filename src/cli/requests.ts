// What the parser (args.ts) hands each command: one request type per command, tagged by `command`, so a
// command takes only what its own flags mean and the dispatch (cli.tsx) narrows on the tag. The shapes that
// several commands share (collecting a snapshot, a fix's settings, a diagnosis's) are named once here.
import type { Severity } from '../core/findings.js';
import type { Command, Shell } from './flags.js';

/** 'ui' on a terminal; --json, --markdown (and markdown when not on a terminal) */
export type OutputFormat = 'ui' | 'json' | 'markdown';

/** --kube: the Falco DaemonSet's pods of a cluster, as kubectl names it (null: kubectl's defaults) */
export interface KubeTarget {
  kubeconfig: string | null;
  context: string | null;
  namespace: string | null;
  selector: string | null;
}

/** Every command takes --no-color (also NO_COLOR). */
interface Base {
  noColor: boolean;
}

/** What collecting one container's snapshot takes (--container, --window, --lookback). */
export interface CollectArgs {
  container: string | null;
  windowSeconds: number;
  lookbackSeconds: number;
}

/** How long a change waits for Falco to settle and to reload (--settle, --reload-timeout). */
export interface TimingArgs {
  settleSeconds: number;
  reloadTimeoutSeconds: number;
}

/** Whether a change proves detection with a canary before and after it (--canary, --no-canary; 'ask':
 *  the command decides — on a terminal once the operator said yes, off a terminal never), and whether a
 *  lost detection is accepted instead of undone (--accept-detection-loss). */
export interface DetectionArgs {
  canary: 'on' | 'off' | 'ask';
  acceptDetectionLoss: boolean;
}

/** What a Docker fix takes: by `fix ID`, or from a diagnosis screen (f/e/w). */
export interface FixSettings extends Base, CollectArgs, TimingArgs, DetectionArgs {
  stateDir: string | null;
  maxChangesPerHour: number;
  /** --threshold NAME=NUMBER: the fix's diagnosis and its re-measure judge by them */
  thresholds: Record<string, number>;
}

/** What a diagnosis takes: `diagnose`, and the home screen's diagnose (d). */
export interface DiagnoseSettings extends FixSettings {
  bundle: string | null;
  runbooks: string[];
  format: OutputFormat;
  failOn: Severity | 'none';
}

export interface HomeArgs extends DiagnoseSettings {
  command: 'home';
  /** the protected service's container; default: the busiest other container */
  service: string | null;
  /** the screen's refresh */
  intervalSeconds: number;
}

export interface DiagnoseArgs extends DiagnoseSettings {
  command: 'diagnose';
  kube: KubeTarget | null;
}

export interface FixArgs extends FixSettings {
  command: 'fix';
  fixId: string;
  yes: boolean;
  format: OutputFormat;
  kube: KubeTarget | null;
  /** --kube: the node whose finding the fix answers (default: the worst node that has it) */
  node: string | null;
}

export interface RollbackArgs extends Base, TimingArgs, DetectionArgs {
  command: 'rollback';
  /** the journal entry; null with --last */
  id: string | null;
  last: boolean;
  stateDir: string | null;
}

export interface HistoryArgs extends Base {
  command: 'history';
  stateDir: string | null;
  json: boolean;
}

export interface ChecklistArgs extends Base {
  command: 'checklist';
  /** the words after `checklist`: none, or `confirm ITEM` (validated by the checklist) */
  operands: string[];
  note: string | null;
  stateDir: string | null;
  checklistPath: string | null;
  container: string | null;
  windowSeconds: number;
  thresholds: Record<string, number>;
  format: OutputFormat;
}

export interface RolloutArgs extends Base, TimingArgs, DetectionArgs {
  command: 'rollout';
  /** the action word (validated by the rollout) */
  operands: string[];
  /** the words after `--`: the exec probe's argv, never a shell string */
  tail: string[];
  stateDir: string | null;
  planPath: string | null;
  container: string | null;
  service: string | null;
  probeUrl: string | null;
  probeTcp: string | null;
  probeExec: boolean;
  connect: string | null;
  yes: boolean;
  format: OutputFormat;
  remeasure: boolean;
  /** the plan's windows overridden, as written (validated by the rollout) */
  baselineWindow: string | null;
  phaseWindow: string | null;
}

export interface CanaryArgs extends Base {
  command: 'canary';
  container: string | null;
  kube: KubeTarget | null;
  format: OutputFormat;
  yes: boolean;
  /** fire although one fired less than the pacing interval ago */
  force: boolean;
  /** how long to wait for the alert */
  timeoutSeconds: number;
  stateDir: string | null;
  /** --kube: the one node to test (default: every node with a Falco pod) */
  node: string | null;
}

export interface BundleArgs extends Base, CollectArgs {
  command: 'bundle';
  output: string | null;
}

export interface ScanArgs extends Base {
  command: 'scan';
  /** the event log, or - for standard input */
  file: string;
  json: boolean;
}

export interface LintArgs extends Base {
  command: 'lint';
  /** falco.yaml first, then its drop-ins (or Kubernetes manifests / a chart's values file) */
  files: string[];
  falcoVersion: string | null;
  /** --override KEY=VALUE, as Falco's -o */
  overrides: string[];
  /** --rules PATH */
  rules: string[];
  /** the node sizes of the ring-buffer budget table (--node-cpus 4,16,64) */
  nodeCpus: number[] | null;
  json: boolean;
  failOn: Severity | 'none';
}

export interface InfoArgs extends Base {
  command: 'info';
  container: string | null;
  json: boolean;
}

export interface CompletionArgs extends Base {
  command: 'completion';
  shell: Shell;
}

export interface HelpArgs extends Base {
  command: 'help';
  /** the command asked about (`help diagnose`, `diagnose --help`); null: the overview */
  topic: Command | null;
}

export interface VersionArgs extends Base {
  command: 'version';
}

export type CliRequest =
  | HomeArgs
  | DiagnoseArgs
  | FixArgs
  | RollbackArgs
  | HistoryArgs
  | ChecklistArgs
  | RolloutArgs
  | CanaryArgs
  | BundleArgs
  | ScanArgs
  | LintArgs
  | InfoArgs
  | CompletionArgs
  | HelpArgs
  | VersionArgs;

/** Each command's request, by its tag: the parser builds exactly these. */
export type RequestOf<C extends Command> = Extract<CliRequest, { command: C }>;
