// What `rollout` is asked to do, validated from the command line (args.ts): the action, the target and
// the protected service with its latency probe, the windows and the timings of its changes.
import type { Catalogue } from '../../core/runbook/load.js';
import type { LatencyProbe } from '../../core/rollout/state.js';
import type { ChangeTimings } from '../../adapters/rollout/changes.js';

export const ROLLOUT_ACTIONS = ['status', 'next', 'abort'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

export interface RolloutRequest {
  action: RolloutAction;
  stateDir: string | null;
  /** null: checklists/staged-rollout.yaml shipped with the tool */
  planPath: string | null;
  /** the Falco container (null: found as diagnose finds it) */
  container: string | null;
  /** the protected service's container and latency probe: needed for the baseline, then remembered */
  service: string | null;
  probe: LatencyProbe | null;
  /** TCP target for the network-latency criterion (default: the HTTP probe's host and port) */
  connect: { host: string; port: number } | null;
  /** skip the question before Falco is stopped for the baseline */
  yes: boolean;
  json: boolean;
  /** measure the current phase again from scratch (after a fix for a failed gate) */
  remeasure: boolean;
  /** override the plan's windows (compressed runs, tests) */
  baselineWindow: string | null;
  phaseWindow: string | null;
  timings: ChangeTimings;
  toolVersion: string;
  catalogue: Catalogue;
}
