// Streaming scanner for Falco event logs (file_output, JSON or text). Pure and incremental: feed it
// chunks of any size; it keeps only the partial last line, the counters and one entry per minute,
// so memory does not grow with the file.
//
// Speed: JS touches as few bytes as it can (a byte loop costs ~2 ns a byte, native memchr a fraction
// of that). Lines are found with native search; a line whose ending (JSON) or head (text) is one
// already read exactly is matched 8 bytes at a time (tails.ts) — for text, consecutive such lines are
// counted in one tight loop (text-run.ts), drop alerts in Falco's exact shape included
// (text-drop.ts); others are read on offsets (json-fast.ts, text-fast.ts) and, when not in Falco's
// usual shape, by the general path (line-fields.ts). All give the same result. Only JSON drop-alert
// lines, and text ones not in Falco's exact shape, are parsed by parseDropAlert.
import { parseDropAlert } from '../parse/drop-alert.js';
import type { ScanResult } from './result.js';
import { isFalcoOwnLine } from './falco-lines.js';
import { jsonFields, minuteOf, textFields } from './line-fields.js';
import { hasAt, jsonSpans, TIME, type JsonSpans } from './json-fast.js';
import { HEAD, textSpans, textTimeEnd, type TextSpans } from './text-fast.js';
import { CountingInterner, type Counted } from './intern.js';
import { MinuteCounter } from './minutes.js';
import { SpanCache } from './tails.js';
import { DROP_MESSAGE_BACK, dropCountAt, textDropCount } from './text-drop.js';
import { textRun, type TextRun } from './text-run.js';

export type { ScanResult } from './result.js';

// Every Buffer#indexOf/lastIndexOf in the scanner passes a numeric offset: one call without (an
// undefined offset) makes the type feedback of Node's shared bidirectionalIndexOf generic, and the
// per-line newline search with it (measured: ~15 % slower text scan).
const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACE = 0x7b;
const MAX_TIME = 64;
const digit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;
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
  private falcoLines = 0;
  private json = 0;
  private text = 0;
  private readonly byRule = new Map<string, number>();
  private readonly byPriority = new Map<string, number>();
  private readonly rules = new CountingInterner();
  private readonly priorities = new CountingInterner();
  private readonly jsonTails = new SpanCache();
  private readonly textHeads = new SpanCache();
  /** The buffer being scanned, as a DataView (tails.ts compares 8 bytes at a time through it). */
  private view: DataView = new DataView(new ArrayBuffer(0));
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
  /** Set by textRun: the newline ending the line it stopped at, or -1. */
  private runNewline = -1;
  private readonly run: TextRun = { lines: 0, dropAlerts: 0, newline: -1, lastStart: 0, lastTimeEnd: 0 };

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.carry || this.skipping) {
      const nl = buf.indexOf(NEWLINE, 0);
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
    this.jsonTails.foldHits();
    this.textHeads.foldHits();
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
      falcoLines: this.falcoLines,
      malformed: this.malformed,
      format,
    };
  }

  /** Scans the complete lines of buf from `from` (and the last one too when `whole`); returns where the unfinished line starts. */
  private buffer(buf: Buffer, from: number, whole: boolean): number {
    this.general = false;
    this.backslashFrom = -1;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let start = from;
    for (;;) {
      start = this.textRun(buf, start);
      const nl = this.runNewline >= 0 ? this.runNewline : buf.indexOf(NEWLINE, start);
      if (nl < 0) break;
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

  /** Counts the text lines from `from` with a known head (text-run.ts); returns where it stopped, and sets runNewline. */
  private textRun(buf: Buffer, from: number): number {
    if (!digit(buf[from])) {
      this.runNewline = -1;
      return from;
    }
    const run = this.run;
    const stop = textRun(buf, this.view, from, this.textHeads, this.minutes, run);
    this.runNewline = run.newline;
    const n = run.lines;
    this.dropAlerts += run.dropAlerts;
    if (n > 0) {
      this.lines += n;
      this.alerts += n;
      this.text += n;
      // the run's lines are consecutive: the first is the one at `from`
      if (this.firstTime === null) this.firstTime = buf.toString('utf8', from, textTimeEnd(buf, from, buf.length));
      this.lastTimeBuf = buf;
      this.lastTimeStart = run.lastStart;
      this.lastTimeEnd = run.lastTimeEnd;
    }
    return stop;
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
    const tail = this.jsonTails.ending(this.view, buf, start, timeKey);
    if (!tail) return false;
    this.json++;
    this.alerts++;
    tail.hits++;
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
      this.jsonTails.add({ bytes: Buffer.from(buf.subarray(s.tailStart, s.timeKey)), probe: s.ruleStart - s.tailStart, rule, priority, drop }, 'end');
    this.time(buf, s.timeStart, s.timeEnd, drop ? this.drop(buf, start, end) : 0);
  }

  private jsonGeneral(line: Buffer): void {
    const f = jsonFields(line);
    if (f.rule === null || f.priority === null) {
      this.notAlert(line);
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
    const head = this.textHeads.starting(this.view, buf, timeEnd + 2, Math.min(end, start + HEAD));
    if (!head) return false;
    this.text++;
    this.alerts++;
    head.hits++;
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
      if (at >= 0 && at + DROP_MARKER.length <= end) drops = this.textDrop(buf, start, end, priority);
    } else if (startsWith(buf, s.keyStart, s.keyEnd, METRICS_TEXT)) this.byRule.set(METRICS_KEY, (this.byRule.get(METRICS_KEY) ?? 0) + 1);
    else {
      const rule = this.rules.get(buf, s.keyStart, s.keyEnd);
      count(rule, buf, s.keyStart, s.keyEnd, this.byRule);
      if (rule && priority && s.pipe)
        this.textHeads.add(
          { bytes: Buffer.from(buf.subarray(s.timeEnd + 2, s.stop + 3)), probe: s.keyStart - s.timeEnd - 2, rule, priority, drop: false },
          'start',
        );
    }
    this.time(buf, start, s.timeEnd, drops);
  }

  private textGeneral(line: Buffer): void {
    const f = textFields(line);
    if (!f) {
      this.notAlert(line);
      return;
    }
    this.text++;
    const drops = f.key === DROP_RULE && line.indexOf(DROP_MARKER, 0) >= 0 ? this.drop(line, 0, line.length) : 0;
    this.count(f.key, f.priority);
    this.timeString(f.time, drops);
  }

  private notAlert(line: Buffer): void {
    if (isFalcoOwnLine(line.toString('utf8'))) this.falcoLines++;
    else this.malformed++;
  }

  /** Drops reported by a drop-alert line (0 when it does not parse as one). */
  private drop(buf: Buffer, start: number, end: number): number {
    const d = parseDropAlert(buf.toString('utf8', start, end));
    if (!d) return 0;
    this.dropAlerts++;
    return d.nDrops;
  }

  /**
   * Drops reported by a text drop-alert line (textLine read it): on bytes when in Falco's exact shape
   * (text-drop.ts), and then its head up to "…syscall event drop" is kept for textRun.
   */
  private textDrop(buf: Buffer, start: number, end: number, priority: Counted | null): number {
    const n = textDropCount(buf, start, end);
    if (n === null) return this.drop(buf, start, end);
    this.dropAlerts++;
    const s = this.ts;
    const prefixEnd = s.keyStart + DROP_RULE_BYTES.length;
    const rule = this.rules.get(DROP_RULE_BYTES, 0, DROP_RULE_BYTES.length);
    if (rule && priority && dropCountAt(buf, prefixEnd - DROP_MESSAGE_BACK, end, start + HEAD) !== null)
      this.textHeads.add({ bytes: Buffer.from(buf.subarray(s.timeEnd + 2, prefixEnd)), probe: 0, rule, priority, drop: true }, 'prefix');
    return n;
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
    this.minutes.addBytes(buf, start, end, drops, this.view);
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
