// Falco's memory against its limit, and the part the kernel ring buffers take: the one part the
// config decides (buf_size_preset), so the first thing to look at when memory runs near the limit.
import { memo } from 'react';
import { sparklineOverTime } from '../../core/monitor/sparkline.js';
import type { MemoryView } from '../../core/monitor/state.js';
import { formatBytes } from '../format.js';
import { windowNote } from './layout.js';
import { Line, Panel, SparkLine } from './Panel.js';

interface MemoryPanelProps {
  memory: MemoryView;
  now: number;
  windowMs: number;
  width: number;
  sparkWidth: number;
  stale: boolean;
}

export const MemoryPanel = memo(function MemoryPanel({ memory, now, windowMs, width, sparkWidth, stale }: MemoryPanelProps) {
  const r = memory.latest;
  const usage =
    r === null
      ? 'measuring…'
      : r.limitBytes === null
        ? `${formatBytes(r.usageBytes)} (no limit)`
        : `${formatBytes(r.usageBytes)} of ${formatBytes(r.limitBytes)} (${Math.round(r.ofLimit ?? 0)}%)`;
  const rings =
    r?.ringBufferBytes == null ? null : `rings ${formatBytes(r.ringBufferBytes)}${r.ringShare === null ? '' : ` = ${Math.round(r.ringShare)}% of it`}`;
  return (
    <Panel label="Memory" width={width} stale={stale}>
      <Line muted={stale}>{rings === null ? usage : `${usage} · ${rings}`}</Line>
      <SparkLine
        spark={sparklineOverTime(memory.series, now, windowMs, sparkWidth, r?.limitBytes ?? undefined)}
        note={`${windowNote(windowMs)}${r?.limitBytes ? ', of limit' : ''}`}
      />
    </Panel>
  );
});
