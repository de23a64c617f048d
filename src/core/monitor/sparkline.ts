// Sparklines as plain strings: eight block heights, readable without colour. A column is a slice of
// time (not one sample), so the graph always spans the whole window, whatever the terminal width.
import type { Series } from './series.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * Splits [now - windowMs, now] into `width` columns and keeps the highest value in each (a spike must
 * not be averaged away); null where a column has no point or only gaps.
 */
export function columnsOverTime(series: Series, now: number, windowMs: number, width: number): (number | null)[] {
  const columns: (number | null)[] = Array.from({ length: Math.max(0, width) }, () => null);
  if (width <= 0 || windowMs <= 0) return columns;
  const start = now - windowMs;
  for (const p of series) {
    if (p.v === null || p.t < start || p.t > now) continue;
    const i = Math.min(width - 1, Math.floor(((p.t - start) / windowMs) * width));
    const cur = columns[i];
    columns[i] = cur === null || cur === undefined ? p.v : Math.max(cur, p.v);
  }
  return columns;
}

/**
 * One character per value: a blank for null, ▁ for zero and anything tiny, █ at or above `max`.
 * Without `max` the highest value sets the scale.
 */
export function sparkline(values: readonly (number | null)[], max?: number): string {
  const present = values.filter((v): v is number => v !== null);
  const top = max ?? Math.max(0, ...present);
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (top <= 0 || v <= 0) return BLOCKS[0];
      const level = Math.ceil((Math.min(v, top) / top) * BLOCKS.length) - 1;
      return BLOCKS[Math.max(0, level)];
    })
    .join('');
}

/** The series over the window, as a sparkline exactly `width` characters wide. */
export function sparklineOverTime(series: Series, now: number, windowMs: number, width: number, max?: number): string {
  return sparkline(columnsOverTime(series, now, windowMs, width), max);
}
