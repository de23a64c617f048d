// The text of every command's --help: summary, synopsis, description, flags, examples, exit codes.
// Each flag named here is one the command's parser takes (test/core/cli-help.test.ts); help.ts renders
// these entries, and the shell completion reuses the summaries and flag texts.
import type { Command } from './args.js';

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

const CONTAINER = f('container', 'the Falco container (default: found by image, label or name)', 'NAME', 'c');
const WINDOW = f('window', 'sampling window (default 10s)', 'DURATION', 'w');
const LOOKBACK = f('lookback', 'how far back the log is read for drop alerts (default 5m)', 'DURATION');
const THRESHOLD = f('threshold', 'override a runbook threshold, e.g. memory-pressure.limit_percent=90 (repeatable)', 'NAME=N');
const RUNBOOK = f('runbook', 'run only this runbook (repeatable): high-cpu, memory-pressure, event-drops', 'ID');
const STATE_DIR = f('state-dir', 'journal, lock and saved state (default $XDG_STATE_HOME/falco-doctor, else ~/.local/state/falco-doctor)', 'DIR');
const SETTLE = f('settle', 'how long Falco must stay up after a change (default 10s)', 'DURATION');
const RELOAD = f('reload-timeout', "wait for Falco's own reload before restarting it (default 15s)", 'DURATION');
const MAX_CHANGES = f('max-changes-per-hour', 'circuit breaker on changes (default 5)', 'N');
const NO_COLOR = f('no-color', 'no colours (also NO_COLOR set and not empty)');
/** diagnose --kube and fix --kube: the cluster, as kubectl names it */
const KUBE_FLAGS = [
  f('kubeconfig', 'with --kube: this kubeconfig (default: $KUBECONFIG, ~/.kube/config, or in-cluster)', 'FILE'),
  f('context', 'with --kube: this kubeconfig context (default: the current one)', 'NAME'),
  f('namespace', 'with --kube: look for Falco pods here only (default: every namespace)', 'NS', 'n'),
  f('selector', 'with --kube: the label selector of the Falco pods (default app.kubernetes.io/name=falco)', 'SELECTOR', 'l'),
];
const JSON_OUT = f('json', 'machine-readable JSON on stdout');

const EXIT_RUNTIME: [number, string] = [1, 'runtime error'];
const EXIT_USAGE: [number, string] = [2, 'usage error (bad flag or argument) or invalid data file'];
const EXIT_UNREACHABLE: [number, string] = [5, 'target unreachable: no Docker, permission denied on the socket, no Falco container, Falco not running'];
const EXIT_REVERTED: [number, string] = [6, 'a change failed verification and was undone'];
const EXIT_UNDO: [number, string] = [7, 'an undo could not complete (the message says what to do by hand)'];

export const COMMAND_HELP: Record<Command, CommandHelp> = {
  home: {
    summary: 'the live home screen (in a terminal): health, drops, the protected service, keys to every walk',
    synopsis: ['falco-doctor [home] [options]'],
    description:
      'A live view of the Falco container, refreshed every --interval: CPU against its quota and the host, memory against the limit, drop alerts and event rates, the top rules, the protected service beside it, open findings of the last diagnosis. Keys open diagnose, the checklist, the rollout and the history; ? lists them, q quits. Outside a terminal, `falco-doctor` with no command prints the overview of the commands instead.',
    flags: [
      CONTAINER,
      f('service', 'the protected service (default: the busiest other container)', 'NAME'),
      f('interval', 'refresh (default 2s, 0.5s to 60s)', 'DURATION'),
      STATE_DIR,
      { ...WINDOW, text: 'sampling window of a diagnosis started here (default 10s)' },
      LOOKBACK,
      THRESHOLD,
      RUNBOOK,
      SETTLE,
      RELOAD,
      NO_COLOR,
    ],
    examples: ['falco-doctor', 'falco-doctor --service ai-trading-bot --interval 5s'],
    exit: [[0, 'quit'], EXIT_RUNTIME, EXIT_USAGE],
  },
  diagnose: {
    summary: 'run the high-CPU, memory-pressure, event-drops and config-lint runbooks on the live target or a bundle',
    synopsis: [
      'falco-doctor diagnose [options]',
      'falco-doctor diagnose --bundle FILE [options]',
      'falco-doctor diagnose --kube [--context C] [--namespace N] [--selector S] [options]',
    ],
    description:
      "Finds the Falco container, reads its effective configuration and logs, samples it over --window and tells what is wrong, why, with the evidence and the documented fixes. In a terminal: an interactive report (Enter for evidence, f to apply a fix); elsewhere markdown, or JSON with --json. Data on stdout, progress on stderr. Read-only. With --bundle it evaluates a saved bundle offline, without Docker. With --kube it diagnoses the Falco pods of a Kubernetes cluster node by node (kubeconfig and contexts as kubectl has them), worst node first; in a terminal Enter opens a node's findings.",
    flags: [
      CONTAINER,
      WINDOW,
      LOOKBACK,
      f('bundle', 'diagnose a saved bundle (falco-doctor bundle) instead of the live container', 'FILE'),
      JSON_OUT,
      f('markdown', 'a plain markdown report (the default when stdout is not a terminal)'),
      f('fail-on', 'exit 3 when a finding is at or above LEVEL: critical, warning, info or none (default warning)', 'LEVEL'),
      THRESHOLD,
      RUNBOOK,
      { ...STATE_DIR, text: 'journal and lock for fixes applied from the report' },
      SETTLE,
      RELOAD,
      MAX_CHANGES,
      f('kube', 'diagnose the Falco DaemonSet of a Kubernetes cluster, node by node, instead of a container'),
      ...KUBE_FLAGS,
      NO_COLOR,
    ],
    examples: [
      'falco-doctor diagnose',
      'falco-doctor diagnose --kube --context prod --namespace falco --json > nodes.json',
      'falco-doctor diagnose --json --window 30s > report.json',
      'falco-doctor diagnose --bundle examples/event-drops.bundle.json --fail-on none',
      'falco-doctor diagnose --runbook memory-pressure --threshold memory-pressure.limit_percent=90',
    ],
    exit: [
      [0, 'no finding at or above --fail-on'],
      EXIT_RUNTIME,
      [2, 'usage error, a malformed bundle, or a falco.yaml Falco would refuse (file, line and key named)'],
      [3, 'findings at or above --fail-on'],
      EXIT_UNREACHABLE,
      EXIT_REVERTED,
      EXIT_UNDO,
      [130, 'quit before the diagnosis finished'],
    ],
  },
  fix: {
    summary: 'preview a documented fix as a diff, apply it, verify it (undone on failure)',
    synopsis: ['falco-doctor fix ID [--yes] [options]'],
    description:
      'Plans the fix ID (from runbooks/fixes.yaml, as diagnose lists them) for this target, shows the diff of falco.yaml (and the container change), and applies it after y/Enter in a terminal or with --yes. The change is journaled before anything is written, written atomically, verified (Falco running, healthy, reloaded) and re-measured; on failure it is undone.',
    flags: [
      f('yes', 'apply without asking (needed without a terminal)', undefined, 'y'),
      CONTAINER,
      { ...WINDOW, text: 'window of the measurements before and after (default 10s)' },
      LOOKBACK,
      STATE_DIR,
      SETTLE,
      RELOAD,
      MAX_CHANGES,
      f('kube', 'fix the Falco DaemonSet of a Kubernetes cluster: its ConfigMap and pod template, every node'),
      ...KUBE_FLAGS,
      f('node', 'with --kube: plan on this node (default: the worst node whose findings offer the fix)', 'NODE'),
      NO_COLOR,
    ],
    examples: [
      'falco-doctor fix raise-buffer-preset',
      'falco-doctor fix raise-buffer-preset --yes --settle 20s',
      'falco-doctor fix raise-buffer-preset --kube --context prod --node worker-3',
    ],
    exit: [
      [0, 'applied and verified, or declined'],
      EXIT_RUNTIME,
      [2, 'usage error, unknown fix, fix not applicable, or change limit reached'],
      EXIT_UNREACHABLE,
      EXIT_REVERTED,
      EXIT_UNDO,
    ],
  },
  rollback: {
    summary: 'undo a change from the journal, from any session',
    synopsis: ['falco-doctor rollback ID [options]', 'falco-doctor rollback --last [options]'],
    description:
      'Restores the files and container limits a change recorded (an id from falco-doctor history, or --last), byte-identical, and checks that Falco comes back. Safe to repeat, and works after the doctor was killed mid-change.',
    flags: [f('last', 'the most recent change'), STATE_DIR, SETTLE, RELOAD, NO_COLOR],
    examples: ['falco-doctor rollback --last', 'falco-doctor rollback 20250110T101500123Z-raise-buffer-preset-3f2a   # an id from falco-doctor history'],
    exit: [[0, 'restored'], EXIT_RUNTIME, [2, 'usage error, or nothing to roll back'], EXIT_UNREACHABLE, EXIT_UNDO],
  },
  history: {
    summary: 'the changes made, with their before/after figures',
    synopsis: ['falco-doctor history [--json] [--state-dir DIR]'],
    description: 'Lists the journal: each change with its fix, target, state (verified, reverted, rolled back) and what the re-measure found before and after.',
    flags: [JSON_OUT, STATE_DIR, NO_COLOR],
    examples: ['falco-doctor history', 'falco-doctor history --json | jq ".entries[-1]"'],
    exit: [[0, 'listed'], EXIT_RUNTIME, EXIT_USAGE],
  },
  checklist: {
    summary: 'the production checklist, checked on the live target',
    synopsis: ['falco-doctor checklist [options]', 'falco-doctor checklist confirm ITEM --note TEXT'],
    description:
      'Checks each item of checklists/production.yaml on the live target with its evidence (buffer sizes, limits, rules, outputs, monitoring, alerting, baseline, load test, rollback plan). An item that cannot be checked automatically is confirmed by the operator with `checklist confirm`, saved with who and when. Failing items name the fixes that would make them pass.',
    flags: [
      CONTAINER,
      f('window', 'sampling window (default 5s, 2s to 10m)', 'DURATION', 'w'),
      { ...THRESHOLD, text: 'override a runbook threshold, as diagnose takes it: items that name one ($high-cpu.quota_percent) judge by it (repeatable)' },
      JSON_OUT,
      f('note', 'what was checked by hand (with confirm)', 'TEXT'),
      f('checklist', 'another checklist file', 'FILE'),
      STATE_DIR,
      NO_COLOR,
    ],
    examples: ['falco-doctor checklist', 'falco-doctor checklist --json', 'falco-doctor checklist confirm alerting --note "sidekick to Slack #sec, tested"'],
    exit: [[0, 'every item passes (or the confirmation was saved)'], EXIT_RUNTIME, EXIT_USAGE, [3, 'an item does not pass'], EXIT_UNREACHABLE],
  },
  rollout: {
    summary: 'staged rollout: baseline, core rules, more, full suite, each gated on measurements',
    synopsis: ['falco-doctor rollout [status|next|abort] [options]', 'falco-doctor rollout next --service NAME --probe-exec [options] -- CMD [ARGS...]'],
    description:
      'Follows checklists/staged-rollout.yaml one step per `rollout next`: the baseline (Falco stopped while the protected service is measured), then each phase switches the rules selection (a journaled, undoable change), is monitored for its window and gated on the acceptance criteria with confidence intervals (pass, fail or inconclusive). `status` shows where it stands; `abort` puts the original rules back. The state survives restarts.',
    flags: [
      CONTAINER,
      f('service', "the protected service's container", 'NAME'),
      f('probe-url', "measure the service's latency with HTTP GETs", 'URL'),
      f('probe-tcp', 'measure it with TCP connects', 'HOST:PORT'),
      f('probe-exec', 'measure it by running the command after -- in its container (no shell)'),
      f('connect', 'TCP target of the network-latency criterion (default: the probe URL host and port)', 'HOST:PORT'),
      f('yes', 'do not ask before Falco is stopped for the baseline', undefined, 'y'),
      JSON_OUT,
      f('remeasure', 'measure the current phase again from the start (after a fix)'),
      f('baseline-window', "override the plan's baseline window", 'DURATION'),
      f('window', "override the plan's phase window (default 24h)", 'DURATION', 'w'),
      f('plan', 'another rollout plan file', 'FILE'),
      STATE_DIR,
      f('settle', 'seconds Falco must stay up after a phase switch (default 10)', 'SECONDS'),
      f('reload-timeout', "seconds to wait for Falco's own reload (default 15)", 'SECONDS'),
      { ...NO_COLOR, text: 'accepted for consistency: the rollout prints no colour' },
    ],
    examples: [
      'falco-doctor rollout next --service ai-trading-bot --probe-url http://127.0.0.1:8080/health',
      'falco-doctor rollout status',
      'falco-doctor rollout next --service bot --probe-exec -- wget -q -O- http://127.0.0.1:8080/health',
      'falco-doctor rollout abort',
    ],
    exit: [[0, 'step done, gate passed'], EXIT_RUNTIME, EXIT_USAGE, [3, 'a gate failed or is inconclusive'], EXIT_UNREACHABLE, EXIT_REVERTED, EXIT_UNDO],
  },
  canary: {
    summary: 'prove Falco still detects: trip a stock rule harmlessly and wait for its alert',
    synopsis: [
      'falco-doctor canary [--container NAME] [--yes] [--force] [--timeout DURATION] [--json]',
      'falco-doctor canary --kube [--node NODE] [--context C] [--namespace N] [--selector S] [--yes] [--force] [--timeout DURATION] [--json]',
    ],
    description:
      "Picks the first canary of runbooks/canaries.yaml whose rule is loaded and enabled on the target (e.g. Read sensitive file untrusted: `cat /etc/shadow /falco-doctor-canary-ID`), runs it once in a throwaway container of Falco's own image (no network, 32 MB, 0.2 CPU, labelled falco-doctor.canary=1, removed afterwards; no other container is touched) and waits for the alert on Falco's stdout or a file_output on a bind mount. Reports the rule, the channel and the latency from the action to the alert's own timestamp; or not detected, and why: rule not loaded, disabled, below the priority minimum, a syscall it needs missing from base_syscalls, outputs block-buffered (Falco without -U up to 0.43), no readable output channel, events dropped. The alert reaches every output the operator configured (a pager, Slack): its marker names falco-doctor, it fires only after a yes (--yes when not on a terminal), and at most once per 3 minutes unless --force. With --kube, on every node's Falco pod (or --node's): it creates in the cluster one short-lived pod per node in the Falco pod's namespace (spec.nodeName = the node, Falco's image, the canary's argv as its command, restartPolicy Never, no service-account token, no privileges, 200m CPU / 32Mi, labelled falco-doctor.canary=1), reads the alert from that node's Falco pod log, deletes the pod afterwards (and any leftover by its label) and reports per node. Without --kube nothing is created in any cluster; `kubectl delete pod -l falco-doctor.canary=1 -A` removes a pod an interrupted run left.",
    flags: [
      CONTAINER,
      f('kube', 'canary on the Falco DaemonSet of a Kubernetes cluster: a short-lived pod pinned to each node'),
      ...KUBE_FLAGS,
      f('node', 'with --kube: only this node (default: every node with a Falco pod)', 'NODE'),
      f('yes', 'fire without asking (needed when not on a terminal)', undefined, 'y'),
      f('force', 'fire although a canary fired less than 3 minutes ago'),
      f('timeout', 'how long to wait for the alert (default 20s, 1s to 10m)', 'DURATION'),
      JSON_OUT,
      { ...STATE_DIR, text: 'where the last canary is recorded, for the 3-minute pacing' },
      NO_COLOR,
    ],
    examples: [
      'falco-doctor canary',
      'falco-doctor canary --yes --json',
      'falco-doctor canary --container falco --timeout 60s',
      'falco-doctor canary --kube --context prod --node worker-3 --yes',
    ],
    exit: [
      [0, 'detected (with --kube: on every node)'],
      EXIT_RUNTIME,
      [2, 'usage error, not confirmed (--yes), or paced (a canary fired less than 3 minutes ago)'],
      [3, 'not detected within --timeout (with --kube: on some node; the reasons say why)'],
      EXIT_UNREACHABLE,
    ],
  },
  bundle: {
    summary: 'save what diagnose measures (redacted) as one file, for offline diagnosis',
    synopsis: ['falco-doctor bundle [-o FILE] [options]'],
    description:
      'Measures like diagnose and saves everything it read (samples, effective config files, rules, log excerpts, container inspect without environment values, host facts) as one JSON file with a schema version, mode 0600. Credentials in URLs, Authorization headers and secret-looking values are redacted. `falco-doctor diagnose --bundle FILE` evaluates it anywhere.',
    flags: [f('output', 'the file (default falco-doctor-bundle-TIME.json)', 'FILE', 'o'), CONTAINER, WINDOW, LOOKBACK],
    examples: ['falco-doctor bundle -o falco.bundle.json', 'falco-doctor diagnose --bundle falco.bundle.json'],
    exit: [[0, 'written'], EXIT_RUNTIME, EXIT_USAGE, EXIT_UNREACHABLE],
  },
  scan: {
    summary: "count a Falco event log's alerts by rule and priority, and its drops per minute",
    synopsis: ['falco-doctor scan FILE [--json]', 'docker logs CONTAINER 2>&1 | falco-doctor scan - [--json]'],
    description:
      'Reads a log Falco wrote with file_output, or its stdout from standard input (-), JSON (json_output: true) or text, of any size in one pass with flat memory: lines, alerts by rule (text lines have no rule name: by their message up to " | "), by priority, the syscall event drop alerts and the drops they report per minute, the first and last time. Runs within about 2x the time of grep -c on the same file (bench/RESULTS.md).',
    flags: [JSON_OUT],
    examples: [
      'falco-doctor scan /var/log/falco/events.json',
      'docker logs falco 2>&1 | falco-doctor scan -',
      'falco-doctor scan events.txt --json | jq .dropsOverTime',
    ],
    exit: [[0, 'scanned'], EXIT_RUNTIME, [2, 'the file cannot be read (named), or bad flags']],
  },
  lint: {
    summary: 'check falco.yaml, its drop-ins and rules, or a Kubernetes DaemonSet/ConfigMap or Helm values, offline (no Docker)',
    synopsis: [
      'falco-doctor lint [FILE...] [--falco-version V] [--override KEY=VALUE] [--rules PATH] [--json] [--fail-on SEVERITY]',
      'falco-doctor lint MANIFEST... | VALUES [--node-cpus 4,16,64] [--falco-version V] [--json] [--fail-on SEVERITY]',
    ],
    description:
      "The config and rules checks of diagnose, on files, before they are deployed. FILE: falco.yaml first (default /etc/falco/falco.yaml), then its drop-ins in load order; with falco.yaml alone, the drop-ins its config_files names are read where they exist here. --override is Falco's -o. Prints each file's findings (file:line), Falco's own schema verdict per file (0.39+, as in its startup log), the settings Falco refuses to start with, and the rules summary: loaded, enabled, skipped below `priority`, files refused for their required_engine_version. The keys and defaults of each release come from knowledge/falco-config-catalogue.json; a version that is not a known release is judged by the nearest one, and the output says so. Kubernetes input (multi-document manifests as `helm template` or `kubectl get -o yaml` print them, or a values file of Helm chart falco, merged over the chart's 9.1.0 defaults as Helm does): the falco.yaml the DaemonSet mounts from its ConfigMap (or the chart renders) is linted the same way, lines of the manifest or values file; then the ring-buffer memory of one pod on nodes of --node-cpus CPUs against the memory limit every pod shares, HA settings that do not apply to a DaemonSet (replicas, PodDisruptionBudgets), Helm values the chart does not have, and the privileges the driver needs. Nothing is written.",
    flags: [
      f('falco-version', 'the Falco release to judge for (default: inferred from the keys, a lower bound)', 'V'),
      f('override', "a key=value as Falco's -o (repeatable)", 'KEY=VALUE'),
      f('rules', 'rules file or folder to read instead of the ones falco.yaml names (repeatable)', 'PATH'),
      f('node-cpus', 'Kubernetes input: node sizes of the ring-buffer budget table (default 4,16,64)', 'N,N,...'),
      JSON_OUT,
      f('fail-on', 'lowest finding severity that makes the exit code 3 (critical, warning, info, none; default warning)', 'SEVERITY'),
    ],
    examples: [
      'falco-doctor lint /etc/falco/falco.yaml --falco-version 0.42.1',
      'falco-doctor lint falco.yaml config.d/10-tuning.yaml --rules rules/ --json',
      'for f in configs/*/falco.yaml; do falco-doctor lint "$f" --falco-version 0.44.1 || exit 1; done',
      'helm template falco falcosecurity/falco -f my-values.yaml > rendered.yaml && falco-doctor lint rendered.yaml --node-cpus 4,16,64',
      'falco-doctor lint my-values.yaml',
    ],
    exit: [
      [0, 'no finding at or above --fail-on'],
      EXIT_RUNTIME,
      [2, 'Falco would not start (invalid YAML at file:line, a refused setting or rules file), a file cannot be read, or bad flags'],
      [3, 'findings at or above --fail-on'],
    ],
  },
  info: {
    summary: 'versions, the paths the tool uses, the Docker endpoint and the target',
    synopsis: ['falco-doctor info [--json] [-c NAME]'],
    description:
      'The tool and Node versions, where runbooks and checklists are read from, the state dir, the Docker endpoint and engine, and the Falco container with its falco.yaml on the host. Docker is optional: without it the target says why it is unavailable.',
    flags: [f('json', 'the same facts as one JSON object'), CONTAINER],
    examples: ['falco-doctor info', 'falco-doctor info --json'],
    exit: [[0, 'printed (also when Docker is unreachable)'], EXIT_RUNTIME, EXIT_USAGE],
  },
  completion: {
    summary: 'print a shell completion script: bash, zsh or fish',
    synopsis: ['falco-doctor completion bash|zsh|fish'],
    description: 'Prints a script that completes commands, their flags, fix ids, runbook ids, rollout actions and checklist items.',
    flags: [],
    examples: [
      'source <(falco-doctor completion bash)          # in ~/.bashrc',
      'falco-doctor completion zsh > "${fpath[1]}/_falco-doctor"',
      'falco-doctor completion fish > ~/.config/fish/completions/falco-doctor.fish',
    ],
    exit: [[0, 'printed'], EXIT_USAGE],
  },
  help: {
    summary: "this overview, or a command's own help",
    synopsis: ['falco-doctor help [COMMAND]', 'falco-doctor COMMAND --help'],
    description: "Without a command, the overview of every command; with one, that command's synopsis, flags, examples and exit codes.",
    flags: [],
    examples: ['falco-doctor help diagnose', 'falco-doctor rollout --help'],
    exit: [[0, 'printed'], EXIT_USAGE],
  },
  version: {
    summary: "the tool's version",
    synopsis: ['falco-doctor --version', 'falco-doctor version'],
    description: "Prints the tool's version and nothing else.",
    flags: [],
    examples: ['falco-doctor --version'],
    exit: [[0, 'printed']],
  },
};
