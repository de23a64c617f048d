// What Falco saw and missed: drop alerts per minute from the log (rate-limited by Falco, so a floor),
// the kernel's own event and drop rates from /metrics when served, alerts per minute by priority and
// the rules firing most.
import { memo } from 'react';
import type { EventsView } from '../../core/monitor/state.js';
import { formatRate } from './format.js';
import { Line, Panel } from './Panel.js';

interface EventsPanelProps {
  events: EventsView;
  prometheus: boolean;
  width: number;
  stale: boolean;
}

export const EventsPanel = memo(function EventsPanel({ events, prometheus, width, stale }: EventsPanelProps) {
  const { rates, kernel } = events;
  const drops = `drops/min ${formatRate(rates.dropAlertsPerMin)} alerts${rates.droppedInAlertsPerMin > 0 ? ` (${formatRate(rates.droppedInAlertsPerMin)} events)` : ''}`;
  const kernelText = !prometheus
    ? 'kernel rates: /metrics off'
    : kernel === null
      ? 'kernel rates: measuring…'
      : `kernel ${formatRate(kernel.eventsPerSec ?? 0)} ev/s, ${formatRate(kernel.dropsPerSec ?? 0)} dropped/s`;
  const alerts = rates.alertsPerMin.length === 0 ? 'none' : rates.alertsPerMin.map((a) => `${a.priority} ${formatRate(a.count)}`).join(' · ');
  const top =
    rates.topRules.length > 0
      ? rates.topRules.map((r) => `${r.rule} ×${r.count}`).join(' · ')
      : rates.unnamedAlerts > 0
        ? 'rule names need json_output: true'
        : 'none';
  return (
    <Panel label="Events" width={width} stale={stale}>
      <Line muted={stale}>
        {drops} · {kernelText}
      </Line>
      <Line muted={stale}>alerts/min: {alerts}</Line>
      <Line muted={stale}>top rules: {top}</Line>
    </Panel>
  );
});
