// The rollout's flags, for node:util parseArgs: commands/walks.ts parses them with ROLLOUT_OPTIONS and
// calls toRolloutRequest; the test entry uses the same two, so both parse alike.
import { UserError } from '../../core/errors.js';
import type { Catalogue } from '../../core/runbook/load.js';
import type { LatencyProbe } from '../../core/rollout/state.js';
import { Duration } from '../../core/rollout/plan-schema.js';
import { ROLLOUT_ACTIONS, type RolloutAction, type RolloutRequest } from './rollout.js';

export const ROLLOUT_OPTIONS = {
  'state-dir': { type: 'string' },
  plan: { type: 'string' },
  container: { type: 'string', short: 'c' },
  service: { type: 'string' },
  'probe-url': { type: 'string' },
  'probe-tcp': { type: 'string' },
  /** the command follows `--` (argv, no shell) */
  'probe-exec': { type: 'boolean' },
  connect: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  json: { type: 'boolean' },
  remeasure: { type: 'boolean' },
  'baseline-window': { type: 'string' },
  window: { type: 'string', short: 'w' },
  settle: { type: 'string' },
  'reload-timeout': { type: 'string' },
  /** taken by every command; the rollout's output has no colour to remove */
  'no-color': { type: 'boolean' },
} as const;

export interface RolloutFlagValues {
  'state-dir'?: string;
  plan?: string;
  container?: string;
  service?: string;
  'probe-url'?: string;
  'probe-tcp'?: string;
  'probe-exec'?: boolean;
  connect?: string;
  yes?: boolean;
  json?: boolean;
  remeasure?: boolean;
  'baseline-window'?: string;
  window?: string;
  settle?: string;
  'reload-timeout'?: string;
}

function hostPort(flag: string, v: string): { host: string; port: number } {
  const m = /^(.+):(\d{1,5})$/.exec(v);
  if (!m) throw new UserError(`--${flag}: "${v}" is not HOST:PORT`);
  return { host: m[1] as string, port: Number(m[2]) };
}

function duration(flag: string, v: string | undefined): string | null {
  if (v === undefined) return null;
  const d = /^\d+(\.\d+)?$/.test(v) ? `${v}s` : v;
  if (!Duration.safeParse(d).success) throw new UserError(`--${flag}: "${v}" is not a duration`, 'e.g. 30s, 5m, 24h');
  return d;
}

/** `positionals` = [action?, ...]; `rest` = the words after `--` (the exec probe's argv). */
export function toRolloutRequest(v: RolloutFlagValues, action: string | undefined, rest: string[], catalogue: Catalogue, toolVersion: string): RolloutRequest {
  const a = action ?? 'status';
  if (!(ROLLOUT_ACTIONS as readonly string[]).includes(a)) throw new UserError(`rollout: unknown action "${a}"`, `use ${ROLLOUT_ACTIONS.join(', ')}`);
  const probes = [v['probe-url'], v['probe-tcp'], v['probe-exec'] ? 'exec' : undefined].filter((x) => x !== undefined);
  if (probes.length > 1) throw new UserError('--probe-url, --probe-tcp and --probe-exec exclude each other');
  let probe: LatencyProbe | null = null;
  if (v['probe-url']) {
    if (!/^https?:\/\//.test(v['probe-url'])) throw new UserError(`--probe-url: "${v['probe-url']}" is not an http(s) URL`);
    probe = { kind: 'http', url: v['probe-url'] };
  } else if (v['probe-tcp']) probe = { kind: 'tcp', ...hostPort('probe-tcp', v['probe-tcp']) };
  else if (v['probe-exec']) {
    if (rest.length === 0) throw new UserError('--probe-exec: give the command after --', 'e.g. --probe-exec -- wget -q -O- http://127.0.0.1:8080/health');
    probe = { kind: 'exec', argv: rest };
  }
  const settle = Number(v.settle ?? 10);
  const reload = Number(v['reload-timeout'] ?? 15);
  if (!(settle >= 0) || !(reload > 0)) throw new UserError('--settle and --reload-timeout take seconds');
  return {
    action: a as RolloutAction,
    stateDir: v['state-dir'] ?? null,
    planPath: v.plan ?? null,
    container: v.container ?? null,
    service: v.service ?? null,
    probe,
    connect: v.connect ? hostPort('connect', v.connect) : null,
    yes: Boolean(v.yes),
    json: Boolean(v.json),
    remeasure: Boolean(v.remeasure),
    baselineWindow: duration('baseline-window', v['baseline-window']),
    phaseWindow: duration('window', v.window),
    timings: { settleSeconds: settle, reloadTimeoutSeconds: reload },
    toolVersion,
    catalogue,
  };
}
