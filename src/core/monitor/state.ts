// The monitor's state and its reducer over poll ticks. A tick that brings nothing new returns the
// same state object, and parts that did not change keep their identity: the screen (memoised on
// those parts) then does no work at all.
import type { LogLine, StatsSample } from '../snapshot.js';
import { PRIORITIES } from '../falco/parse/alert.js';
import { parseMetricsSnapshot } from '../falco/parse/metrics-snapshot.js';
import { addLogLines, eventRates, pruneBuckets, type EventBucket, type EventRates } from './event-buckets.js';
import { cpuReading, kernelRates, memoryReading, type CpuReading, type KernelRates, type MemoryReading } from './resources.js';
import { pushPoint, type Series } from './series.js';
import type { KernelCounters, MonitorTick, SelfUsage, ServiceReading, TargetHeader, TargetStatus } from './types.js';

export const DEFAULT_WINDOW_MS = 5 * 60_000;
/** Log lines kept for the log view: more than any terminal shows at once. */
export const RECENT_LOG_LINES = 200;

export interface CpuView {
  latest: CpuReading | null;
  /** % of quota when there is a limit, else % of the host: the number that says "too much" */
  series: Series;
}

export interface MemoryView {
  latest: MemoryReading | null;
  /** usage in bytes */
  series: Series;
}

export interface EventsView {
  rates: EventRates;
  kernel: KernelRates | null;
  /** kernel drops per second, from /metrics */
  dropSeries: Series;
}

export interface ServiceView {
  reading: ServiceReading;
  cpuSeries: Series;
}

export interface MonitorState {
  windowMs: number;
  /** time of the last tick */
  now: number;
  status: TargetStatus;
  header: TargetHeader | null;
  cpu: CpuView;
  memory: MemoryView;
  events: EventsView;
  /** pending: not chosen yet; none: no other container runs */
  service: ServiceView | 'pending' | 'none';
  self: SelfUsage | null;
  recentLog: readonly LogLine[];
  // accumulators, not shown
  lastFalco: StatsSample | null;
  lastCounters: KernelCounters | null;
  buckets: readonly EventBucket[];
}

const NO_RATES: EventRates = { dropAlertsPerMin: 0, droppedInAlertsPerMin: 0, alertsPerMin: [], topRules: [], unnamedAlerts: 0 };

export function initialMonitorState(windowMs = DEFAULT_WINDOW_MS): MonitorState {
  return {
    windowMs,
    now: 0,
    status: { state: 'ok', detail: 'connecting' },
    header: null,
    cpu: { latest: null, series: [] },
    memory: { latest: null, series: [] },
    events: { rates: NO_RATES, kernel: null, dropSeries: [] },
    service: 'pending',
    self: null,
    recentLog: [],
    lastFalco: null,
    lastCounters: null,
    buckets: [],
  };
}

export function reduceMonitor(state: MonitorState, tick: MonitorTick): MonitorState {
  let next = state;
  const set = <K extends keyof MonitorState>(key: K, value: MonitorState[K]) => {
    if (!sameValue(next[key], value)) next = { ...next, [key]: value };
  };
  set('status', tick.status);
  if (tick.header !== undefined && !sameValue(state.header, tick.header)) {
    // a new container start: its counters and CPU readings start over
    next = { ...next, header: tick.header, lastFalco: null, lastCounters: null };
  }
  if (tick.status.state !== 'ok' && state.status.state === 'ok') {
    // a gap in the graphs rather than a line that pretends the last value held
    const gap = { t: tick.t, v: null };
    set('cpu', { ...next.cpu, series: pushPoint(next.cpu.series, gap, state.windowMs) });
    set('memory', { ...next.memory, series: pushPoint(next.memory.series, gap, state.windowMs) });
    next = { ...next, lastFalco: null };
  }
  if (tick.falco !== undefined) next = withFalcoSample(next, tick.falco, tick.t);
  if (tick.service !== undefined) set('service', serviceView(next.service, tick.service, tick.t, state.windowMs));
  if (tick.counters !== undefined) next = withCounters(next, tick.counters);
  // Without /metrics, the metrics snapshots Falco logs (metrics.output_rule) carry the same counters
  if (next.header?.prometheus === false && tick.logLines) for (const c of snapshotCounters(tick.logLines)) next = withCounters(next, c);
  if (tick.logLines !== undefined && tick.logLines.length > 0) {
    next = {
      ...next,
      buckets: addLogLines(next.buckets, tick.logLines, tick.t),
      recentLog: [...next.recentLog, ...tick.logLines].slice(-RECENT_LOG_LINES),
    };
  }
  if (tick.self !== undefined) set('self', tick.self);
  // rates slide with time even when no line arrived: recompute once per tick that moved the clock
  if (tick.t !== state.now) {
    const buckets = pruneBuckets(next.buckets, tick.t, state.windowMs);
    const rates = eventRates(buckets, tick.t, PRIORITIES);
    next = { ...next, now: tick.t, buckets };
    if (!sameValue(next.events.rates, rates)) next = { ...next, events: { ...next.events, rates } };
  }
  return next;
}

function withFalcoSample(state: MonitorState, sample: StatsSample, t: number): MonitorState {
  const cpu = cpuReading(sample, state.lastFalco, state.header);
  const memory = memoryReading(sample, state.header);
  return {
    ...state,
    lastFalco: sample,
    cpu: { latest: cpu, series: pushPoint(state.cpu.series, { t, v: cpu.ofQuota ?? cpu.ofHost }, state.windowMs) },
    memory: { latest: memory, series: pushPoint(state.memory.series, { t, v: memory.usageBytes }, state.windowMs) },
  };
}

/** The kernel counters of each metrics snapshot among the lines, dated by the snapshot's own evt.time. */
function snapshotCounters(lines: readonly LogLine[]): KernelCounters[] {
  const out: KernelCounters[] = [];
  for (const line of lines) {
    const m = parseMetricsSnapshot(line.text);
    if (!m || m.timeMs === null) continue;
    const num = (k: string) => (typeof m.fields[k] === 'number' ? (m.fields[k] as number) : null);
    out.push({ t: m.timeMs, events: num('scap.n_evts'), drops: num('scap.n_drops'), source: 'snapshots' });
  }
  return out;
}

function withCounters(state: MonitorState, counters: KernelCounters): MonitorState {
  const prev = state.lastCounters;
  const rates = prev ? kernelRates(counters, prev) : null;
  if (rates === null) return { ...state, lastCounters: counters };
  const kernel: KernelRates = counters.source ? { ...rates, source: counters.source } : rates;
  const dropSeries =
    kernel.dropsPerSec === null ? state.events.dropSeries : pushPoint(state.events.dropSeries, { t: counters.t, v: kernel.dropsPerSec }, state.windowMs);
  return { ...state, lastCounters: counters, events: { ...state.events, kernel, dropSeries } };
}

function serviceView(prev: MonitorState['service'], reading: ServiceReading | null, t: number, windowMs: number): MonitorState['service'] {
  if (reading === null) return 'none';
  const series = typeof prev === 'object' && prev.reading.name === reading.name ? prev.cpuSeries : [];
  const cpu = reading.state === 'ok' ? (reading.sample?.cpuPercent ?? null) : null;
  // no sample yet (first reading) adds nothing; gone adds a gap
  const cpuSeries = reading.state === 'ok' && cpu === null ? series : pushPoint(series, { t, v: cpu }, windowMs);
  return { reading, cpuSeries };
}

/** Structural equality for the small plain objects of a tick (no functions, no cycles). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
