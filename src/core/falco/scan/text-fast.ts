// The fast path for one text-output line, on offsets into the chunk: `HH:MM:SS.fffffffff: Priority
// message | fields` or `… message (fields)`. Handles ASCII lines in that shape, and returns false
// for anything else (ISO times, non-ASCII heads, no separator) so that the general path
// (line-fields.ts textFields) decides, with the same result.
import { PRIORITIES } from '../parse/alert.js';

const PRIORITY_BYTES = PRIORITIES.map((p) => Buffer.from(p));
/** textFields looks at the first 400 bytes of a line. */
export const HEAD = 400;
const SPACE = 0x20;
const COLON = 0x3a;
const DOT = 0x2e;
const PIPE = 0x7c;
const PAREN = 0x28;

export interface TextSpans {
  timeEnd: number;
  /** The priority is buf[timeEnd + 2, prioEnd). */
  prioEnd: number;
  keyStart: number;
  keyEnd: number;
  /** Where the key ends: at " | " (true) or " (" (false). */
  stop: number;
  pipe: boolean;
}

const isSpace = (b: number | undefined): boolean => b === SPACE || (b !== undefined && b >= 0x09 && b <= 0x0d);
/** For a byte known to be in the buffer: one compare instead of two (NaN and undefined are not bytes here). */
const digit = (b: number): boolean => (b - 0x30) >>> 0 <= 9;
/** "HH:MM:SS.f: " */
const SHORTEST = 12;

/** The end of `HH:MM:SS.f…` at the start of buf[start, end) when it is followed by ": ", else -1. */
export function textTimeEnd(buf: Buffer, start: number, end: number): number {
  const s = start;
  if (end - s < SHORTEST) return -1;
  if (!(
    digit(buf[s] as number) &&
    digit(buf[s + 1] as number) &&
    buf[s + 2] === COLON &&
    digit(buf[s + 3] as number) &&
    digit(buf[s + 4] as number) &&
    buf[s + 5] === COLON &&
    digit(buf[s + 6] as number) &&
    digit(buf[s + 7] as number) &&
    buf[s + 8] === DOT &&
    digit(buf[s + 9] as number)
  ))
    return -1;
  let i = s + 10;
  while (i < end && digit(buf[i] as number)) i++;
  return i + 1 < end && buf[i] === COLON && buf[i + 1] === SPACE ? i : -1;
}

export function textSpans(buf: Buffer, start: number, end: number, out: TextSpans): boolean {
  const s = start;
  const timeEnd = textTimeEnd(buf, start, end);
  if (timeEnd < 0) return false;
  let i = timeEnd + 2;
  let prioEnd = -1;
  for (let k = 0; k < PRIORITY_BYTES.length; k++) {
    const p = PRIORITY_BYTES[k] as Buffer;
    let j = 0;
    while (j < p.length && buf[i + j] === p[j]) j++;
    if (j === p.length && buf[i + j] === SPACE) {
      prioEnd = i + j;
      i += j + 1;
      break;
    }
  }
  if (prioEnd < 0) return false;
  const headEnd = Math.min(end, s + HEAD);
  if (i > headEnd) return false;
  let paren = -1;
  let stop = -1;
  for (let j = i; j < headEnd; j++) {
    const b = buf[j] as number;
    if (b >= 0x80) return false;
    if (b !== SPACE) continue;
    const n = buf[j + 1];
    if (n === PIPE && buf[j + 2] === SPACE && j + 2 < headEnd) {
      stop = j;
      break;
    }
    if (n === PAREN && paren < 0 && j + 1 < headEnd) paren = j;
  }
  const pipe = stop >= 0;
  if (!pipe) stop = paren;
  if (stop < 0) return false;
  let a = i;
  let b = stop;
  while (a < b && isSpace(buf[a])) a++;
  while (b > a && isSpace(buf[b - 1])) b--;
  out.timeEnd = timeEnd;
  out.prioEnd = prioEnd;
  out.keyStart = a;
  out.keyEnd = b;
  out.stop = stop;
  out.pipe = pipe;
  return true;
}
