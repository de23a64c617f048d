// The home screen's poller against the real Docker engine and the lab: what each scenario's ticks
// carry, that nothing is sent twice, and that it survives the target stopping and dockerd vanishing
// (a socket proxy we open and close stands in for dockerd, so the shared engine keeps running).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { connectDocker } from '../../src/adapters/docker/client.js';
import { startMonitor, type MonitorHandle, type MonitorOptions } from '../../src/adapters/monitor/poller.js';
import { initialMonitorState, reduceMonitor, type MonitorState } from '../../src/core/monitor/state.js';
import type { MonitorTick } from '../../src/core/monitor/types.js';
import { BOT_CONTAINER, FALCO_CONTAINER, labDown, labUp } from '../lab/lab.js';
import { docker as dockerCli } from '../lab/docker-cli.js';
import { waitFor } from './helpers/wait.js';

const OPTS: MonitorOptions = { container: null, service: null, intervalMs: 500, windowMs: 300_000, hostVisible: true };

/** A running monitor whose ticks the test can read and fold into state. */
function watch(opts: Partial<MonitorOptions> = {}, docker = connectDocker()) {
  const ticks: MonitorTick[] = [];
  const handle = startMonitor(docker, { ...OPTS, ...opts }, (t) => ticks.push(t));
  running.push(handle);
  return {
    ticks,
    handle,
    state: (): MonitorState => ticks.reduce(reduceMonitor, initialMonitorState()),
    until: (what: string, cond: (s: MonitorState, ticks: MonitorTick[]) => boolean, ms = 30_000) =>
      waitFor(what, () => cond(ticks.reduce(reduceMonitor, initialMonitorState()), ticks), ms, 100),
  };
}

const running: MonitorHandle[] = [];
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
  expect(rejections).toEqual([]);
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await labDown();
}, 60_000);

describe('home monitor on the lab', () => {
  it('event-drops: drop alerts per minute, kernel drops from /metrics, the bot beside it; nothing sent twice', async () => {
    await labUp('event-drops');
    const m = watch();
    await m.until(
      'drops, kernel rates and the service',
      (s) =>
        s.events.rates.dropAlertsPerMin > 0 &&
        (s.events.kernel?.dropsPerSec ?? 0) > 0 &&
        typeof s.service === 'object' &&
        s.service.reading.sample !== undefined,
    );
    const s = m.state();
    expect(s.status.state).toBe('ok');
    expect(s.header).toMatchObject({
      name: FALCO_CONTAINER,
      engineKind: 'modern_ebpf',
      bufferPreset: 1,
      cpuLimitCores: 0.2,
      memLimitBytes: 512 * 2 ** 20,
      lab: true,
      prometheus: true,
    });
    expect(s.cpu.latest?.ofQuota).toBeGreaterThan(0);
    expect(typeof s.service === 'object' && s.service.reading.chosen).toBe('busiest');
    // each header, log line and counter reading is sent once
    expect(m.ticks.filter((t) => t.header).length).toBe(1);
    const lines = m.ticks.flatMap((t) => t.logLines ?? []).map((l) => `${l.t} ${l.text}`);
    expect(new Set(lines).size).toBe(lines.length);
    const counters = m.ticks.flatMap((t) => (t.counters ? [`${t.counters.events}/${t.counters.drops}`] : []));
    expect(new Set(counters).size).toBe(counters.length);
    const stopped = m.ticks.length;
    await m.handle.stop();
    // that nothing more comes can only be seen by waiting: longer than the poll interval, bounded
    await new Promise((r) => setTimeout(r, 700));
    expect(m.ticks.length).toBe(stopped);
  });

  it('memory-pressure: memory near the limit, most of it ring buffers; --service names the bot', async () => {
    await labUp('memory-pressure');
    const m = watch({ service: BOT_CONTAINER });
    await m.until('memory above 80% of the limit', (s) => (s.memory.latest?.ofLimit ?? 0) > 80);
    const s = m.state();
    expect(s.header?.ringBufferBytes).toBe(256 * 2 ** 20);
    expect(s.memory.latest?.ringShare).toBeGreaterThan(50);
    await m.until(
      'the named service',
      (st) => typeof st.service === 'object' && st.service.reading.chosen === 'named' && st.service.reading.name === BOT_CONTAINER,
    );
  });

  it('a stopped target is "gone", and comes back after docker start', async () => {
    await labUp('healthy');
    const m = watch({ service: BOT_CONTAINER });
    await m.until('first stats', (s) => s.cpu.latest !== null);
    await dockerCli(['stop', '-t', '1', FALCO_CONTAINER]);
    await m.until('target gone', (s) => s.status.state === 'gone');
    expect(m.state().status.detail).toMatch(/exited \(exit code \d+\)/);
    await dockerCli(['start', FALCO_CONTAINER]);
    await m.until(
      'target back with fresh stats',
      (s, ticks) => s.status.state === 'ok' && ticks.filter((t) => t.header).length === 2 && ticks.at(-1)?.falco !== undefined,
    );
  });

  it('a vanished Docker engine is "docker-down", and the monitor recovers when it answers again', async () => {
    await labUp('healthy');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-home-'));
    const socket = path.join(dir, 'docker.sock');
    const proxy = socketProxy(socket, '/var/run/docker.sock');
    try {
      const env = { DOCKER_HOST: `unix://${socket}` };
      const m = watch({ env }, connectDocker(env));
      await m.until('docker down (nothing listens yet)', (s) => s.status.state === 'docker-down');
      expect(m.state().status.detail).toContain(socket);
      await proxy.open();
      await m.until('target found through the engine', (s) => s.status.state === 'ok' && s.cpu.latest !== null);
      await proxy.close();
      await m.until('docker down again', (s) => s.status.state === 'docker-down');
      await proxy.open();
      await m.until('back', (s) => s.status.state === 'ok');
    } finally {
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A unix socket that forwards every connection to another one, and can be opened and closed. */
function socketProxy(at: string, to: string) {
  let server: net.Server | null = null;
  const conns = new Set<net.Socket>();
  return {
    open: () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(to);
          for (const s of [client, upstream]) {
            conns.add(s);
            s.on('close', () => conns.delete(s));
            s.on('error', () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(at, resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of conns) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}
