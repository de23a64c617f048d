// Falco's CPU: of its quota (what decides throttling and drops), of the host (what the service
// feels), and how often the kernel throttled it.
import { memo } from 'react';
import { sparklineOverTime } from '../../core/monitor/sparkline.js';
import type { CpuView } from '../../core/monitor/state.js';
import { formatPercent } from '../format.js';
import { windowNote } from './layout.js';
import { Line, Panel, SparkLine } from './Panel.js';

interface CpuPanelProps {
  cpu: CpuView;
  hasQuota: boolean;
  now: number;
  windowMs: number;
  width: number;
  sparkWidth: number;
  stale: boolean;
}

export const CpuPanel = memo(function CpuPanel({ cpu, hasQuota, now, windowMs, width, sparkWidth, stale }: CpuPanelProps) {
  const r = cpu.latest;
  const parts =
    r === null
      ? ['measuring…']
      : [
          r.ofQuota === null ? 'no CPU limit' : `${formatPercent(r.ofQuota)} of quota`,
          `${formatPercent(r.ofHost)} of host`,
          ...(r.throttled === null ? [] : [`throttled ${Math.round(r.throttled)}%`]),
        ];
  return (
    <Panel label="CPU" width={width} stale={stale}>
      <Line muted={stale}>{parts.join(' · ')}</Line>
      <SparkLine
        spark={sparklineOverTime(cpu.series, now, windowMs, sparkWidth, hasQuota ? 100 : undefined)}
        note={`${windowNote(windowMs)}${hasQuota ? ', of quota' : ', of host'}`}
      />
    </Panel>
  );
});
