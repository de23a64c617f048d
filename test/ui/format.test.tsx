import { describe, expect, test } from 'vitest';
import { formatBytes, formatPercent, formatSeconds, formatTimeRange, progressBar } from '../../src/ui/format.js';

describe('format', () => {
  test('bytes in the units docker stats uses', () => {
    expect([formatBytes(512 * 1024), formatBytes(120 * 1024 * 1024), formatBytes(3 * 1024 ** 3)]).toEqual(['512 KiB', '120.0 MiB', '3.00 GiB']);
  });

  test('percent, seconds counted down to the whole second, progress bar clamped', () => {
    expect(formatPercent(138.456)).toBe('138.5%');
    expect(formatSeconds(9999)).toBe('9');
    expect([progressBar(0.42, 10), progressBar(2, 4), progressBar(-1, 4)]).toEqual(['[████░░░░░░]', '[████]', '[░░░░]']);
  });

  test('time ranges: the date once when it is one day, both dates across midnight, raw when unparsable', () => {
    expect(formatTimeRange('2025-06-01T12:00:00.000Z', '2025-06-01T12:00:10.000Z')).toBe('2025-06-01 12:00:00 → 12:00:10 UTC');
    expect(formatTimeRange('2025-06-01T23:59:55Z', '2025-06-02T00:00:05Z')).toBe('2025-06-01 23:59:55 → 2025-06-02 00:00:05 UTC');
    expect(formatTimeRange('yesterday', 'today')).toBe('yesterday → today');
  });
});
