// Known line endings. In Falco's JSON lines everything from `"priority":` to the `"time"` key
// (priority, rule, source, tags) is the same for every alert of a rule; in text lines everything
// from the priority to the first " | " is. Once the slow path has read such a span exactly, later
// lines are matched against it with one native memcmp instead of being read byte by byte in JS.
import type { Counted } from './intern.js';

export interface Span {
  readonly bytes: Buffer;
  /** Offset in `bytes` of a byte that tells rules apart (the rule name's or message's first byte). */
  readonly probe: number;
  readonly rule: Counted;
  readonly priority: Counted;
  readonly drop: boolean;
}

const MAX_SPANS = 64;

export class SpanCache {
  private readonly spans: Span[] = [];
  private last = 0;

  /** The span that buf[..., end) ends with (mode 'end') or buf[start, ...) starts with (mode 'start'). */
  ending(buf: Buffer, lineStart: number, end: number): Span | null {
    const n = this.spans.length;
    for (let k = 0; k < n; k++) {
      const i = (this.last + k) % n;
      const s = this.spans[i] as Span;
      const from = end - s.bytes.length;
      if (from < lineStart || buf[from + s.probe] !== s.bytes[s.probe] || buf[from] !== s.bytes[0]) continue;
      if (s.bytes.compare(buf, from, end) === 0) {
        this.last = i;
        return s;
      }
    }
    return null;
  }

  starting(buf: Buffer, start: number, limit: number): Span | null {
    const n = this.spans.length;
    for (let k = 0; k < n; k++) {
      const i = (this.last + k) % n;
      const s = this.spans[i] as Span;
      const to = start + s.bytes.length;
      if (to > limit || buf[start + s.probe] !== s.bytes[s.probe] || buf[start] !== s.bytes[0]) continue;
      if (s.bytes.compare(buf, start, to) === 0) {
        this.last = i;
        return s;
      }
    }
    return null;
  }

  add(span: Span): void {
    if (this.spans.length < MAX_SPANS) this.spans.push(span);
  }
}
