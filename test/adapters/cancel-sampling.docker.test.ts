// Quitting the diagnose screen mid-window stops the live collection: the real screen (runDiagnoseUi on
// a fake TTY), the real channel and collector, the real Docker engine, on a throwaway container of this
// test's own (label falco-doctor.test=cancel). Every Docker call goes through a counting wrapper of the
// client; after the quit there must be none (no stats, no cgroup sample, no logs, no inspect).
// Run under the machine-wide lock like every Docker test here (flock /tmp/falco-doctor-docker.lock).
import '../ui/helpers/not-ci.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker, type DockerClient } from '../../src/adapters/docker/client.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { runDiagnosis } from '../../src/commands/diagnose.js';
import { channel } from '../../src/core/channel.js';
import type { DiagnoseEvent } from '../../src/core/events.js';
import { runDiagnoseUi } from '../../src/ui/diagnose/run.js';
import { FakeStdin, FakeStdout, waitFor } from '../ui/helpers/terminal.js';
import { BOT_IMAGE } from '../lab/images.js';

const docker = connectDocker();
const NAME = `fd-cancel-test-${process.pid}`;
const SAMPLE_EVERY_MS = 250;
let id = '';

beforeAll(async () => {
  const c = await docker.createContainer({
    Image: BOT_IMAGE,
    Entrypoint: ['/usr/bin/node', '-e', 'setInterval(() => {}, 1000)'],
    name: NAME,
    Labels: { 'falco-doctor.test': 'cancel' },
  });
  id = c.id;
  await c.start();
}, 60_000);
afterAll(async () => {
  if (id) await docker.getContainer(id).remove({ force: true });
});

interface Call {
  what: string;
  at: number;
}

/** The Docker client with every method call (engine-wide and per container) recorded with its time. */
function counting(real: DockerClient, calls: Call[]): DockerClient {
  const record = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(t, p, r) {
        const v: unknown = Reflect.get(t, p, r);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push({ what: `${prefix}${String(p)}`, at: performance.now() });
          const out: unknown = (v as (...a: unknown[]) => unknown).apply(t, args);
          return p === 'getContainer' ? record(out as object, 'container.') : out;
        };
      },
    });
  return record(real, '');
}

async function quitMidWindow(hostVisible: boolean) {
  const calls: Call[] = [];
  const samples: number[] = [];
  const events = channel<DiagnoseEvent>();
  let abortedAt = Number.NaN;
  events.signal?.addEventListener('abort', () => (abortedAt = performance.now()));
  const stdout = new FakeStdout(100, 40);
  const stdin = new FakeStdin(true);
  const screen = runDiagnoseUi(events, { noColor: true, stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream });
  const collect = { container: NAME, windowMs: 60_000, sampleEveryMs: SAMPLE_EVERY_MS, lookbackMs: 60_000, toolVersion: 'test', hostVisible };
  const run = { catalogue: await readCatalogue(), thresholds: {}, only: [], toolVersion: 'test' };
  const producer = runDiagnosis(
    { kind: 'live', docker: counting(docker, calls), collect },
    run,
    (e) => {
      if (e.type === 'sample') samples.push(performance.now());
      events.push(e);
    },
    events.signal,
  ).then(
    () => 'finished',
    () => 'stopped',
  );
  await waitFor(
    () => String(samples.length),
    (n) => Number(n) >= 3,
    { what: 'three samples on screen', timeoutMs: 30_000 },
  );
  const keyAt = performance.now();
  stdin.write('q');
  expect(await screen).toEqual({ report: null, error: null });
  // the producer ends at once rather than at the end of its 60 s window
  const how = await Promise.race([producer, new Promise((r) => setTimeout(() => r('still sampling'), 2000))]);
  // eight sampling periods more, for any call that would still come
  await new Promise((r) => setTimeout(r, 8 * SAMPLE_EVERY_MS));
  const quitAt = Number.isNaN(abortedAt) ? keyAt : abortedAt;
  const after = calls.filter((c) => c.at > quitAt).map((c) => c.what);
  const stats = calls.filter((c) => c.what === 'container.stats');
  const betweenKeyAndAbort = calls.filter((c) => c.at > keyAt && c.at <= quitAt).length;
  return {
    how,
    after,
    samplesAfter: samples.filter((t) => t > quitAt).length,
    samplesBefore: samples.length,
    stats,
    abortLagMs: quitAt - keyAt,
    betweenKeyAndAbort,
  };
}

describe('quitting the diagnose screen mid-window (real engine)', () => {
  it('stats API sampling (engine not on this host): no Docker call of any kind after q', async () => {
    const r = await quitMidWindow(false);
    console.log(
      `stats API: ${r.stats.length} stats calls before q, ${r.after.length} Docker calls after (${r.after.join(', ') || 'none'}); abort ${r.abortLagMs.toFixed(1)} ms after the key (${r.betweenKeyAndAbort} calls between); producer ${r.how}`,
    );
    expect(r.stats.length).toBeGreaterThanOrEqual(3);
    expect(r.how).toBe('stopped');
    expect(r.after).toEqual([]);
    expect(r.samplesAfter).toBe(0);
  });

  it('cgroup file sampling (engine on this host): no sample read and no Docker call after q', async () => {
    const r = await quitMidWindow(true);
    console.log(
      `cgroup files: ${r.samplesBefore} samples before q, ${r.samplesAfter} after, ${r.after.length} Docker calls after (${r.after.join(', ') || 'none'}); producer ${r.how}`,
    );
    expect(r.stats).toEqual([]);
    expect(r.how).toBe('stopped');
    expect(r.after).toEqual([]);
    expect(r.samplesAfter).toBe(0);
  });
});
