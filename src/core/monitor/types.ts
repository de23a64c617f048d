// What one poll of the live target hands to the monitor reducer. Every part but `t` and `status` is
// optional: the poller leaves out what it did not read or what has not changed since the last tick,
// so an idle target costs the reducer (and the screen) nothing.
import type { LogLine, StatsSample } from '../snapshot.js';

export const TARGET_STATES = ['ok', 'gone', 'docker-down', 'restarting'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export interface TargetStatus {
  state: TargetState;
  /** one line for the operator: "exited (code 137)", "no Docker engine answers at …" */
  detail: string;
}

/** Who is being watched, read once per container start (config and limits change only with a restart). */
export interface TargetHeader {
  id: string;
  name: string;
  image: string;
  /** when this run of the container started: a new value means counters and deltas start over */
  startedAt: string;
  falcoVersion: string | null;
  engineKind: string | null;
  bufferPreset: number | null;
  /** all kernel ring buffers together, from the effective config; null for engines without one */
  ringBufferBytes: number | null;
  /** null = no CPU limit */
  cpuLimitCores: number | null;
  /** null = no memory limit */
  memLimitBytes: number | null;
  hostCpus: number;
  /** the falco-doctor lab's stand-in, not a real Falco */
  lab: boolean;
  /** /metrics is served (webserver.prometheus_metrics_enabled and metrics.enabled) */
  prometheus: boolean;
}

export interface ServiceReading {
  name: string;
  /** named: given with --service; busiest: chosen as the busiest other running container */
  chosen: 'named' | 'busiest';
  state: 'ok' | 'gone';
  /** absent while the first CPU delta is not measured yet */
  sample?: StatsSample;
}

/** Falco's cumulative kernel counters at one moment: from /metrics, or a metrics snapshot in its log. */
export interface KernelCounters {
  t: number;
  events: number | null;
  drops: number | null;
  /** absent: /metrics */
  source?: 'snapshots';
}

export interface SelfUsage {
  /** 100 = one full core */
  cpuPercent: number;
  rssBytes: number;
}

export interface MonitorTick {
  /** ms since epoch when the poll started */
  t: number;
  status: TargetStatus;
  /** sent when the target was (re)resolved and differs from the last one sent */
  header?: TargetHeader;
  /** absent on the first reading of a container (no CPU delta yet) or when it is not running */
  falco?: StatsSample;
  /** null: there is no other running container to watch */
  service?: ServiceReading | null;
  /** only the lines logged since the previous tick */
  logLines?: LogLine[];
  /** only when they changed */
  counters?: KernelCounters;
  /** only when it changed at the shown precision */
  self?: SelfUsage;
}
