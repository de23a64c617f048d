// A minimal async queue: a producer pushes events, a consumer iterates them. Lets the collector
// stay a plain async function with an `emit` callback while the UI consumes an AsyncIterable.
export interface Channel<T> extends AsyncIterable<T> {
  push(item: T): void;
  close(): void;
  fail(error: unknown): void;
}

export function channel<T>(): Channel<T> {
  const items: T[] = [];
  let closed = false;
  let error: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    push(item) {
      items.push(item);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    fail(e) {
      error = e ?? new Error('failed');
      closed = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (items.length > 0) yield items.shift()!;
        if (error !== null) throw error;
        if (closed) return;
        await new Promise<void>((r) => (wake = r));
      }
    },
  };
}
