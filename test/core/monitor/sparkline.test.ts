import { describe, expect, it } from 'vitest';
import { columnsOverTime, sparkline, sparklineOverTime } from '../../../src/core/monitor/sparkline.js';
import { latest, pushPoint, type Series } from '../../../src/core/monitor/series.js';

describe('sparkline', () => {
  it('maps values onto eight heights against a fixed maximum', () => {
    expect(sparkline([0, 12.5, 25, 50, 75, 100, 150], 100)).toBe('▁▁▂▄▆██');
  });

  it('scales to the highest value without a maximum, and draws gaps as blanks', () => {
    expect(sparkline([1, null, 2, 4])).toBe('▂ ▄█');
  });

  it('is all floor for all-zero input, and empty for no input', () => {
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });
});

describe('columns over time', () => {
  const series: Series = [
    { t: 1000, v: 10 },
    { t: 1500, v: 30 }, // same column as t=1000: the spike wins
    { t: 9000, v: 5 },
  ];

  it('spans the whole window whatever the width, keeping the highest value of each column', () => {
    expect(columnsOverTime(series, 10_000, 10_000, 5)).toEqual([30, null, null, null, 5]);
  });

  it('ignores points outside the window and gap points', () => {
    expect(
      columnsOverTime(
        [
          { t: -1, v: 99 },
          { t: 5000, v: null },
        ],
        10_000,
        10_000,
        2,
      ),
    ).toEqual([null, null]);
  });

  it('renders exactly `width` characters', () => {
    const line = sparklineOverTime(series, 10_000, 10_000, 40, 100);
    expect([...line]).toHaveLength(40);
  });
});

describe('rolling series', () => {
  it('drops points older than the window', () => {
    let s: Series = [];
    for (const t of [0, 1000, 2000, 3000]) s = pushPoint(s, { t, v: t }, 1500);
    expect(s.map((p) => p.t)).toEqual([2000, 3000]);
  });

  it('latest skips gaps', () => {
    expect(
      latest([
        { t: 1, v: 4 },
        { t: 2, v: null },
      ]),
    ).toBe(4);
    expect(latest([])).toBeNull();
  });
});
