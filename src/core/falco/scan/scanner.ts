// Streaming scanner for Falco event logs (file_output, JSON or text). Pure and incremental: feed it
// chunks of any size; it keeps only the partial last line, the counters and one entry per minute,
// so memory does not grow with the file.
//
// Speed: JS touches as few bytes as it can (a byte loop costs ~2 ns a byte, native memchr/memcmp a
// fraction of that). Lines are found with native search; a line whose ending (JSON) or head (text)
// is one already read exactly is matched with one memcmp (tails.ts); others are read on offsets
// (json-fast.ts, text-fast.ts) and, when not in Falco's usual shape, by the general path
// (line-fields.ts). All three give the same result. Only drop-alert lines are JSON.parsed.
import { parseDropAlert } from '../parse/drop-alert.js';
import type { ScanResult } from './result.js';
import { jsonFields, minuteOf, textFields } from './line-fields.js';
import { hasAt, jsonSpans, TIME, type JsonSpans } from './json-fast.js';
import { HEAD, textSpans, textTimeEnd, type TextSpans } from './text-fast.js';
import { CountingInterner } from './intern.js';
import { MinuteCounter } from './minutes.js';
import { SpanCache } from './tails.js';

export type { ScanResult } from './result.js';

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACE = 0x7b;
const MAX_TIME = 64;
const DROP_MARKER = Buffer.from('syscall event drop');
const DROP_RULE = 'Falco internal: syscall event drop';
const DROP_RULE_BYTES = Buffer.from(DROP_RULE);
const METRICS_TEXT = Buffer.from('Falco metrics snapshot');
const METRICS_KEY = 'Falco internal: metrics snapshot';
/** A "line" longer than this is not a Falco alert: count it malformed and skip to the next newline. */
const MAX_LINE = 16 * 1024 * 1024;

export class EventLogScanner {
  private carry: Buffer | null = null;
  private skipping = false;
  private lines = 0;
  private alerts = 0;
  private dropAlerts = 0;
  private malformed = 0;
  private json = 0;
  private text = 0;
  private readonly byRule = new Map<string, number>();
  private readonly byPriority = new Map<string, number>();
  private readonly rules = new CountingInterner();
  private readonly priorities = new CountingInterner();
  private readonly jsonTails = new SpanCache();
  private readonly textHeads = new SpanCache();
  private readonly minutes = new MinuteCounter();
  private readonly js: JsonSpans = { ruleStart: 0, ruleEnd: 0, prioStart: 0, prioEnd: 0, timeStart: 0, timeEnd: 0, tailStart: -1, timeKey: 0 };
  private readonly ts: TextSpans = { timeEnd: 0, prioEnd: 0, keyStart: 0, keyEnd: 0, stop: 0, pipe: false };
  /** Set when a native key search in this buffer ran past its line: the rest of the buffer takes the general path. */
  private general = false;
  /** The first backslash at or after `backslashFrom` in the current buffer (its length when none). */
  private backslashFrom = -1;
  private backslashAt = 0;
  private firstTime: string | null = null;
  private lastTime: string | null = null;
  /** The last time seen in the current buffer, decoded when the buffer is done. */
  private lastTimeBuf: Buffer | null = null;
  private lastTimeStart = 0;
  private lastTimeEnd = 0;

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.carry || this.skipping) {
      const nl = buf.indexOf(NEWLINE);
      if (nl < 0) {
        this.extendCarry(buf, 0, buf.length);
        return;
      }
      if (this.skipping) this.skipping = false;
      else {
        const joined = Buffer.concat([this.carry as Buffer, buf.subarray(0, nl)]);
        this.buffer(joined, 0, true);
      }
      this.carry = null;
      start = nl + 1;
    }
    start = this.buffer(buf, start, false);
    // Copy: the caller may reuse the chunk's memory.
    if (start < buf.length) this.extendCarry(buf, start, buf.length);
  }

  finish(): ScanResult {
    if (this.carry && !this.skipping) this.buffer(this.carry, 0, true);
    this.carry = null;
    const format = this.json > 0 && this.text > 0 ? 'mixed' : this.json > 0 ? 'json' : this.text > 0 ? 'text' : 'empty';
    return {
      lines: this.lines,
      alerts: this.alerts,
      byRule: Object.fromEntries(this.rules.addTo(new Map(this.byRule))),
      byPriority: Object.fromEntries(this.priorities.addTo(new Map(this.byPriority))),
      dropAlerts: this.dropAlerts,
      dropsOverTime: this.minutes.list(),
      firstTime: this.firstTime,
      lastTime: this.lastTime,
      malformed: this.malformed,
      format,
    };
  }

  /** Scans the complete lines of buf from `from` (and the last one too when `whole`); returns where the unfinished line starts. */
  private buffer(buf: Buffer, from: number, whole: boolean): number {
    this.general = false;
    this.backslashFrom = -1;
    let start = from;
    for (let nl = buf.indexOf(NEWLINE, start); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      this.line(buf, start, nl);
      start = nl + 1;
    }
    if (whole && start < buf.length) {
      this.line(buf, start, buf.length);
      start = buf.length;
    }
    if (this.lastTimeBuf) {
      this.lastTime = this.lastTimeBuf.toString('utf8', this.lastTimeStart, this.lastTimeEnd);
      this.lastTimeBuf = null;
    }
    return start;
  }

  private extendCarry(buf: Buffer, from: number, to: number): void {
    if (this.skipping) return;
    const len = (this.carry?.length ?? 0) + (to - from);
    if (len > MAX_LINE) {
      this.lines++;
      this.malformed++;
      this.carry = null;
      this.skipping = true;
      return;
    }
    const part = buf.subarray(from, to);
    this.carry = this.carry ? Buffer.concat([this.carry, part]) : Buffer.from(part);
  }

  private line(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === CR) end--;
    if (end === start) return;
    this.lines++;
    if (buf[start] === OPEN_BRACE) {
      if (!this.jsonKnownTail(buf, start, end)) this.jsonLine(buf, start, end);
    } else if (!this.textKnownHead(buf, start, end)) this.textLine(buf, start, end);
  }

  /** A JSON line ending in `"time":"T"}` after a tail read before: counted without reading it. */
  private jsonKnownTail(buf: Buffer, start: number, end: number): boolean {
    if (this.general || buf[end - 1] !== CLOSE_BRACE || buf[end - 2] !== QUOTE) return false;
    const timeEnd = end - 2;
    const q = buf.lastIndexOf(QUOTE, timeEnd - 1);
    const timeKey = q - TIME.length + 1;
    if (q < timeEnd - MAX_TIME || timeKey < start || !hasAt(buf, timeKey, TIME) || this.backslashAfter(buf, q) < timeEnd) return false;
    const tail = this.jsonTails.ending(buf, start, timeKey);
    if (!tail) return false;
    this.json++;
    this.alerts++;
    tail.rule.count++;
    tail.priority.count++;
    this.time(buf, q + 1, timeEnd, tail.drop ? this.drop(buf, start, end) : 0);
    return true;
  }

  private jsonLine(buf: Buffer, start: number, end: number): void {
    const fast = this.general ? 'general' : jsonSpans(buf, start, end, this.js);
    if (fast !== 'ok') {
      if (fast === 'missing') this.general = true;
      this.jsonGeneral(buf.subarray(start, end));
      return;
    }
    this.json++;
    this.alerts++;
    const s = this.js;
    const drop = s.ruleEnd - s.ruleStart === DROP_RULE_BYTES.length && startsWith(buf, s.ruleStart, s.ruleEnd, DROP_RULE_BYTES);
    const rule = this.rules.get(buf, s.ruleStart, s.ruleEnd);
    const priority = this.priorities.get(buf, s.prioStart, s.prioEnd);
    count(rule, buf, s.ruleStart, s.ruleEnd, this.byRule);
    count(priority, buf, s.prioStart, s.prioEnd, this.byPriority);
    if (rule && priority && s.tailStart >= 0)
      this.jsonTails.add({ bytes: Buffer.from(buf.subarray(s.tailStart, s.timeKey)), probe: s.ruleStart - s.tailStart, rule, priority, drop });
    this.time(buf, s.timeStart, s.timeEnd, drop ? this.drop(buf, start, end) : 0);
  }

  private jsonGeneral(line: Buffer): void {
    const f = jsonFields(line);
    if (f.rule === null || f.priority === null) {
      this.malformed++;
      return;
    }
    this.json++;
    const drops = f.rule === DROP_RULE ? this.drop(line, 0, line.length) : 0;
    this.count(f.rule, f.priority);
    if (f.time !== null) this.timeString(f.time, drops);
  }

  /** A text line whose head (priority and message up to " | ") was read before. */
  private textKnownHead(buf: Buffer, start: number, end: number): boolean {
    const timeEnd = textTimeEnd(buf, start, end);
    if (timeEnd < 0) return false;
    const head = this.textHeads.starting(buf, timeEnd + 2, Math.min(end, start + HEAD));
    if (!head) return false;
    this.text++;
    this.alerts++;
    head.rule.count++;
    head.priority.count++;
    this.time(buf, start, timeEnd, 0);
    return true;
  }

  private textLine(buf: Buffer, start: number, end: number): void {
    const s = this.ts;
    if (!textSpans(buf, start, end, s)) {
      this.textGeneral(buf.subarray(start, end));
      return;
    }
    this.text++;
    this.alerts++;
    const priority = this.priorities.get(buf, s.timeEnd + 2, s.prioEnd);
    count(priority, buf, s.timeEnd + 2, s.prioEnd, this.byPriority);
    let drops = 0;
    if (startsWith(buf, s.keyStart, s.keyEnd, DROP_RULE_BYTES)) {
      this.byRule.set(DROP_RULE, (this.byRule.get(DROP_RULE) ?? 0) + 1);
      const at = buf.indexOf(DROP_MARKER, start);
      if (at >= 0 && at + DROP_MARKER.length <= end) drops = this.drop(buf, start, end);
    } else if (startsWith(buf, s.keyStart, s.keyEnd, METRICS_TEXT)) this.byRule.set(METRICS_KEY, (this.byRule.get(METRICS_KEY) ?? 0) + 1);
    else {
      const rule = this.rules.get(buf, s.keyStart, s.keyEnd);
      count(rule, buf, s.keyStart, s.keyEnd, this.byRule);
      if (rule && priority && s.pipe)
        this.textHeads.add({ bytes: Buffer.from(buf.subarray(s.timeEnd + 2, s.stop + 3)), probe: s.keyStart - s.timeEnd - 2, rule, priority, drop: false });
    }
    this.time(buf, start, s.timeEnd, drops);
  }

  private textGeneral(line: Buffer): void {
    const f = textFields(line);
    if (!f) {
      this.malformed++;
      return;
    }
    this.text++;
    const drops = f.key === DROP_RULE && line.indexOf(DROP_MARKER) >= 0 ? this.drop(line, 0, line.length) : 0;
    this.count(f.key, f.priority);
    this.timeString(f.time, drops);
  }

  /** Drops reported by a drop-alert line (0 when it does not parse as one). */
  private drop(buf: Buffer, start: number, end: number): number {
    const d = parseDropAlert(buf.toString('utf8', start, end));
    if (!d) return 0;
    this.dropAlerts++;
    return d.nDrops;
  }

  /** The first backslash at or after `from` in buf (buf.length when none), remembered across the buffer's lines. */
  private backslashAfter(buf: Buffer, from: number): number {
    if (this.backslashFrom < 0 || from < this.backslashFrom || from > this.backslashAt) {
      const at = buf.indexOf(BACKSLASH, from);
      this.backslashFrom = from;
      this.backslashAt = at < 0 ? buf.length : at;
    }
    return this.backslashAt;
  }

  private count(rule: string, priority: string): void {
    this.alerts++;
    this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
    this.byPriority.set(priority, (this.byPriority.get(priority) ?? 0) + 1);
  }

  /** Time of the line just counted, as a byte range of buf. */
  private time(buf: Buffer, start: number, end: number, drops: number): void {
    if (this.firstTime === null) this.firstTime = buf.toString('utf8', start, end);
    this.lastTimeBuf = buf;
    this.lastTimeStart = start;
    this.lastTimeEnd = end;
    this.minutes.addBytes(buf, start, end, drops);
  }

  private timeString(time: string, drops: number): void {
    if (this.firstTime === null) this.firstTime = time;
    this.lastTime = time;
    this.lastTimeBuf = null;
    this.minutes.add(minuteOf(time), drops);
  }
}

/** Counts a value on its interned entry, or in `fallback` when the interner is full. */
function count(entry: { count: number } | null, buf: Buffer, start: number, end: number, fallback: Map<string, number>): void {
  if (entry) entry.count++;
  else {
    const v = buf.toString('utf8', start, end);
    fallback.set(v, (fallback.get(v) ?? 0) + 1);
  }
}

function startsWith(buf: Buffer, start: number, end: number, bytes: Buffer): boolean {
  if (end - start < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) return false;
  return true;
}
