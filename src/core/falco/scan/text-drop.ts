// The drop count of a text-output drop alert, read on bytes. parseDropAlert (a regex over the
// decoded line, then every `k="v"` field of the tail) costs ~11 µs a line, and a text log has one
// drop alert every few hundred lines. This reads Falco's exact shape only —
//   `… syscall event drop. N system calls dropped in last second. (ebpf_enabled="1" n_drops="N" …)`
// with every field `key="value"` (no backslash, ASCII), one space apart, `)` ending the line — where
// parseDropAlert's tokenising provably gives the same `n_drops` (the last one, digits only); for
// anything else it returns null and the caller asks parseDropAlert. The whole line after the
// message is then ASCII, which text-run.ts relies on.
const MESSAGE = Buffer.from('syscall event drop. ');
/** The rule name "Falco internal: syscall event drop" ends this many bytes into MESSAGE. */
export const DROP_MESSAGE_BACK = 'syscall event drop'.length;
const MESSAGE_END = Buffer.from(' system calls dropped in last second.');
const N_DROPS = Buffer.from('n_drops');
const SPACE = 0x20;
const QUOTE = 0x22;
const EQUALS = 0x3d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const BACKSLASH = 0x5c;
/** Up to 15 digits add up exactly in a double. */
const MAX_DIGITS = 15;

/** parseDropAlert's key characters: [\w.\[\]-]. */
function isKeyChar(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2e || b === 0x5b || b === 0x5d || b === 0x2d;
}

function digitsAt(buf: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && buf[i] !== undefined && (buf[i] as number) >= 0x30 && (buf[i] as number) <= 0x39) i++;
  return i;
}

function hasAt(buf: Buffer, at: number, end: number, bytes: Buffer): boolean {
  if (at + bytes.length > end) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/** n_drops of the drop alert in buf[start, end), or null when the line is not in Falco's exact shape. */
export function textDropCount(buf: Buffer, start: number, end: number): number | null {
  const m = buf.indexOf(MESSAGE, start);
  return m < 0 ? null : dropCountAt(buf, m, end, end);
}

/**
 * n_drops when the line's first "syscall event drop. " is at m, the message is exactly Falco's and
 * its tail's "(" is before `parenLimit`; else null.
 */
export function dropCountAt(buf: Buffer, m: number, end: number, parenLimit: number): number | null {
  if (!hasAt(buf, m, end, MESSAGE)) return null;
  // The first occurrence must be the whole message, so that it is the regex's (leftmost) match.
  const n = digitsAt(buf, m + MESSAGE.length, end);
  if (n === m + MESSAGE.length || !hasAt(buf, n, end, MESSAGE_END)) return null;
  const paren = n + MESSAGE_END.length + 1;
  if (buf[paren - 1] !== SPACE || buf[paren] !== OPEN_PAREN || paren >= parenLimit) return null;
  for (let i = paren; i < end; i++) if ((buf[i] as number) >= 0x80) return null;
  let drops: number | null = null;
  let i = paren + 1;
  for (;;) {
    const key = i;
    while (i < end && isKeyChar(buf[i] as number)) i++;
    if (i === key || buf[i] !== EQUALS || buf[i + 1] !== QUOTE) return null;
    const value = i + 2;
    let q = value;
    while (q < end && buf[q] !== QUOTE) {
      if (buf[q] === BACKSLASH) return null;
      q++;
    }
    if (q >= end) return null;
    if (i - key === N_DROPS.length && hasAt(buf, key, i, N_DROPS)) {
      if (q === value || q - value > MAX_DIGITS || digitsAt(buf, value, q) !== q) return null;
      let v = 0;
      for (let d = value; d < q; d++) v = v * 10 + ((buf[d] as number) - 0x30);
      drops = v;
    }
    i = q + 1;
    if (buf[i] === SPACE && i + 1 < end) i++;
    else if (buf[i] === CLOSE_PAREN && i + 1 === end) return drops;
    else return null;
  }
}
