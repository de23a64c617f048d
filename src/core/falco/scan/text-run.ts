// The scanner's hot loop for text-output logs: counts consecutive lines whose head (priority and
// message up to " | ") is a known span — nearly every line of a text log — and stops at the first
// line it cannot count, which the scanner then reads the general way.
//
// Everything a line needs is written out in this one function on locals: the time check
// (textTimeEnd's), the head lookup and the 8-bytes-at-a-time compare (tails.ts), the minute. Split
// into calls, the same steps cost twice as much per line (measured: V8 does not inline them all), and
// a 1 GB log has 2.5 million lines. For the same reason the byte values are constants local to the
// function (V8 folds those; module-level bindings, as esbuild emits them, are loaded and checked
// on every use).
import type { Bucket, MinuteCounter } from './minutes.js';
import { FINGERPRINT_BYTES, FINGERPRINT_SHIFT, type Span, type SpanCache } from './tails.js';
import { DROP_MESSAGE_BACK, dropCountAt } from './text-drop.js';
import { HEAD } from './text-fast.js';

export interface TextRun {
  /** Lines counted. */
  lines: number;
  /** Of which drop alerts. */
  dropAlerts: number;
  /** The newline ending the line the run stopped at, or -1 when there was none in the buffer. */
  newline: number;
  /** Where the last counted line starts and its time ends. */
  lastStart: number;
  lastTimeEnd: number;
}

/** Counts the lines of buf from `from` while they are text alerts with a known head; returns where it stopped. */
export function textRun(buf: Buffer, view: DataView, from: number, heads: SpanCache, minutes: MinuteCounter, out: TextRun): number {
  const NEWLINE = 0x0a;
  const CR = 0x0d;
  const SPACE = 0x20;
  const COLON = 0x3a;
  const DOT = 0x2e;
  const ZERO = 0x30;
  /** "HH:MM:SS.f: " */
  const SHORTEST = 12;
  const headMax = HEAD;
  const fingerprintBytes = FINGERPRINT_BYTES;
  let s = from;
  let n = 0;
  let lastStart = 0;
  let lastTimeEnd = 0;
  // "HH:MM:SS" of the last counted line as a double (8 bytes in one compare): a line that starts
  // the same has a valid clock and is in the same minute. NaN (never equal) until then.
  let clock = NaN;
  // the current minute "HH:MM" (the colon is checked with the time) and its bucket
  let m0 = -1;
  let m1 = -1;
  let m3 = -1;
  let m4 = -1;
  let minute: Bucket | null = null;
  let dropAlerts = 0;
  out.newline = -1;
  for (;;) {
    const nl = buf.indexOf(NEWLINE, s);
    if (nl < 0) break;
    const end = nl > s && buf[nl - 1] === CR ? nl - 1 : nl;
    // textTimeEnd: HH:MM:SS.f… followed by ": " ((b - ZERO) >>> 0 <= 9: b is a digit, in one compare)
    let timeEnd = -1;
    const c = end - s >= SHORTEST ? view.getFloat64(s, true) : NaN;
    const sameClock = c === clock;
    if (
      (sameClock ||
        (c === c &&
          ((buf[s] as number) - ZERO) >>> 0 <= 9 &&
          ((buf[s + 1] as number) - ZERO) >>> 0 <= 9 &&
          buf[s + 2] === COLON &&
          ((buf[s + 3] as number) - ZERO) >>> 0 <= 9 &&
          ((buf[s + 4] as number) - ZERO) >>> 0 <= 9 &&
          buf[s + 5] === COLON &&
          ((buf[s + 6] as number) - ZERO) >>> 0 <= 9 &&
          ((buf[s + 7] as number) - ZERO) >>> 0 <= 9)) &&
      buf[s + 8] === DOT &&
      ((buf[s + 9] as number) - ZERO) >>> 0 <= 9
    ) {
      let i = s + 10;
      while (i < end && ((buf[i] as number) - ZERO) >>> 0 <= 9) i++;
      if (i + 1 < end && buf[i] === COLON && buf[i + 1] === SPACE) timeEnd = i;
    }
    // SpanCache.starting
    let head: Span | null = null;
    const h = timeEnd + 2;
    const limit = Math.min(end, s + headMax);
    if (timeEnd >= 0 && h + fingerprintBytes <= limit) {
      const bucket = heads.bucket((view.getUint32(h, true) ^ Math.imul(view.getUint32(h + 8, true), 0x9e3779b1)) >>> FINGERPRINT_SHIFT);
      if (bucket !== undefined) {
        for (let k = 0; k < bucket.length && head === null; k++) {
          const span = bucket[k] as Span;
          const len = span.len;
          if (h + len > limit) continue;
          const w = span.words;
          const last = w.length - 1;
          let q = 0;
          while (q < last && view.getFloat64(h + 8 * q, true) === w[q]) q++;
          if (q === last && view.getFloat64(h + len - 8, true) === w[last]) head = span;
        }
      }
    }
    // a drop alert: its head up to "…syscall event drop" is known and the rest is Falco's exact shape
    // (text-drop.ts: then textSpans would stop at its " (" and key it as the drop rule)
    let drops = -1;
    if (head === null && timeEnd >= 0) {
      const p = heads.prefixAt(view, h, limit);
      const d = p === null ? null : dropCountAt(buf, h + p.len - DROP_MESSAGE_BACK, end, s + headMax);
      if (d !== null) {
        head = p;
        drops = d;
      }
    }
    if (head === null) {
      out.newline = nl;
      break;
    }
    head.hits++;
    n++;
    if (sameClock) (minute as Bucket).alerts++;
    else {
      if (minute !== null && buf[s] === m0 && buf[s + 1] === m1 && buf[s + 3] === m3 && buf[s + 4] === m4) minute.alerts++;
      else {
        minute = minutes.addBytes(buf, s, timeEnd, 0);
        m0 = buf[s] as number;
        m1 = buf[s + 1] as number;
        m3 = buf[s + 3] as number;
        m4 = buf[s + 4] as number;
      }
      clock = c;
    }
    if (drops >= 0) {
      (minute as Bucket).drops += drops;
      dropAlerts++;
    }
    lastStart = s;
    lastTimeEnd = timeEnd;
    s = nl + 1;
  }
  out.lines = n;
  out.dropAlerts = dropAlerts;
  out.lastStart = lastStart;
  out.lastTimeEnd = lastTimeEnd;
  return s;
}
