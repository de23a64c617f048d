// Known line endings. In Falco's JSON lines everything from `"priority":` to the `"time"` key
// (priority, rule, source, tags) is the same for every alert of a rule; in text lines everything
// from the priority to the first " | " is. Once the slow path has read such a span exactly, later
// lines are matched against it instead of being read again.
//
// Matching is the hot loop of the scanner (one match a line), so it avoids both a native call per
// line (Buffer#compare costs ~150 ns in argument checks and the binding) and a byte loop (~1-2 ns a
// byte): it compares 8 bytes at a time with DataView#getFloat64, which V8 inlines and which reads
// unaligned offsets. Comparing doubles is comparing bytes as long as the span's own words are
// neither NaN (several bit patterns, never equal) nor ±0 (two bit patterns, equal): spans with such
// a word (8 NUL bytes, or 0x7f/0xff next to a byte ≥ 0xf0: not in text), or shorter than 8 bytes,
// are not kept, and their lines take the slow path.
import type { Counted } from './intern.js';

export interface SpanInit {
  readonly bytes: Buffer;
  /** Offset in `bytes` of a byte that tells rules apart (the rule name's or message's first byte). */
  readonly probe: number;
  readonly rule: Counted;
  readonly priority: Counted;
  readonly drop: boolean;
}

export interface Span extends SpanInit {
  /** Lines matched, added to the rule's and priority's counts by foldHits (one increment a line instead of two). */
  hits: number;
  readonly len: number;
  /** bytes as little-endian doubles: [0, 8), [8, 16), …, and the last 8 bytes. */
  readonly words: Float64Array;
}

const MAX_SPANS = 64;
const MAX_PREFIXES = 8;
/** `starting` finds candidates by the bytes at [0, 4) and [8, 12) of the span: shorter spans are not kept. */
export const FINGERPRINT_BYTES = 12;
const BUCKET_BITS = 10;
export const FINGERPRINT_SHIFT = 32 - BUCKET_BITS;

// The lists are allocated full size with holes: an empty array literal starts as an array of small
// integers, and its first span would change its elements kind under the JIT-compiled hot loop
// (a deoptimisation, and a recompile, per list).
const holes = (n: number): (Span | undefined)[] => new Array<Span | undefined>(n).fill(undefined);

export class SpanCache {
  private readonly spans = holes(MAX_SPANS);
  private spanCount = 0;
  private readonly prefixes = holes(MAX_PREFIXES);
  private prefixCount = 0;
  private readonly buckets: (Span[] | undefined)[] = new Array<Span[] | undefined>(1 << BUCKET_BITS).fill(undefined);
  private last = 0;

  /** The span that the bytes of `view` just before `end` are (not starting before lineStart), or null. */
  ending(view: DataView, buf: Buffer, lineStart: number, end: number): Span | null {
    const n = this.spanCount;
    for (let k = 0; k < n; k++) {
      let i = this.last + k;
      if (i >= n) i -= n;
      const s = this.spans[i] as Span;
      const from = end - s.len;
      if (from < lineStart || buf[from + s.probe] !== s.bytes[s.probe] || buf[from] !== s.bytes[0]) continue;
      if (same(view, from, s)) {
        this.last = i;
        return s;
      }
    }
    return null;
  }

  /** The span that the bytes of `view` from `start` are (ending at or before `limit`), or null. */
  starting(view: DataView, buf: Buffer, start: number, limit: number): Span | null {
    if (start + FINGERPRINT_BYTES > limit) return null;
    const bucket = this.buckets[fingerprint(view, start)];
    if (bucket === undefined) return null;
    for (let k = 0; k < bucket.length; k++) {
      const s = bucket[k] as Span;
      if (start + s.len <= limit && same(view, start, s)) return s;
    }
    return null;
  }

  /** Adds every span's hits to its rule's and priority's counts. */
  foldHits(): void {
    for (const s of [...this.spans, ...this.prefixes]) {
      if (s === undefined) continue;
      s.rule.count += s.hits;
      s.priority.count += s.hits;
      s.hits = 0;
    }
  }

  /** The spans kept for `starting` whose fingerprint is `at` (text-run.ts matches them itself). */
  bucket(at: number): readonly Span[] | undefined {
    return this.buckets[at];
  }

  /** The prefix (text drop alerts: the head up to "…syscall event drop") the view holds at `at`, ending by `limit`. */
  prefixAt(view: DataView, at: number, limit: number): Span | null {
    for (let k = 0; k < this.prefixCount; k++) {
      const p = this.prefixes[k] as Span;
      if (at + p.len <= limit && same(view, at, p)) return p;
    }
    return null;
  }

  /** Keeps a span for `ending` (mode 'end'), `starting` (mode 'start') or prefixList (mode 'prefix'). */
  add(init: SpanInit, mode: 'end' | 'start' | 'prefix'): void {
    const w = words(init.bytes);
    if (w === null) return;
    if (mode === 'prefix') {
      if (this.prefixCount >= MAX_PREFIXES || this.prefixes.some((p) => p?.bytes.equals(init.bytes))) return;
      this.prefixes[this.prefixCount++] = {
        bytes: init.bytes,
        probe: init.probe,
        rule: init.rule,
        priority: init.priority,
        drop: init.drop,
        hits: 0,
        len: init.bytes.length,
        words: w,
      };
      return;
    }
    if (this.spanCount >= MAX_SPANS) return;
    // One literal with every field, so that all spans share one shape (a spread gives each its own,
    // and the hot loop's property loads go megamorphic).
    const span: Span = {
      bytes: init.bytes,
      probe: init.probe,
      rule: init.rule,
      priority: init.priority,
      drop: init.drop,
      hits: 0,
      len: init.bytes.length,
      words: w,
    };
    if (mode === 'start') {
      if (span.len < FINGERPRINT_BYTES) return;
      const at = fingerprint(new DataView(span.bytes.buffer, span.bytes.byteOffset, span.bytes.length), 0);
      const bucket = this.buckets[at];
      if (bucket) bucket.push(span);
      else this.buckets[at] = [span];
    }
    this.spans[this.spanCount++] = span;
  }
}

/** A hash of the bytes at [at, at + 4) and [at + 8, at + 12), as a bucket index (text-run.ts has a copy). */
function fingerprint(view: DataView, at: number): number {
  return (view.getUint32(at, true) ^ Math.imul(view.getUint32(at + 8, true), 0x9e3779b1)) >>> FINGERPRINT_SHIFT;
}

function words(bytes: Buffer): Float64Array | null {
  const len = bytes.length;
  if (len < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const n = (len + 7) >> 3;
  const out = new Float64Array(n);
  for (let k = 0; k < n - 1; k++) out[k] = view.getFloat64(8 * k, true);
  out[n - 1] = view.getFloat64(len - 8, true);
  for (const w of out) if (w === 0 || Number.isNaN(w)) return null;
  return out;
}

/** Whether the view holds the span's bytes at `at` (the caller checked the range is in the view). */
function same(view: DataView, at: number, s: Span): boolean {
  const w = s.words;
  const last = w.length - 1;
  for (let k = 0; k < last; k++) if (view.getFloat64(at + 8 * k, true) !== w[k]) return false;
  return view.getFloat64(at + s.len - 8, true) === w[last];
}
