// A minimal async queue: a producer pushes events, a consumer iterates them. Lets the collector
// stay a plain async function with an `emit` callback while the UI consumes an AsyncIterable.
// The way back is `signal`: a consumer that lets go early (the screen quit, iterator.return())
// aborts it, so the producer stops its work (sampling, Docker calls) instead of running on unseen.
export interface Channel<T> extends AsyncIterable<T> {
  push(item: T): void;
  close(): void;
  fail(error: unknown): void;
  /** aborted when the consumer stops reading before the producer closed the channel */
  readonly signal: AbortSignal;
}

export function channel<T>(): Channel<T> {
  const items: T[] = [];
  let closed = false;
  let error: unknown = null;
  let wake: (() => void) | null = null;
  const cancel = new AbortController();
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    signal: cancel.signal,
    push(item) {
      // nobody reads any more: keep nothing
      if (!cancel.signal.aborted) items.push(item);
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
    // Not an async generator: a generator's return() waits behind a pending next(), so the abort
    // would only come once the producer pushed again (one more sample, one more Docker call).
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<T>> {
          for (;;) {
            if (cancel.signal.aborted) return { done: true, value: undefined };
            if (items.length > 0) return { done: false, value: items.shift()! };
            if (error !== null) throw error;
            if (closed) return { done: true, value: undefined };
            await new Promise<void>((r) => (wake = r));
          }
        },
        async return(): Promise<IteratorResult<T>> {
          if (!closed) cancel.abort(new Error('the consumer stopped reading the diagnosis'));
          items.length = 0;
          notify();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
