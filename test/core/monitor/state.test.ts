import { describe, expect, it } from 'vitest';
import { initialMonitorState, reduceMonitor, type MonitorState } from '../../../src/core/monitor/state.js';
import type { MonitorTick } from '../../../src/core/monitor/types.js';
import { fixture } from '../helpers/fixtures.js';
import { header, MIB, ok, stats, T0, tick } from './fixtures.js';

const run = (ticks: MonitorTick[], from: MonitorState = initialMonitorState()) => ticks.reduce(reduceMonitor, from);
const dropLine = (secondsIn: number) => ({
  stream: 'stdout' as const,
  t: new Date(T0 + secondsIn * 1000).toISOString(),
  text: fixture('samples/drop-alert-text.txt').trim(),
});

describe('monitor reducer', () => {
  it('reads CPU against the quota and the host, and throttling between two samples', () => {
    const s = run([tick(0, { header, falco: stats(T0, 10, 100, 100, 0) }), tick(2, { falco: stats(T0 + 2000, 18, 100, 120, 5) })]);
    // 18% of one core is 90% of a 0.2 CPU quota and 9% of a 2-core host; 5 of 20 periods throttled
    expect(s.cpu.latest).toEqual({ ofQuota: 90, ofHost: 9, throttled: 25 });
    expect(s.cpu.series.map((p) => p.v)).toEqual([50, 90]);
  });

  it('reads memory against the limit with the ring buffers as a share of it', () => {
    const s = run([tick(0, { header, falco: stats(T0, 5, 460) })]);
    expect(s.memory.latest).toEqual({
      usageBytes: 460 * MIB,
      limitBytes: 512 * MIB,
      ofLimit: (460 / 512) * 100,
      ringBufferBytes: 256 * MIB,
      ringShare: (256 / 460) * 100,
    });
  });

  it('turns /metrics counters into kernel rates, and skips a counter reset', () => {
    const s = run([tick(0, { header, counters: { t: T0, events: 1000, drops: 0 } }), tick(5, { counters: { t: T0 + 5000, events: 56_000, drops: 2500 } })]);
    expect(s.events.kernel).toEqual({ eventsPerSec: 11_000, dropsPerSec: 500 });
    const reset = reduceMonitor(s, tick(10, { counters: { t: T0 + 10_000, events: 10, drops: 0 } }));
    expect(reset.events.kernel).toEqual(s.events.kernel);
  });

  it('without /metrics, the metrics snapshots in the log give the kernel rates (real 0.42.1 snapshot lines)', () => {
    const base = fixture('samples/metrics-snapshot-text.txt').trim();
    const at = (ns: bigint, evts: number, drops: number) => ({
      stream: 'stdout' as const,
      t: new Date(Number(ns / 1_000_000n)).toISOString(),
      text: base
        .replace(/evt\.time=\d+/, `evt.time=${ns}`)
        .replace(/scap\.n_evts=\d+/, `scap.n_evts=${evts}`)
        .replace(/scap\.n_drops=\d+/, `scap.n_drops=${drops}`),
    });
    const t0 = BigInt(T0) * 1_000_000n;
    const s = run([tick(0, { header: { ...header, prometheus: false } }), tick(10, { logLines: [at(t0, 1000, 0), at(t0 + 5_000_000_000n, 126_000, 4000)] })]);
    expect(s.events.kernel).toEqual({ eventsPerSec: 25_000, dropsPerSec: 800, source: 'snapshots' });
  });

  it('counts drop alerts per minute from new log lines, sliding with time', () => {
    const s = run([tick(0, { header }), tick(10, { logLines: [dropLine(3), dropLine(8)] })]);
    expect(s.events.rates.dropAlertsPerMin).toBe(2);
    expect(s.recentLog).toHaveLength(2);
    expect(reduceMonitor(s, tick(66)).events.rates.dropAlertsPerMin).toBe(0);
  });

  it('returns the very same state for a tick that brings nothing new', () => {
    const s = run([tick(0, { header, falco: stats(T0, 5, 100), self: { cpuPercent: 0.5, rssBytes: 60 * MIB } })]);
    expect(reduceMonitor(s, tick(0))).toBe(s);
    expect(reduceMonitor(s, tick(0, { header: { ...header } }))).toBe(s);
  });

  it('keeps the identity of parts a tick did not touch (memoised panels skip work)', () => {
    const s = run([tick(0, { header, falco: stats(T0, 5, 100) })]);
    const next = reduceMonitor(s, tick(2, { self: { cpuPercent: 1, rssBytes: 50 * MIB } }));
    expect(next.cpu).toBe(s.cpu);
    expect(next.memory).toBe(s.memory);
    expect(next.events).toBe(s.events);
    expect(next.header).toBe(s.header);
  });

  it('marks the target gone with a gap in the graphs, and starts over on a new container start', () => {
    const s = run([tick(0, { header, falco: stats(T0, 10, 100) }), tick(2, { status: { state: 'gone', detail: 'exited (exit code 0)' } })]);
    expect(s.status).toEqual({ state: 'gone', detail: 'exited (exit code 0)' });
    expect(s.cpu.series.at(-1)).toEqual({ t: T0 + 2000, v: null });
    expect(s.cpu.latest).not.toBeNull(); // the last values stay on screen
    const back = reduceMonitor(s, tick(4, { header: { ...header, startedAt: '2026-11-23T08:00:03Z' }, falco: stats(T0 + 4000, 4, 90, 10, 0) }));
    expect(back.status).toEqual(ok);
    expect(back.cpu.latest?.throttled).toBeNull(); // no previous sample of this start
  });

  it('knows the service is pending, absent, or watched', () => {
    expect(initialMonitorState().service).toBe('pending');
    expect(reduceMonitor(initialMonitorState(), tick(0, { service: null })).service).toBe('none');
    const s = run([
      tick(0, { service: { name: 'bot', chosen: 'busiest', state: 'ok' } }),
      tick(2, { service: { name: 'bot', chosen: 'busiest', state: 'ok', sample: stats(T0 + 2000, 30, 40) } }),
      tick(4, { service: { name: 'bot', chosen: 'busiest', state: 'gone' } }),
    ]);
    expect(typeof s.service === 'object' && s.service.cpuSeries.map((p) => p.v)).toEqual([30, null]);
  });

  it('keeps only the newest log lines for the log view', () => {
    const lines = Array.from({ length: 250 }, (_, i) => ({ stream: 'stderr' as const, t: new Date(T0 + i).toISOString(), text: `line ${i}` }));
    const s = reduceMonitor(initialMonitorState(), tick(1, { logLines: lines }));
    expect(s.recentLog).toHaveLength(200);
    expect(s.recentLog[0]?.text).toBe('line 50');
  });
});
