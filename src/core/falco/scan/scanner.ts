// Streaming scanner for Falco event logs (file_output, JSON or text). Pure and incremental: feed it
// chunks of any size; it keeps only the partial last line, the counters and one entry per minute,
// so memory does not grow with the file. Only drop-alert lines are JSON.parsed.
import { parseDropAlert } from '../parse/drop-alert.js';
import type { ScanResult } from './result.js';
import { jsonFields, minuteOf, textFields } from './line-fields.js';

export type { ScanResult } from './result.js';

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const DROP_MARKER = Buffer.from('syscall event drop');
const DROP_RULE = 'Falco internal: syscall event drop';
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
  private readonly minutes = new Map<string, { drops: number; alerts: number }>();
  private firstTime: string | null = null;
  private lastTime: string | null = null;

  push(chunk: Uint8Array): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.carry || this.skipping) {
      const nl = buf.indexOf(NEWLINE);
      if (nl < 0) {
        this.extendCarry(buf);
        return;
      }
      if (this.skipping) this.skipping = false;
      else this.line(Buffer.concat([this.carry as Buffer, buf.subarray(0, nl)]));
      this.carry = null;
      start = nl + 1;
    }
    for (let nl = buf.indexOf(NEWLINE, start); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      this.line(buf.subarray(start, nl));
      start = nl + 1;
    }
    // Copy: the caller may reuse the chunk's memory.
    if (start < buf.length) this.extendCarry(buf.subarray(start));
  }

  finish(): ScanResult {
    if (this.carry && !this.skipping) this.line(this.carry);
    this.carry = null;
    const dropsOverTime = [...this.minutes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([minute, v]) => ({ minute, ...v }));
    const format = this.json > 0 && this.text > 0 ? 'mixed' : this.json > 0 ? 'json' : this.text > 0 ? 'text' : 'empty';
    return {
      lines: this.lines,
      alerts: this.alerts,
      byRule: Object.fromEntries(this.byRule),
      byPriority: Object.fromEntries(this.byPriority),
      dropAlerts: this.dropAlerts,
      dropsOverTime,
      firstTime: this.firstTime,
      lastTime: this.lastTime,
      malformed: this.malformed,
      format,
    };
  }

  private extendCarry(part: Buffer): void {
    if (this.skipping) return;
    const len = (this.carry?.length ?? 0) + part.length;
    if (len > MAX_LINE) {
      this.lines++;
      this.malformed++;
      this.carry = null;
      this.skipping = true;
      return;
    }
    this.carry = this.carry ? Buffer.concat([this.carry, part]) : Buffer.from(part);
  }

  private line(raw: Buffer): void {
    let end = raw.length;
    if (end > 0 && raw[end - 1] === 0x0d) end--; // CRLF
    const line = end === raw.length ? raw : raw.subarray(0, end);
    if (line.length === 0) return;
    this.lines++;
    if (line[0] === OPEN_BRACE) this.jsonLine(line);
    else this.textLine(line);
  }

  private jsonLine(line: Buffer): void {
    const f = jsonFields(line);
    if (f.rule === null || f.priority === null) {
      this.malformed++;
      return;
    }
    this.json++;
    let drops = 0;
    if (f.rule === DROP_RULE) {
      const d = parseDropAlert(line.toString('utf8'));
      if (d) {
        this.dropAlerts++;
        drops = d.nDrops;
      }
    }
    this.count(f.rule, f.priority, f.time, drops);
  }

  private textLine(line: Buffer): void {
    const f = textFields(line);
    if (!f) {
      this.malformed++;
      return;
    }
    this.text++;
    let drops = 0;
    if (f.key === DROP_RULE && line.indexOf(DROP_MARKER) >= 0) {
      const d = parseDropAlert(line.toString('utf8'));
      if (d) {
        this.dropAlerts++;
        drops = d.nDrops;
      }
    }
    this.count(f.key, f.priority, f.time, drops);
  }

  private count(rule: string, priority: string, time: string | null, drops: number): void {
    this.alerts++;
    this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
    this.byPriority.set(priority, (this.byPriority.get(priority) ?? 0) + 1);
    if (time === null) return;
    if (this.firstTime === null) this.firstTime = time;
    this.lastTime = time;
    const minute = minuteOf(time);
    const m = this.minutes.get(minute);
    if (m) {
      m.alerts++;
      m.drops += drops;
    } else this.minutes.set(minute, { drops, alerts: 1 });
  }
}
