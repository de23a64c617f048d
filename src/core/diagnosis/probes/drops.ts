// Drop probes: drop alerts in the log (rate-limited by syscall_event_drops) and, when metrics are on,
// Falco's own counters, which count every drop.
import { getPath } from '../../falco/config/effective.js';
import type { DiagnosisContext } from '../context.js';
import { max } from '../samples.js';
import { promDelta, snapshotDelta, snapshotSpanSeconds } from '../counters.js';
import type { Probe } from './probe.js';

/** Drops counted by Falco over the window: /metrics if on, else metrics snapshots in the log. */
function droppedInWindow(ctx: DiagnosisContext): number | null {
  return promDelta(ctx, 'falcosecurity_scap_n_drops_total') ?? snapshotDelta(ctx, 'scap.n_drops');
}
function countedSeconds(ctx: DiagnosisContext): number | null {
  if (ctx.promStart && ctx.promEnd) return ctx.windowSeconds;
  return snapshotSpanSeconds(ctx);
}
function eventsInWindow(ctx: DiagnosisContext): number | null {
  return promDelta(ctx, 'falcosecurity_scap_n_evts_total') ?? snapshotDelta(ctx, 'scap.n_evts');
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
    compute: (ctx) => ctx.dropAlerts.some((a) => a.nDrops > 0) || (droppedInWindow(ctx) ?? 0) > 0,
  },
  'drops.actions': {
    label: 'syscall_event_drops.actions',
    unit: 'text',
    source: 'effective falco.yaml; absent or empty is "ignore" (configuration.cpp@0.42.1:574)',
    compute: (ctx) => {
      const a = getPath(ctx.config.value, 'syscall_event_drops.actions');
      const list = Array.isArray(a) ? a.map(String) : typeof a === 'string' ? [a] : [];
      return list.length === 0 ? 'ignore' : list.join(',');
    },
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
