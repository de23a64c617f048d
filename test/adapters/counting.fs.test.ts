// The re-measure's wait (src/adapters/apply/counting.ts) against a real HTTP server on loopback that serves
// /metrics as Falco does: right after a reload Falco's event counter stands at zero while the new probe loads.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntilCounting } from '../../src/adapters/apply/counting.js';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Serves falcosecurity_scap_n_evts_total from `events()` on each request. */
async function metricsServer(events: () => number): Promise<string> {
  server = http.createServer((_req, res) => res.end(`# TYPE falcosecurity_scap_n_evts_total counter\nfalcosecurity_scap_n_evts_total ${events()}\n`));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/metrics`;
}

describe('waiting until Falco counts events again', () => {
  it('a counter standing at zero (the probe still loading) is not counting: the wait runs to its end', async () => {
    const url = await metricsServer(() => 0);
    const t0 = Date.now();
    expect(await waitUntilCounting(url, 1500)).toBe('not-counting');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
  });

  it('a rising counter ends the wait at once', async () => {
    let n = 0;
    const url = await metricsServer(() => (n += 1000));
    const t0 = Date.now();
    expect(await waitUntilCounting(url, 10_000)).toBe('counting');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('no /metrics to read, or nothing answering: unreadable', async () => {
    expect(await waitUntilCounting(null, 1000)).toBe('unreadable');
    const url = await metricsServer(() => 0);
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    expect(await waitUntilCounting(url, 1200)).toBe('unreadable');
  });
});
