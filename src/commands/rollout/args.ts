// The rollout's request from the parsed command line (src/cli/args.ts parses every command's flags):
// the action, the latency probe and the windows, validated here because only the rollout reads them.
import { UserError } from '../../core/errors.js';
import type { RolloutArgs } from '../../cli/requests.js';
import type { Catalogue } from '../../core/runbook/load.js';
import type { LatencyProbe } from '../../core/rollout/state.js';
import { Duration } from '../../core/rollout/plan-schema.js';
import { ROLLOUT_ACTIONS, type RolloutAction, type RolloutRequest } from './request.js';

function hostPort(flag: string, v: string): { host: string; port: number } {
  const m = /^(.+):(\d{1,5})$/.exec(v);
  if (!m) throw new UserError(`--${flag}: "${v}" is not HOST:PORT`);
  return { host: m[1] as string, port: Number(m[2]) };
}

function duration(flag: string, v: string | null): string | null {
  if (v === null) return null;
  const d = /^\d+(\.\d+)?$/.test(v) ? `${v}s` : v;
  if (!Duration.safeParse(d).success) throw new UserError(`--${flag}: "${v}" is not a duration`, 'e.g. 30s, 5m, 24h');
  return d;
}

export function toRolloutRequest(v: Omit<RolloutArgs, 'command'>, catalogue: Catalogue, toolVersion: string): RolloutRequest {
  const a = v.operands[0] ?? 'status';
  if (!(ROLLOUT_ACTIONS as readonly string[]).includes(a)) throw new UserError(`rollout: unknown action "${a}"`, `use ${ROLLOUT_ACTIONS.join(', ')}`);
  const probes = [v.probeUrl, v.probeTcp, v.probeExec ? 'exec' : null].filter((x) => x !== null);
  if (probes.length > 1) throw new UserError('--probe-url, --probe-tcp and --probe-exec exclude each other');
  let probe: LatencyProbe | null = null;
  if (v.probeUrl) {
    if (!/^https?:\/\//.test(v.probeUrl)) throw new UserError(`--probe-url: "${v.probeUrl}" is not an http(s) URL`);
    probe = { kind: 'http', url: v.probeUrl };
  } else if (v.probeTcp) probe = { kind: 'tcp', ...hostPort('probe-tcp', v.probeTcp) };
  else if (v.probeExec) {
    if (v.tail.length === 0) throw new UserError('--probe-exec: give the command after --', 'e.g. --probe-exec -- wget -q -O- http://127.0.0.1:8080/health');
    probe = { kind: 'exec', argv: v.tail };
  }
  if (v.tail.length > 0 && !v.probeExec)
    throw new UserError(`unexpected argument "${v.tail[0]}" after --`, 'the words after -- are the command of --probe-exec');
  return {
    action: a as RolloutAction,
    stateDir: v.stateDir,
    planPath: v.planPath,
    container: v.container,
    service: v.service,
    probe,
    connect: v.connect ? hostPort('connect', v.connect) : null,
    yes: v.yes,
    json: v.format === 'json',
    remeasure: v.remeasure,
    baselineWindow: duration('baseline-window', v.baselineWindow),
    phaseWindow: duration('window', v.phaseWindow),
    timings: { settleSeconds: v.settleSeconds, reloadTimeoutSeconds: v.reloadTimeoutSeconds },
    toolVersion,
    catalogue,
  };
}
