// The fast path for one file_output JSON line, on offsets into the chunk (no per-line Buffer, no
// decoding): Falco writes its top-level keys sorted, so the line ends with `"time":"…"}` and the
// `rule` and `priority` keys are the last of their name before it. Lines of any other shape return
// false and take the general path (line-fields.ts), which gives the same answer more slowly.
const RULE = Buffer.from('"rule":"');
const PRIORITY = Buffer.from('"priority":"');
export const TIME = Buffer.from('"time":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
/** Longest priority name is "Informational". */
const MAX_PRIORITY = 16;
/** An ISO time with nanoseconds is 30 bytes; leave room for other formats. */
const MAX_TIME = 64;

export interface JsonSpans {
  ruleStart: number;
  ruleEnd: number;
  prioStart: number;
  prioEnd: number;
  timeStart: number;
  timeEnd: number;
  /** Start of `"priority":"X","rule":…` when the priority key sits right before the rule key, else -1. */
  tailStart: number;
  /** Start of the `"time":"` key. */
  timeKey: number;
}

export type JsonFast = 'ok' | 'general' | 'missing';

/**
 * Fills `out` for buf[start, end). 'general': not the usual shape, take the general path for this line;
 * 'missing': a native search went past the line start (so later ones in this chunk could be long).
 */
export function jsonSpans(buf: Buffer, start: number, end: number, out: JsonSpans): JsonFast {
  if (buf[end - 1] !== CLOSE_BRACE || buf[end - 2] !== QUOTE) return 'general';
  const timeEnd = end - 2;
  const floor = Math.max(start, timeEnd - MAX_TIME);
  let q = timeEnd - 1;
  for (; q >= floor; q--) {
    const b = buf[q];
    if (b === QUOTE) break;
    if (b === BACKSLASH) return 'general';
  }
  const timeKey = q - TIME.length + 1;
  if (q < floor || timeKey < start || !hasAt(buf, timeKey, TIME)) return 'general';
  // Walk back from the time key to the last `"rule":"`, noting any `"priority":"` on the way
  // (Falco writes priority just before rule, but the last one in the line is what counts).
  let r = -1;
  let p = -1;
  for (let j = timeKey - 1; j >= start; j--) {
    if (buf[j] !== QUOTE) continue;
    if (hasAt(buf, j, RULE)) {
      r = j;
      break;
    }
    if (p < 0 && hasAt(buf, j, PRIORITY)) p = j;
  }
  if (r < 0) return 'general';
  const ruleStart = r + RULE.length;
  let ruleEnd = ruleStart;
  while (ruleEnd < timeKey && buf[ruleEnd] !== QUOTE) {
    if (buf[ruleEnd] === BACKSLASH) return 'general';
    ruleEnd++;
  }
  if (ruleEnd >= timeKey) return 'general';
  let tailStart = -1;
  if (p < 0) tailStart = p = priorityBefore(buf, start, r);
  if (p < 0) {
    p = buf.lastIndexOf(PRIORITY, r - 1);
    if (p < start) return 'missing';
  }
  const prioStart = p + PRIORITY.length;
  let prioEnd = prioStart;
  while (prioEnd < timeKey && buf[prioEnd] !== QUOTE) {
    if (buf[prioEnd] === BACKSLASH) return 'general';
    prioEnd++;
  }
  if (prioEnd >= timeKey) return 'general';
  out.ruleStart = ruleStart;
  out.ruleEnd = ruleEnd;
  out.prioStart = prioStart;
  out.prioEnd = prioEnd;
  out.timeStart = q + 1;
  out.timeEnd = timeEnd;
  out.tailStart = tailStart;
  out.timeKey = timeKey;
  return 'ok';
}

/** `"priority":"X",` right before the rule key at r (Falco's key order), else -1. */
function priorityBefore(buf: Buffer, start: number, r: number): number {
  if (buf[r - 1] !== COMMA || buf[r - 2] !== QUOTE) return -1;
  const floor = Math.max(start, r - 2 - MAX_PRIORITY);
  for (let j = r - 3; j >= floor; j--) {
    const b = buf[j];
    if (b === BACKSLASH) return -1;
    if (b === QUOTE) {
      const p = j - PRIORITY.length + 1;
      return p >= start && hasAt(buf, p, PRIORITY) ? p : -1;
    }
  }
  return -1;
}

export function hasAt(buf: Buffer, at: number, marker: Buffer): boolean {
  for (let i = 0; i < marker.length; i++) if (buf[at + i] !== marker[i]) return false;
  return true;
}
