// Drop probes: drop alerts in the log (rate-limited by syscall_event_drops) and, when metrics are on,
// Falco's own counters, which count every drop. Without a counter "no drop alert" is not "no drops":
// drops.detected is then unknown, and drops.visibility says why (drop-reporting.ts).
import type { DiagnosisContext } from '../context.js';
import { max } from '../samples.js';
import { countedSeconds, droppedInWindow, eventsInWindow, promDelta, snapshotDelta } from '../counters.js';
import { configValue, dropActions, dropReporting } from '../drop-reporting.js';
import { pct, type Probe } from './probe.js';

const numberOr = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Seconds between two drop actions once max_burst is spent: one token every 1/rate s (token_bucket.cpp). */
function alertIntervalSeconds(ctx: DiagnosisContext): number | null {
  const rate = numberOr(configValue(ctx, 'syscall_event_drops.rate'), 0.03333);
  // .03333 is meant as one per 30 s: 30.003 shown to a tenth
  return rate > 0 ? Math.round(10 / rate) / 10 : null;
}

export const DROP_PROBES = {
  'drops.alerts': {
    label: 'Drop alerts in the logs',
    unit: 'count',
    source: '"Falco internal: syscall event drop" lines in the container log',
    compute: (ctx) => ctx.dropAlerts.length,
  },
  'drops.alerts_per_min': {
    label: 'Drop alerts per minute',
    unit: 'per-min',
    source: 'drop alerts ÷ log look-back',
    compute: (ctx) => (ctx.dropAlerts.length * 60) / ctx.logSeconds,
  },
  'drops.max_per_second': {
    label: 'Most events dropped in one second',
    unit: 'count',
    source: 'n_drops of the drop alerts',
    compute: (ctx) => max(ctx.dropAlerts.map((a) => a.nDrops)),
  },
  'drops.max_percent': {
    label: 'Highest share of events dropped in one second',
    unit: 'percent',
    source: 'n_drops ÷ n_evts of the drop alerts',
    compute: (ctx) => max(ctx.dropAlerts.filter((a) => a.nEvts > 0).map((a) => (a.nDrops / a.nEvts) * 100)),
  },
  'drops.buffer_percent': {
    label: 'Drops because the ring buffer was full',
    unit: 'percent',
    source: 'n_drops_buffer_total ÷ n_drops of the drop alerts',
    compute: (ctx) => {
      const withDrops = ctx.dropAlerts.filter((a) => a.nDrops > 0);
      if (withDrops.length === 0) return null;
      const buf = withDrops.reduce((s, a) => s + (a.fields['n_drops_buffer_total'] ?? 0), 0);
      return (buf / withDrops.reduce((s, a) => s + a.nDrops, 0)) * 100;
    },
  },
  'drops.counted': {
    label: 'Events dropped in the window (Falco counters)',
    unit: 'count',
    source: '/metrics falcosecurity_scap_n_drops_total, or scap.n_drops of metrics snapshots',
    compute: droppedInWindow,
  },
  'drops.per_min': {
    label: 'Events dropped per minute (Falco counters)',
    unit: 'per-min',
    source: 'increase of the drop counter ÷ its time span',
    compute: (ctx) => {
      const d = droppedInWindow(ctx);
      const s = countedSeconds(ctx);
      return d === null || s === null || s <= 0 ? null : (d * 60) / s;
    },
  },
  'drops.detected': {
    label: 'Event drops seen',
    unit: 'bool',
    source: 'drop alerts or Falco drop counters',
    compute: (ctx) => {
      if (ctx.dropAlerts.some((a) => a.nDrops > 0)) return true;
      const d = droppedInWindow(ctx);
      return d === null ? null : d > 0;
    },
  },
  'drops.counted_percent': {
    label: 'Share of events dropped in the window (Falco counters)',
    unit: 'percent',
    source: 'increase of the drop counter ÷ increase of the event counter (n_evts includes the drops)',
    compute: (ctx) => pct(droppedInWindow(ctx), eventsInWindow(ctx)),
  },
  'drops.actions': {
    label: 'syscall_event_drops.actions',
    unit: 'text',
    source: 'effective falco.yaml; absent or empty is "ignore" (configuration.cpp@0.42.1:574)',
    compute: (ctx) => dropActions(ctx).join(','),
  },
  'drops.threshold_percent': {
    label: "Share of one second's events Falco must drop before it acts",
    unit: 'percent',
    source: 'syscall_event_drops.threshold (code default .1, configuration.cpp@0.42.1:579); ratio > threshold, event_drops.cpp@0.44.1:104',
    compute: (ctx) => Math.round(numberOr(configValue(ctx, 'syscall_event_drops.threshold'), 0.1) * 1e8) / 1e6,
  },
  'drops.alert_interval_s': {
    label: 'Seconds between drop actions at most (after max_burst)',
    unit: 'count',
    source: '1 ÷ syscall_event_drops.rate (code default .03333, configuration.cpp@0.42.1:585)',
    compute: alertIntervalSeconds,
  },
  'drops.visibility': {
    label: 'How drops reach the doctor',
    unit: 'text',
    source: 'counters read (/metrics, metrics snapshots), else what the drop actions write to the container log',
    compute: (ctx) => dropReporting(ctx).visibility,
  },
  'drops.counter_status': {
    label: 'Falco drop counter',
    unit: 'text',
    source: 'metrics.* and webserver.* of the effective falco.yaml, /metrics and metrics snapshots read',
    compute: (ctx) => dropReporting(ctx).counters,
  },
  'drops.alert_path': {
    label: 'Where the drop actions write',
    unit: 'text',
    source: 'syscall_event_drops.actions, log_level, log_stderr, stdout_output, output buffering (event_drops.cpp@0.44.1)',
    compute: (ctx) => dropReporting(ctx).alerts,
  },
  'events.per_sec': {
    label: 'Kernel events per second',
    unit: 'per-sec',
    source: '/metrics falcosecurity_scap_n_evts_total or metrics snapshots, else drop alerts (n_evts)',
    compute: (ctx) => {
      const e = eventsInWindow(ctx);
      const s = countedSeconds(ctx);
      if (e !== null && s !== null && s > 0) return e / s;
      return max(ctx.dropAlerts.map((a) => a.nEvts));
    },
  },
  'outputs.queue_drops': {
    label: 'Alerts dropped by the outputs queue',
    unit: 'count',
    source: '/metrics falcosecurity_falco_outputs_queue_num_drops_total, or metrics snapshots',
    compute: (ctx) => promDelta(ctx, 'falcosecurity_falco_outputs_queue_num_drops_total') ?? snapshotDelta(ctx, 'falco.outputs_queue_num_drops'),
  },
} satisfies Record<string, Probe>;
