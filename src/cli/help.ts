// --help text, per command.
export const HELP = `falco-doctor — diagnose Falco running in Docker next to a latency-sensitive service

Usage:
  falco-doctor                        the home screen (in a terminal): live health, keys to every walk
  falco-doctor diagnose [options]     run the high-CPU, memory-pressure and event-drops runbooks
  falco-doctor fix ID [--yes]         preview a documented fix as a diff, apply, verify (undone on failure)
  falco-doctor rollback [ID|--last]   undo a change from the journal, from any session
  falco-doctor history [--json]       the changes made, with before/after figures
  falco-doctor checklist [--json]     the production checklist, checked on the live target
  falco-doctor checklist confirm ITEM --note TEXT   confirm a manual item
  falco-doctor rollout [status|next|abort] [--service NAME --probe-url URL | --probe-tcp H:P | --probe-exec -- CMD]
                                      staged rollout: baseline → core rules → more → full, gated on measurements
  falco-doctor bundle -o FILE         save what diagnose measures (redacted) for offline diagnosis
  falco-doctor info                   the target, versions and every path the tool uses
  falco-doctor --version

Options for diagnose and bundle:
  -c, --container NAME   the Falco container (default: found by image, label or name)
  -w, --window DURATION  sampling window (default 10s)
      --lookback DURATION how far back to read logs for drop alerts (default 5m)
      --bundle FILE      diagnose a saved bundle instead of the live container
      --json | --markdown  machine-readable or plain report on stdout, no UI
      --fail-on LEVEL    exit 3 when a finding is at or above LEVEL: critical|warning|info|none (default warning)
      --threshold NAME=N override a runbook threshold, e.g. memory-pressure.limit_percent=90
      --runbook ID       run only this runbook (repeatable): high-cpu, memory-pressure, event-drops
      --no-color         no colours (also NO_COLOR)

Options for the home screen:
      --interval DURATION  refresh (default 2s)
      --service NAME       the protected service (default: the busiest other container)

Options for fix and rollback:
  -y, --yes              apply without asking (non-interactive)
      --state-dir DIR    journal and lock (default $XDG_STATE_HOME/falco-doctor)
      --settle DURATION  how long Falco must stay up after a change (default 10s)
      --reload-timeout DURATION  wait for Falco's own reload before restarting it (default 15s)
      --max-changes-per-hour N   circuit breaker (default 5)

Exit codes: 0 no finding at or above --fail-on, 1 runtime error, 2 usage or config error,
3 findings at or above --fail-on, 5 target unreachable (no Docker, no Falco container), 6 a fix failed
verification and was undone, 7 an undo could not complete.
`;
