// A fake TTY for driving a whole Ink app through runDiagnoseUi, which takes real-looking streams.
// stdout is a tiny terminal emulator: it understands what Ink's log-update writes (erase lines,
// cursor up, column 0, clear screen) and keeps what a person would see, scrollback included.
// ink-testing-library's debug mode bypasses all of that, so this also tests the real redraw path.
import { EventEmitter } from 'node:events';
import { waitFor as poll } from '../../helpers/wait.js';

const CSI = /^\u001B\[([?]?)([0-9;]*)([A-Za-z])/;

export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly columns: number;
  readonly rows: number;
  /** every byte Ink wrote, escapes included */
  raw = '';
  private lines: string[][] = [[]];
  private row = 0;
  private col = 0;

  constructor(columns = 100, rows = 40) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write = (chunk: string | Uint8Array, callback?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.raw += text;
    this.interpret(text);
    if (typeof callback === 'function') setImmediate(callback as () => void);
    return true;
  };

  /** What the terminal shows, scrollback included, without trailing blanks. */
  screen(): string {
    const text = this.lines.map((cells) => cells.join('').trimEnd());
    while (text.length > 0 && text.at(-1) === '') text.pop();
    return text.join('\n');
  }

  private interpret(data: string): void {
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const csi = CSI.exec(rest);
      if (csi !== null) {
        this.control(csi[1] ?? '', csi[2] ?? '', csi[3] ?? '');
        i += csi[0].length;
        continue;
      }
      const ch = String.fromCodePoint(rest.codePointAt(0) ?? 0);
      i += ch.length;
      if (ch === '\n') this.moveTo(this.row + 1, 0);
      else if (ch === '\r') this.col = 0;
      else if (ch === '\u001B')
        continue; // an escape we do not model: drop the byte
      else this.put(ch);
    }
  }

  private control(privateMarker: string, params: string, final: string): void {
    if (privateMarker === '?') return; // cursor visibility, synchronized output
    const n = Number.parseInt(params || '1', 10);
    if (final === 'A') this.row = Math.max(0, this.row - n);
    else if (final === 'B') this.moveTo(this.row + n, this.col);
    else if (final === 'G') this.col = Math.max(0, n - 1);
    else if (final === 'K') this.lines[this.row] = params === '2' ? [] : this.currentLine().slice(0, this.col);
    else if (final === 'J' && (params === '2' || params === '3')) this.lines = [[]];
    else if (final === 'H') this.moveTo(0, 0);
    // 'm' (colour) and anything else: no effect on the text
  }

  private moveTo(row: number, col: number): void {
    while (this.lines.length <= row) this.lines.push([]);
    this.row = row;
    this.col = col;
  }

  private currentLine(): string[] {
    return this.lines[this.row] ?? [];
  }

  private put(ch: string): void {
    const line = this.currentLine();
    while (line.length < this.col) line.push(' ');
    line[this.col] = ch;
    this.lines[this.row] = line;
    this.col += 1;
  }
}

/** Like ink-testing-library's stdin: Ink reads it through 'readable' + read(). */
export class FakeStdin extends EventEmitter {
  readonly isTTY: boolean;
  private pending: string[] = [];

  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }

  write(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.pending.shift() ?? null;
  }

  setEncoding(): this {
    return this;
  }
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

/** The one waitFor (test/helpers/wait.ts) on a rendered frame: fails with the last frame seen. */
export async function waitFor(
  read: () => string,
  predicate: (text: string) => boolean,
  { timeoutMs = 3000, what = 'condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<string> {
  const text = await poll(what, () => (predicate(read()) ? read() : undefined), { timeoutMs, everyMs: 10, describe: () => `screen was:\n${read()}` });
  // in ink 6 a visible frame does not yet mean input handlers are armed: yield once more
  await new Promise((resolve) => setImmediate(resolve));
  return text;
}

export const waitForText = (read: () => string, needle: string, timeoutMs?: number) =>
  waitFor(read, (text) => text.includes(needle), { what: JSON.stringify(needle), ...(timeoutMs ? { timeoutMs } : {}) });
