// What Falco saw and missed: drop alerts per minute from the log (rate-limited by Falco, so a floor),
// the kernel's own event and drop rates from /metrics when served, alerts per minute by priority and
// the rules firing most.
import { memo } from 'react';
import type { EventsView } from '../../core/monitor/state.js';
import { formatRate } from './format.js';
import { Line, Panel } from './Panel.js';

interface EventsPanelProps {
  events: EventsView;
  /** null: not known yet (the target is not read yet) */
  prometheus: boolean | null;
  width: number;
  stale: boolean;
}

export const EventsPanel = memo(function EventsPanel({ events, prometheus, width, stale }: EventsPanelProps) {
  const { rates, kernel } = events;
  const drops = `drop alerts/min ${rates.dropAlertsPerMin}${rates.droppedInAlertsPerMin > 0 ? ` (${rates.droppedInAlertsPerMin} events dropped)` : ''}`;
  const kernelText =
    kernel !== null
      ? `${kernelLine(kernel.eventsPerSec, kernel.dropsPerSec)}${kernel.source === 'snapshots' ? ' (metrics snapshots)' : ''}`
      : prometheus === false
        ? 'kernel rates: no /metrics, no metrics snapshot yet (metrics.enabled, output_rule)'
        : 'kernel rates: measuring…';
  const alerts = rates.alertsPerMin.length === 0 ? 'none' : rates.alertsPerMin.map((a) => `${a.priority} ${a.count}`).join(' · ');
  const top =
    rates.topRules.length > 0
      ? rates.topRules.map((r) => `${r.rule} ×${r.count}`).join(' · ')
      : rates.unnamedAlerts > 0
        ? 'rule names need json_output: true'
        : 'none';
  return (
    <Panel label="Events" width={width} stale={stale}>
      <Line muted={stale}>{drops}</Line>
      <Line muted={stale}>{kernelText}</Line>
      <Line muted={stale}>alerts/min: {alerts}</Line>
      <Line muted={stale}>top rules: {top}</Line>
    </Panel>
  );
});

function kernelLine(eventsPerSec: number | null, dropsPerSec: number | null): string {
  const share = eventsPerSec && dropsPerSec !== null ? ` (${Math.round((dropsPerSec / eventsPerSec) * 100)}%)` : '';
  return `kernel ${formatRate(eventsPerSec ?? 0)} events/s, ${formatRate(dropsPerSec ?? 0)} dropped/s${share}`;
}
