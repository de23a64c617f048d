// Alerts and drops per minute. Consecutive lines almost always share their minute, so the current
// minute's bytes are kept and compared; a string is made only when the minute changes.
interface Bucket {
  drops: number;
  alerts: number;
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

export class MinuteCounter {
  private readonly byMinute = new Map<string, Bucket>();
  private cur: Bucket | null = null;
  private curBytes = new Uint8Array(16);
  private curLen = -1;

  /** The minute of a time written as bytes: "2026-11-23T08:14" for ISO times, "08:14" otherwise (as minuteOf). */
  addBytes(buf: Buffer, start: number, end: number, drops: number): void {
    const iso = isDigit(buf[start]) && isDigit(buf[start + 1]) && isDigit(buf[start + 2]) && isDigit(buf[start + 3]) && buf[start + 4] === 0x2d && start + 4 < end;
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
      if (ascii) this.curBytes.set(buf.subarray(start, start + len));
    }
    const b = this.cur as Bucket;
    b.alerts++;
    b.drops += drops;
  }

  add(minute: string, drops: number): void {
    this.curLen = -1;
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
