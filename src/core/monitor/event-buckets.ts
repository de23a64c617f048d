// Alerts and drop alerts counted in 5-second buckets by the time Falco logged them: memory stays
// bounded however loud Falco gets, and a per-minute rate is a sum over the last twelve buckets.
import type { LogLine } from '../snapshot.js';
import { parseAlertLine } from '../falco/parse/alert.js';
import { parseDropAlert } from '../falco/parse/drop-alert.js';

export const BUCKET_MS = 5000;

export interface EventBucket {
  start: number;
  dropAlerts: number;
  /** n_drops of the drop alerts: events dropped in the second before each alert */
  droppedInAlerts: number;
  byPriority: Readonly<Record<string, number>>;
  byRule: Readonly<Record<string, number>>;
  /** alerts whose rule the output does not name (text output carries no rule name) */
  unnamed: number;
}

// Falco's own alerts (drop reports, metrics snapshots) are not detections: they have their own line.
const INTERNAL_RULE = /^Falco internal:/;

function emptyBucket(start: number): EventBucket {
  return { start, dropAlerts: 0, droppedInAlerts: 0, byPriority: {}, byRule: {}, unnamed: 0 };
}

const inc = (counts: Readonly<Record<string, number>>, key: string): Record<string, number> => ({ ...counts, [key]: (counts[key] ?? 0) + 1 });

/** Adds the lines to their buckets; `fallbackT` dates a line whose timestamp does not parse. */
export function addLogLines(buckets: readonly EventBucket[], lines: readonly LogLine[], fallbackT: number): EventBucket[] {
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  for (const line of lines) {
    const parsed = Date.parse(line.t);
    const start = Math.floor((Number.isFinite(parsed) ? parsed : fallbackT) / BUCKET_MS) * BUCKET_MS;
    const bucket = byStart.get(start) ?? emptyBucket(start);
    const next = countLine(bucket, line.text);
    if (next !== bucket) byStart.set(start, next);
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

function countLine(bucket: EventBucket, text: string): EventBucket {
  const drop = parseDropAlert(text);
  if (drop) return { ...bucket, dropAlerts: bucket.dropAlerts + 1, droppedInAlerts: bucket.droppedInAlerts + drop.nDrops };
  const alert = parseAlertLine(text);
  if (!alert || (alert.rule !== null && INTERNAL_RULE.test(alert.rule))) return bucket;
  return {
    ...bucket,
    byPriority: inc(bucket.byPriority, alert.priority),
    ...(alert.rule === null ? { unnamed: bucket.unnamed + 1 } : { byRule: inc(bucket.byRule, alert.rule) }),
  };
}

export function pruneBuckets(buckets: readonly EventBucket[], now: number, windowMs: number): readonly EventBucket[] {
  const from = now - windowMs;
  return buckets[0] !== undefined && buckets[0].start + BUCKET_MS <= from ? buckets.filter((b) => b.start + BUCKET_MS > from) : buckets;
}

export interface EventRates {
  dropAlertsPerMin: number;
  droppedInAlertsPerMin: number;
  /** alerts per minute by Falco priority, highest priority first, only those seen */
  alertsPerMin: readonly { priority: string; count: number }[];
  /** rules by alerts over the whole window, most first */
  topRules: readonly { rule: string; count: number }[];
  /** alerts in the window whose rule name is unknown (text output) */
  unnamedAlerts: number;
}

const MINUTE = 60_000;

export function eventRates(buckets: readonly EventBucket[], now: number, priorities: readonly string[], topN = 5): EventRates {
  const lastMinute = buckets.filter((b) => b.start > now - MINUTE && b.start <= now);
  const byPriority: Record<string, number> = {};
  for (const b of lastMinute) for (const [p, n] of Object.entries(b.byPriority)) byPriority[p] = (byPriority[p] ?? 0) + n;
  const byRule: Record<string, number> = {};
  for (const b of buckets) for (const [r, n] of Object.entries(b.byRule)) byRule[r] = (byRule[r] ?? 0) + n;
  const rank = (p: string) => (priorities.includes(p) ? priorities.indexOf(p) : priorities.length);
  return {
    dropAlertsPerMin: lastMinute.reduce((s, b) => s + b.dropAlerts, 0),
    droppedInAlertsPerMin: lastMinute.reduce((s, b) => s + b.droppedInAlerts, 0),
    alertsPerMin: Object.entries(byPriority)
      .map(([priority, count]) => ({ priority, count }))
      .sort((a, b) => rank(a.priority) - rank(b.priority) || a.priority.localeCompare(b.priority)),
    topRules: Object.entries(byRule)
      .map(([rule, count]) => ({ rule, count }))
      .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
      .slice(0, topN),
    unnamedAlerts: buckets.reduce((s, b) => s + b.unnamed, 0),
  };
}
