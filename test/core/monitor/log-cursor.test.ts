import { describe, expect, it } from 'vitest';
import { logTimeKey, startCursor, takeNewLines } from '../../../src/core/monitor/log-cursor.js';
import type { LogLine } from '../../../src/core/snapshot.js';

const line = (t: string, text: string): LogLine => ({ stream: 'stdout', t, text });

describe('log cursor', () => {
  it('pads the fraction so string order is time order', () => {
    expect(logTimeKey('2026-11-23T08:00:05.5Z')).toBe('2026-11-23T08:00:05.500000000Z');
    expect(logTimeKey('2026-11-23T08:00:05Z') < logTimeKey('2026-11-23T08:00:05.000000001Z')).toBe(true);
  });

  it('returns only lines not returned before, though Docker repeats the last second', () => {
    const first = [line('2026-11-23T08:00:05.100000000Z', 'a'), line('2026-11-23T08:00:05.200000000Z', 'b')];
    const one = takeNewLines(startCursor(0), first);
    expect(one.fresh.map((l) => l.text)).toEqual(['a', 'b']);
    expect(one.cursor.sinceMs).toBe(Date.parse('2026-11-23T08:00:05.200Z'));
    // the next read starts at 08:00:05 (one-second resolution) and repeats a and b
    const two = takeNewLines(one.cursor, [...first, line('2026-11-23T08:00:06.000000000Z', 'c')]);
    expect(two.fresh.map((l) => l.text)).toEqual(['c']);
  });

  it('keeps a new line that carries the very same timestamp as the last one seen', () => {
    const t = '2026-11-23T08:00:05.100000000Z';
    const one = takeNewLines(startCursor(0), [line(t, 'a')]);
    const two = takeNewLines(one.cursor, [line(t, 'a'), line(t, 'a-twin')]);
    expect(two.fresh.map((l) => l.text)).toEqual(['a-twin']);
    expect(two.cursor.seenAtLastKey).toBe(2);
    expect(takeNewLines(two.cursor, [line(t, 'a'), line(t, 'a-twin')]).fresh).toEqual([]);
  });

  it('an empty read leaves the cursor as it was', () => {
    const c = startCursor(42);
    expect(takeNewLines(c, []).cursor).toBe(c);
  });
});
