// The event channel between the collector and the screen, in both directions: events go to the
// consumer, and a consumer that lets go early tells the producer through `signal` (the live sampling
// stops on it: test/adapters/cancel-sampling.docker.test.ts measures that on a real engine).
import { describe, expect, it } from 'vitest';
import { channel } from '../../src/core/channel.js';

describe('channel', () => {
  it('delivers what was pushed, then ends on close without aborting the producer', async () => {
    const c = channel<number>();
    c.push(1);
    c.push(2);
    c.close();
    const seen: number[] = [];
    for await (const n of c) seen.push(n);
    expect(seen).toEqual([1, 2]);
    expect(c.signal.aborted).toBe(false);
  });

  it('a consumer that returns while waiting aborts the signal at once and its pending read ends', async () => {
    const c = channel<number>();
    const it = c[Symbol.asyncIterator]();
    const pending = it.next();
    await it.return!();
    // no push needed: the abort does not wait for the producer's next event
    expect(c.signal.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    c.push(3);
    await expect(it.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('a failure reaches the consumer as a throw', async () => {
    const c = channel<number>();
    const it = c[Symbol.asyncIterator]();
    c.fail(new Error('docker went away'));
    await expect(it.next()).rejects.toThrow('docker went away');
    expect(c.signal.aborted).toBe(false);
  });
});
