// The live monitor behind the home screen: pure state over poll ticks, and sparklines.
export type { KernelCounters, MonitorTick, SelfUsage, ServiceReading, TargetHeader, TargetState, TargetStatus } from './types.js';
export { TARGET_STATES } from './types.js';
export {
  initialMonitorState,
  reduceMonitor,
  DEFAULT_WINDOW_MS,
  RECENT_LOG_LINES,
  type MonitorState,
  type CpuView,
  type MemoryView,
  type EventsView,
  type ServiceView,
} from './state.js';
export { sparkline, sparklineOverTime, columnsOverTime } from './sparkline.js';
export { pushPoint, latest, type Point, type Series } from './series.js';
export { startCursor, takeNewLines, logTimeKey, type LogCursor } from './log-cursor.js';
export { pickBusiest, type ServiceCandidate } from './busiest.js';
export { cpuReading, memoryReading, kernelRates, type CpuReading, type MemoryReading, type KernelRates } from './resources.js';
export { eventRates, BUCKET_MS, type EventBucket, type EventRates } from './event-buckets.js';
