// --help of the commands that take Falco to production: the readiness checklist, the staged rollout and
// the canary. Rendered by help.ts with the others (help-texts.ts).
import {
  type CommandHelp,
  f,
  CONTAINER,
  THRESHOLD,
  STATE_DIR,
  NO_COLOR,
  DETECTION_FLAG_HELP,
  JSON_OUT,
  EXIT_RUNTIME,
  EXIT_USAGE,
  EXIT_UNREACHABLE,
  EXIT_REVERTED,
  EXIT_UNDO,
} from './help-flags.js';

export const PRODUCTION_HELP: Record<'checklist' | 'rollout' | 'canary', CommandHelp> = {
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
      ...DETECTION_FLAG_HELP,
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
    synopsis: ['falco-doctor canary [--container NAME] [--yes] [--force] [--timeout DURATION] [--json]'],
    description:
      "Picks the first canary of runbooks/canaries.yaml whose rule is loaded and enabled on the target (e.g. Read sensitive file untrusted: `cat /etc/shadow /falco-doctor-canary-ID`), runs it once in a throwaway container of Falco's own image (no network, 32 MB, 0.2 CPU, labelled falco-doctor.canary=1, removed afterwards; no other container is touched) and waits for the alert on Falco's stdout or a file_output on a bind mount. Reports the rule, the channel and the latency from the action to the alert's own timestamp; or not detected, and why: rule not loaded, disabled, below the priority minimum, a syscall it needs missing from base_syscalls, outputs block-buffered (Falco without -U up to 0.43), no readable output channel, events dropped. The alert reaches every output the operator configured (a pager, Slack): its marker names falco-doctor, it fires only after a yes (--yes when not on a terminal), and at most once per 3 minutes unless --force.",
    flags: [
      CONTAINER,
      f('yes', 'fire without asking (needed when not on a terminal)', undefined, 'y'),
      f('force', 'fire although a canary fired less than 3 minutes ago'),
      f('timeout', 'how long to wait for the alert (default 20s, 1s to 10m)', 'DURATION'),
      JSON_OUT,
      { ...STATE_DIR, text: 'where the last canary is recorded, for the 3-minute pacing' },
      NO_COLOR,
    ],
    examples: ['falco-doctor canary', 'falco-doctor canary --yes --json', 'falco-doctor canary --container falco --timeout 60s'],
    exit: [
      [0, 'detected'],
      EXIT_RUNTIME,
      [2, 'usage error, not confirmed (--yes), or paced (a canary fired less than 3 minutes ago)'],
      [3, 'not detected within --timeout (the reasons say why)'],
      EXIT_UNREACHABLE,
    ],
  },
};
