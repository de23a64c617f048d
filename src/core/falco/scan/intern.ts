// Counts short byte ranges (rule names, priorities, text-output messages) without decoding them
// again and again: a log has a handful of distinct values repeated millions of times. Entries are
// keyed by length and edge bytes, confirmed byte by byte, and carry their own count. The table is
// capped, so a log of all-distinct values costs a decode per line, never unbounded memory.
const MAX_ENTRIES = 4096;

export interface Counted {
  readonly value: string;
  count: number;
}

interface Entry extends Counted {
  readonly bytes: Uint8Array;
}

export class CountingInterner {
  private readonly table = new Map<number, Entry[]>();
  private readonly all: Entry[] = [];

  /** The entry for buf[start, end) (made on first sight), or null when the table is full. */
  get(buf: Buffer, start: number, end: number): Counted | null {
    const len = end - start;
    const key = len > 0 ? len * 65536 + (buf[start] as number) * 256 + (buf[end - 1] as number) : 0;
    const bucket = this.table.get(key);
    if (bucket) {
      for (const e of bucket) if (sameBytes(e.bytes, buf, start, len)) return e;
    }
    if (this.all.length >= MAX_ENTRIES) return null;
    const entry: Entry = { bytes: Uint8Array.prototype.slice.call(buf, start, end), value: buf.toString('utf8', start, end), count: 0 };
    if (bucket) bucket.push(entry);
    else this.table.set(key, [entry]);
    this.all.push(entry);
    return entry;
  }

  /** Adds every entry's count to `into`, and returns it. */
  addTo(into: Map<string, number>): Map<string, number> {
    for (const e of this.all) if (e.count > 0) into.set(e.value, (into.get(e.value) ?? 0) + e.count);
    return into;
  }
}

function sameBytes(a: Uint8Array, buf: Uint8Array, start: number, len: number): boolean {
  if (a.length !== len) return false;
  for (let i = 0; i < len; i++) if (a[i] !== buf[start + i]) return false;
  return true;
}
