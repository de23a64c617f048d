// A rolling time series: the last `windowMs` of points, oldest first. A null value is a gap (the
// target was gone), drawn as a blank in the sparkline rather than as a fall to zero.
export interface Point {
  t: number;
  v: number | null;
}

export type Series = readonly Point[];

export function pushPoint(series: Series, point: Point, windowMs: number): Series {
  const from = point.t - windowMs;
  const kept = series[0] !== undefined && series[0].t < from ? series.filter((p) => p.t >= from) : series;
  return [...kept, point];
}

/** The latest non-gap value, or null. */
export function latest(series: Series): number | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i]?.v;
    if (v !== null && v !== undefined) return v;
  }
  return null;
}
