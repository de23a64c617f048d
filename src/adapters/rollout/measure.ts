// Measures one window: the latency probe every probeEvery, CPU/memory/block I/O of the service and
// Falco plus the TCP connect time every sampleEvery, until the window's end. The window is handed to
// `flush` every few seconds (the caller persists it), so a killed process loses seconds, not the
// window: a later run resumes the same window where it stopped.
import type { DockerClient } from '../docker/client.js';
import type { LatencyProbe } from '../../core/rollout/state.js';
import { addTrend, addValue, type MeasureWindow } from '../../core/rollout/window.js';
import { countDrops } from '../../core/rollout/drops.js';
import { mean } from '../../core/rollout/stats.js';
import { readLogs } from '../docker/logs.js';
import { probeLatency, connectMs } from './latency-probe.js';
import { blockIoPerSec, readStats, toSample, type RawStats } from '../docker/stats.js';
import { sleep } from '../apply/reload.js';

export interface MeasureTargets {
  docker: DockerClient;
  serviceId: string;
  probe: LatencyProbe;
  connect: { host: string; port: number } | null;
  /** null while Falco is stopped (the baseline): it then counts as zero */
  falcoId: string | null;
}

export interface MeasureOptions {
  probeEveryMs: number;
  sampleEveryMs: number;
  keep: number;
  flushEveryMs: number;
  flush: (w: MeasureWindow) => Promise<void>;
  /** progress for the operator: elapsed of the window, last latency */
  onTick?: (w: MeasureWindow) => void;
}

export async function measureWindow(t: MeasureTargets, window: MeasureWindow, o: MeasureOptions): Promise<MeasureWindow> {
  const w = window;
  const rng = Math.random;
  let recentLatency: number[] = [];
  const probeLoop = async () => {
    while (Date.now() < w.endsAt) {
      const started = Date.now();
      const ms = await probeLatency(t.docker, t.serviceId, t.probe);
      if (ms === null) w.probeFailures += 1;
      else {
        addValue(w, 'latencyMs', ms, o.keep, rng);
        recentLatency.push(ms);
      }
      await sleep(Math.max(0, Math.min(w.endsAt - Date.now(), o.probeEveryMs - (Date.now() - started))));
    }
  };
  const sampleLoop = async () => {
    let prevService: RawStats | null = null;
    let prevFalco: RawStats | null = null;
    let lastFlush = Date.now();
    // the same reading and `docker stats` formula as diagnose and the home screen (docker/stats.ts)
    const between = (cur: RawStats, prev: RawStats) => {
      // the memory limit is not kept here (hostLimit 0 drops it)
      const s = toSample(cur, prev, 0);
      return { cpuPercent: s.cpuPercent, memMb: s.memUsageBytes / 2 ** 20, ioBytesPerSec: blockIoPerSec(cur, prev) };
    };
    while (Date.now() < w.endsAt) {
      const started = Date.now();
      const [svc, falco] = await Promise.all([readStats(t.docker, t.serviceId), t.falcoId ? readStats(t.docker, t.falcoId) : Promise.resolve(null)]);
      if (prevService) {
        const s = between(svc, prevService);
        const f = falco && prevFalco ? between(falco, prevFalco) : { cpuPercent: 0, memMb: 0, ioBytesPerSec: 0 };
        addValue(w, 'cpuPercent', s.cpuPercent + f.cpuPercent, o.keep, rng);
        addValue(w, 'falcoCpuPercent', f.cpuPercent, o.keep, rng);
        addValue(w, 'memMb', s.memMb + f.memMb, o.keep, rng);
        addValue(w, 'ioBytesPerSec', s.ioBytesPerSec + f.ioBytesPerSec, o.keep, rng);
        addTrend(w, { t: Date.now(), latencyMs: recentLatency.length ? mean(recentLatency) : null, cpuPercent: s.cpuPercent + f.cpuPercent });
        recentLatency = [];
      }
      prevService = svc;
      prevFalco = falco;
      if (t.connect) {
        const c = await connectMs(t.connect.host, t.connect.port);
        if (c !== null) addValue(w, 'connectMs', c, o.keep, rng);
      }
      w.updatedAt = Date.now();
      o.onTick?.(w);
      if (Date.now() - lastFlush >= o.flushEveryMs) {
        await o.flush(w);
        lastFlush = Date.now();
      }
      await sleep(Math.max(0, Math.min(w.endsAt - Date.now(), o.sampleEveryMs - (Date.now() - started))));
    }
  };
  await Promise.all([probeLoop(), sampleLoop()]);
  if (t.falcoId) {
    // the log covers the whole window, also the part measured by a process that died since
    const lines = (await readLogs(t.docker, t.falcoId, { sinceMs: w.startedAt, untilMs: w.endsAt, tty: false, maxLines: 200_000, keep: 'last' })).lines;
    const d = countDrops(lines.filter((l) => Date.parse(l.t) >= w.startedAt).map((l) => l.text));
    w.drops = d.drops;
    w.dropsSource = d.source;
  }
  w.updatedAt = Date.now();
  await o.flush(w);
  return w;
}
