// The one way tests wait: poll a check until it gives a value (anything but undefined, null or false)
// or the deadline passes; never a fixed sleep. `describe` adds what was last seen to the error.
export interface WaitOptions {
  timeoutMs?: number;
  everyMs?: number;
  /** what to show of the last attempt when time runs out (a screen, a log tail) */
  describe?: () => string;
}

export async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  opts: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 20_000, everyMs = 250 } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${opts.describe ? `\n${opts.describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
