// The protected service beside Falco, so the cost Falco imposes on it is in view.
import { memo } from 'react';
import { sparklineOverTime } from '../../core/monitor/sparkline.js';
import type { MonitorState } from '../../core/monitor/state.js';
import { formatBytes, formatPercent } from '../format.js';
import { windowNote } from './layout.js';
import { Line, Panel, SparkLine } from './Panel.js';

interface ServicePanelProps {
  service: MonitorState['service'];
  now: number;
  windowMs: number;
  width: number;
  sparkWidth: number;
}

export const ServicePanel = memo(function ServicePanel({ service, now, windowMs, width, sparkWidth }: ServicePanelProps) {
  if (typeof service === 'string')
    return (
      <Panel label="Service" width={width} stale>
        <Line muted>{service === 'pending' ? 'finding the busiest other container…' : 'no other running container (name one with --service)'}</Line>
      </Panel>
    );
  const { reading } = service;
  const why = reading.chosen === 'busiest' ? 'busiest other container' : '--service';
  const usage =
    reading.state === 'gone'
      ? '✖ not running'
      : reading.sample === undefined
        ? 'measuring…'
        : `${formatPercent(reading.sample.cpuPercent)} CPU · ${formatBytes(reading.sample.memUsageBytes)}`;
  return (
    <Panel label="Service" width={width} stale={reading.state === 'gone'}>
      <Line>
        {reading.name} ({why}): {usage}
      </Line>
      <SparkLine spark={sparklineOverTime(service.cpuSeries, now, windowMs, sparkWidth)} note={`${windowNote(windowMs)}, CPU`} />
    </Panel>
  );
});
