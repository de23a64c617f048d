// Alerts and drops per minute. Consecutive lines almost always share their minute, so the current
// minute's bytes are kept and compared; a string is made only when the minute changes.
export interface Bucket {
  drops: number;
  alerts: number;
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

export class MinuteCounter {
  private readonly byMinute = new Map<string, Bucket>();
  private cur: Bucket | null = null;
  private curBytes = new Uint8Array(16);
  private curLen = -1;
  /** curLen when the current minute is a whole one (16 bytes of an ISO time, 5 otherwise), else 0. */
  private wholeLen = 0;
  /** A whole ISO minute as two little-endian doubles (NaN when it is not one, or not comparable so: tails.ts). */
  private isoW0 = NaN;
  private isoW1 = NaN;

  /** Counts a line in the minute of a time written as bytes (and returns that minute's bucket): "2026-11-23T08:14" for ISO times, "08:14" otherwise (as minuteOf). */
  addBytes(buf: Buffer, start: number, end: number, drops: number, view?: DataView): Bucket {
    // A time that starts with the whole current minute is in it: its first bytes decide that it is
    // ISO (or not) just as they did for the current one, so it is cut at the same length. An ISO
    // minute is compared 8 bytes at a time when the caller has the buffer as a DataView.
    const n = this.wholeLen;
    if (n === 16 && view !== undefined && this.isoW0 === this.isoW0) {
      if (end - start >= 16 && view.getFloat64(start, true) === this.isoW0 && view.getFloat64(start + 8, true) === this.isoW1) {
        const b = this.cur as Bucket;
        b.alerts++;
        b.drops += drops;
        return b;
      }
    } else if (n > 0 && end - start >= n) {
      const cur = this.curBytes;
      let i = 0;
      while (i < n && cur[i] === buf[start + i]) i++;
      if (i === n) {
        const b = this.cur as Bucket;
        b.alerts++;
        b.drops += drops;
        return b;
      }
    }
    const iso =
      isDigit(buf[start]) && isDigit(buf[start + 1]) && isDigit(buf[start + 2]) && isDigit(buf[start + 3]) && buf[start + 4] === 0x2d && start + 4 < end;
    const len = Math.min(end - start, iso ? 16 : 5);
    let same = len === this.curLen;
    for (let i = 0; same && i < len; i++) same = this.curBytes[i] === buf[start + i];
    if (!same) {
      let ascii = true;
      for (let i = 0; i < len; i++) if ((buf[start + i] as number) >= 0x80) ascii = false;
      // non-ASCII: cut by characters, exactly as minuteOf does
      const minute = ascii ? buf.toString('latin1', start, start + len) : minuteOfString(buf.toString('utf8', start, end));
      this.cur = this.bucket(minute);
      this.curLen = ascii ? len : -1;
      this.wholeLen = ascii && len === (iso ? 16 : 5) ? len : 0;
      if (ascii) this.curBytes.set(buf.subarray(start, start + len));
      this.isoW0 = this.isoW1 = NaN;
      if (this.wholeLen === 16) {
        const v = new DataView(this.curBytes.buffer, this.curBytes.byteOffset, 16);
        const w0 = v.getFloat64(0, true);
        const w1 = v.getFloat64(8, true);
        // ±0 and NaN do not compare as bytes do
        if (w0 !== 0 && w1 !== 0 && w0 === w0 && w1 === w1) [this.isoW0, this.isoW1] = [w0, w1];
      }
    }
    const b = this.cur as Bucket;
    b.alerts++;
    b.drops += drops;
    return b;
  }

  add(minute: string, drops: number): void {
    this.curLen = -1;
    this.wholeLen = 0;
    this.isoW0 = this.isoW1 = NaN;
    const b = this.bucket(minute);
    b.alerts++;
    b.drops += drops;
  }

  list(): { minute: string; drops: number; alerts: number }[] {
    return [...this.byMinute.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([minute, v]) => ({ minute, ...v }));
  }

  private bucket(minute: string): Bucket {
    let b = this.byMinute.get(minute);
    if (!b) {
      b = { drops: 0, alerts: 0 };
      this.byMinute.set(minute, b);
    }
    return b;
  }
}

function minuteOfString(time: string): string {
  return /^\d{4}-/.test(time) ? time.slice(0, 16) : time.slice(0, 5);
}
