// Which log lines are new since the last poll. Docker's `since` has one-second resolution, so each
// read repeats the tail of the previous second; the cursor remembers the last timestamp and how many
// lines carried it, and skips exactly those (Docker returns lines in order).
import type { LogLine } from '../snapshot.js';

export interface LogCursor {
  /** ms since epoch to ask Docker from */
  sinceMs: number;
  /** the last timestamp seen, normalised so that string order is time order */
  lastKey: string;
  /** how many lines had `lastKey` */
  seenAtLastKey: number;
}

export function startCursor(sinceMs: number): LogCursor {
  return { sinceMs, lastKey: '', seenAtLastKey: 0 };
}

/**
 * RFC3339 with the fraction padded to nanoseconds: `…:05.5Z` and `…:05.123456789Z` then compare as
 * strings. Docker writes UTC with a fixed-width fraction; the padding guards against a trimmed one.
 */
export function logTimeKey(t: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(t);
  if (!m) return t;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}Z`;
}

export function takeNewLines(cursor: LogCursor, lines: readonly LogLine[]): { fresh: LogLine[]; cursor: LogCursor } {
  const fresh: LogLine[] = [];
  let skip = cursor.seenAtLastKey;
  for (const line of lines) {
    const key = logTimeKey(line.t);
    if (key < cursor.lastKey) continue;
    if (key === cursor.lastKey && skip > 0) {
      skip -= 1;
      continue;
    }
    fresh.push(line);
  }
  const last = fresh.at(-1);
  if (last === undefined) return { fresh, cursor };
  const lastKey = logTimeKey(last.t);
  const sameKey = fresh.filter((l) => logTimeKey(l.t) === lastKey).length;
  const parsed = Date.parse(last.t);
  return {
    fresh,
    cursor: {
      sinceMs: Number.isFinite(parsed) ? parsed : cursor.sinceMs,
      lastKey,
      seenAtLastKey: lastKey === cursor.lastKey ? cursor.seenAtLastKey + sameKey : sameKey,
    },
  };
}
