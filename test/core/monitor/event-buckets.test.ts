import { describe, expect, it } from 'vitest';
import { addLogLines, eventRates, pruneBuckets } from '../../../src/core/monitor/event-buckets.js';
import { PRIORITIES } from '../../../src/core/falco/parse/alert.js';
import type { LogLine } from '../../../src/core/snapshot.js';
import { fixture } from '../helpers/fixtures.js';

const NOW = Date.parse('2026-11-23T08:01:00Z');
const at = (secondsAgo: number, text: string): LogLine => ({ stream: 'stdout', t: new Date(NOW - secondsAgo * 1000).toISOString(), text });
const jsonAlert = fixture('samples/alert-json-read-sensitive-file.json').trim();
const textAlert = fixture('samples/alert-text-read-sensitive-file.txt').trim();
const textDrop = fixture('samples/drop-alert-text.txt').trim();
const jsonDrop = fixture('samples/drop-alert.json').trim();
const metrics = fixture('samples/metrics-snapshot-text.txt').trim();

describe('event buckets', () => {
  it('counts drop alerts and the events they report dropped, over the last minute', () => {
    const buckets = addLogLines([], [at(50, textDrop), at(20, jsonDrop), at(90, textDrop)], NOW);
    const rates = eventRates(buckets, NOW, PRIORITIES);
    expect(rates.dropAlertsPerMin).toBe(2);
    expect(rates.droppedInAlertsPerMin).toBe(146_905 + 275_160);
  });

  it('counts alerts by priority in Falco order and names the rules when the output carries them', () => {
    const buckets = addLogLines([], [at(5, jsonAlert), at(4, jsonAlert), at(3, textAlert), at(2, metrics)], NOW);
    const rates = eventRates(buckets, NOW, PRIORITIES);
    expect(rates.alertsPerMin).toEqual([{ priority: 'Warning', count: 3 }]);
    expect(rates.topRules).toEqual([{ rule: 'Read sensitive file untrusted', count: 2 }]);
    // the text alert has no rule name; the metrics snapshot is not a detection at all
    expect(rates.unnamedAlerts).toBe(1);
  });

  it('falls back to the poll time for a line without a usable timestamp', () => {
    const buckets = addLogLines([], [{ stream: 'stdout', t: 'garbage', text: textDrop }], NOW);
    expect(eventRates(buckets, NOW, PRIORITIES).dropAlertsPerMin).toBe(1);
  });

  it('prunes buckets older than the window and keeps the array when nothing is old', () => {
    const buckets = addLogLines([], [at(400, textDrop), at(10, textDrop)], NOW);
    const pruned = pruneBuckets(buckets, NOW, 300_000);
    expect(pruned).toHaveLength(1);
    expect(pruneBuckets(pruned, NOW, 300_000)).toBe(pruned);
  });
});
