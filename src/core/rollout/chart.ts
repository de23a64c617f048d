// The small terminal chart: one row per measured window (baseline, then each phase), a bar for the
// service latency and one for CPU, on a common scale, plus the latency trend of each window as a
// sparkline. Plain text, readable without colour.
import { sparkline } from '../monitor/sparkline.js';
import { statistic, type Statistic } from './stats.js';
import { values, type MeasureWindow } from './window.js';

export interface ChartRow {
  label: string;
  window: MeasureWindow;
}

const BAR = 16;

function bar(v: number | null, max: number): string {
  if (v === null || !Number.isFinite(v) || max <= 0) return ' '.repeat(BAR);
  const cells = Math.max(v > 0 ? 1 : 0, Math.round((v / max) * BAR));
  return '█'.repeat(Math.min(BAR, cells)).padEnd(BAR, '·');
}

export function renderChart(rows: readonly ChartRow[], stat: Statistic): string {
  const lat = rows.map((r) => (values(r.window, 'latencyMs').length ? statistic(values(r.window, 'latencyMs'), stat) : null));
  const cpu = rows.map((r) => (values(r.window, 'cpuPercent').length ? statistic(values(r.window, 'cpuPercent'), 'mean') : null));
  const maxLat = Math.max(0, ...lat.filter((v): v is number => v !== null));
  const maxCpu = Math.max(0, ...cpu.filter((v): v is number => v !== null));
  const width = Math.max(8, ...rows.map((r) => r.label.length));
  const head = `${''.padEnd(width)}  ${`${stat} latency`.padEnd(BAR + 10)}  ${'CPU Falco+service'.padEnd(BAR + 8)}  latency trend`;
  const lines = rows.map((r, i) => {
    const l = lat[i] ?? null;
    const c = cpu[i] ?? null;
    const trend = sparkline(r.window.trend.map((p) => p.latencyMs).slice(-24));
    return `${r.label.padEnd(width)}  ${bar(l, maxLat)} ${(l === null ? '–' : `${l.toFixed(2)} ms`).padStart(9)}  ${bar(c, maxCpu)} ${(c === null ? '–' : `${c.toFixed(1)} %`).padStart(7)}  ${trend}`;
  });
  return [head, ...lines].join('\n');
}
