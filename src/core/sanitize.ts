// Container names, log lines and rule outputs come from the target, not from us: a hostile or merely
// noisy string could clear the screen, move the cursor or retitle the terminal. Everything untrusted
// passes through `sanitize` before Ink (or a text report) shows it. Pure: the UI and src/report both use it.

const ESC = '\u001B';

// Order matters: whole sequences first (so their parameters go too), then lone control characters.
const PATTERNS: readonly RegExp[] = [
  // OSC, DCS, SOS, PM, APC: ESC ] / P / X / ^ / _ … terminated by BEL, ST (ESC \ or 0x9C), or the end
  new RegExp(`${ESC}[\\]PX^_][\\s\\S]*?(?:\\u0007|${ESC}\\\\|\\u009C|$)`, 'g'),
  // the same strings introduced by their 8-bit C1 forms
  /[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)/g,
  // CSI: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte
  new RegExp(`(?:${ESC}\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]?`, 'g'),
  // other escapes: ESC, intermediates, one final byte (ESC c, ESC 7, ESC ( B …)
  new RegExp(`${ESC}[\\u0020-\\u002F]*[\\u0030-\\u007E]?`, 'g'),
  // remaining C0 controls except \t and \n, DEL, and C1 controls
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g,
  // bidirectional overrides: they reorder what the reader sees without changing the bytes
  /[\u202A-\u202E\u2066-\u2069]/g,
];

/** Strips terminal control sequences and control characters, keeping `\n` and `\t`. */
export function sanitize(s: string): string {
  // CRLF is a line break, not an attempt to overwrite the line; keep it as one
  let out = s.replace(/\r\n/g, '\n');
  for (const pattern of PATTERNS) out = out.replace(pattern, '');
  return out;
}

/**
 * Sanitises every string inside plain data (events, reports) once, where it enters the UI state,
 * so no component can forget to. Keys are left alone: they are ours, not the target's.
 */
export function sanitizeDeep<T>(value: T): T {
  return sanitizeValue(value) as T; // same shape by construction: only string leaves change
}

function sanitizeValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitize(value);
  if (Array.isArray(value)) return value.map(sanitizeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeValue(v)]));
  }
  return value;
}
