// Circuit breaker: a doctor that keeps changing a security monitor is itself the incident. Counts the
// transactions that changed something in the last hour, from the journal (so every session counts).
import type { JournalEntry } from './journal-entry.js';

export const DEFAULT_MAX_CHANGES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

export function changesInLastHour(entries: readonly JournalEntry[], nowMs: number): JournalEntry[] {
  return entries.filter((e) => e.appliedAt !== null && nowMs - e.appliedAt < HOUR_MS && e.appliedAt <= nowMs);
}

/** null when one more change is allowed, else why not and when it will be. */
export function breakerRefusal(entries: readonly JournalEntry[], nowMs: number, max = DEFAULT_MAX_CHANGES_PER_HOUR): string | null {
  const recent = changesInLastHour(entries, nowMs);
  if (recent.length < max) return null;
  const oldest = Math.min(...recent.map((e) => e.appliedAt ?? nowMs));
  const waitMin = Math.ceil((oldest + HOUR_MS - nowMs) / 60_000);
  return `${recent.length} changes applied in the last hour (limit ${max}); the next is allowed in ${waitMin} min`;
}
