// Poll a condition until it holds or a deadline passes: tests never sleep a fixed time.
export async function waitFor(what: string, cond: () => Promise<boolean> | boolean, timeoutMs = 20_000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
