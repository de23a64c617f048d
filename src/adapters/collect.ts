// The probes, run once against the live target: fills one Snapshot and reports progress as events.
// Read-only: nothing here writes to the container, its files or Docker. `signal` (the screen's channel
// aborts it when the operator quits) stops the collection between steps and between samples.
import type { DiagnoseEvent, StepStatus } from '../core/events.js';
import { SNAPSHOT_SCHEMA_VERSION, observerCpuPercent, type MemoryPeak, type Snapshot, type StatsSample } from '../core/snapshot.js';
import { errorMessage } from '../core/errors.js';
import { describeFalcoTarget } from '../core/target/describe.js';
import { type DockerClient, ensureReachable } from './docker/client.js';
import { findFalcoContainer } from './docker/discover.js';
import { inspectContainer, toContainerInfo } from './docker/inspect.js';
import { openSampler } from './docker/cgroup-stats.js';
import { readLogs } from './docker/logs.js';
import { execOutput } from './docker/exec.js';
import { containerFs } from './docker/container-fs.js';
import { readFalcoFiles } from './falco-files.js';
import { versionFromImage } from '../core/falco/version.js';
import { formatBytes } from '../core/falco/presets.js';
import { readHost } from './host.js';
import { httpGet } from './webserver.js';
import { setTimeout as pause } from 'node:timers/promises';

export interface CollectOptions {
  container: string | null;
  windowMs: number;
  sampleEveryMs: number;
  /** how far back to read logs for drop alerts (they are rate-limited, so look further than the window) */
  lookbackMs: number;
  toolVersion: string;
  /** false when dockerd runs on another machine (DOCKER_HOST=tcp://): host paths are not ours to read */
  hostVisible: boolean;
}

type Emit = (e: DiagnoseEvent) => void;

export async function collectSnapshot(docker: DockerClient, opts: CollectOptions, emit: Emit, signal?: AbortSignal): Promise<Snapshot> {
  const step = stepper(emit, signal);
  await step('docker', 'Connect to Docker', async () => {
    await ensureReachable(docker);
    const v = await docker.version();
    return `Docker ${v.Version}`;
  });
  const found = await step('discover', 'Find the Falco container', async () => {
    const c = await findFalcoContainer(docker, opts.container);
    return { value: c, detail: `${c.name} (${c.why})` };
  });
  const hostP = readHost();
  const target = await step('inspect', 'Read limits and state', async () => {
    const info = toContainerInfo(await inspectContainer(docker, found.id));
    const l = info.limits;
    const detail = `cpus ${l.nanoCpus ? l.nanoCpus / 1e9 : 'unlimited'}, memory ${l.memoryBytes ? `${l.memoryBytes / 2 ** 20} MB` : 'unlimited'}, restart ${info.restartPolicy || 'no'}, ${info.state.status}`;
    const status: StepStatus = info.state.running && !info.state.restarting ? 'ok' : 'warn';
    return { value: info, detail, status };
  });
  // A stopped or crash-looping Falco has nothing steady to measure, but its config and log say why.
  const down = !target.state.running || target.state.restarting;
  const downWhy = target.state.restarting
    ? `the container is restarting (${target.state.restartCount} restarts)`
    : `the container is ${target.state.status} (exit code ${target.state.exitCode})`;
  const fs = containerFs(docker, target, opts.hostVisible);
  const falco = await step('config', 'Read falco.yaml and rules', async () => {
    const f = await readFalcoFiles(fs, target.cmd, versionFromImage(target.image));
    const where = f.configFiles[0] ? (f.configFiles[0].hostPath ?? `${f.configFiles[0].path} (inside the container)`) : 'not found';
    return {
      value: f,
      detail: `${where}; ${f.configFiles.length - 1} drop-in(s), ${f.rulesFiles.length} rules file(s)`,
      status: f.configSource === 'host-mount' ? 'ok' : 'warn',
    };
  });
  const falcoBin = target.cmd.find((a) => /(^|\/)falco$/.test(a));
  signal?.throwIfAborted();
  falco.versionOutput = falcoBin && !down ? await execOutput(docker, target.id, [falcoBin, '--version']) : null;

  // the webserver's address, from the one description of the target (the startup log, read after the
  // window, does not change it; buildContext describes the target again from the whole snapshot)
  const described = describeFalcoTarget(target, {
    configFiles: falco.configFiles,
    overrides: falco.overrides,
    startupLines: [],
    versionOutput: falco.versionOutput,
    hostCpus: (await hostP).cpus,
  });
  const ws = described.webserver;
  const { base: url, healthz: healthzUrl, metrics: metricsUrl } = described.urls;
  const webserver: Snapshot['webserver'] = { url, healthz: null, metricsStart: null, metricsEnd: null, error: null };
  const windowStart = Date.now();
  await step('webserver', 'Ask the webserver (/healthz, /metrics)', async () => {
    if (down) return { value: null, detail: `skipped: ${downWhy}`, status: 'skipped' };
    if (!url || !healthzUrl) return { value: null, detail: ws.enabled ? 'no route to the webserver' : 'webserver disabled', status: 'skipped' };
    try {
      webserver.healthz = await httpGet(healthzUrl);
      if (metricsUrl) webserver.metricsStart = (await httpGet(metricsUrl)).body;
    } catch (e) {
      webserver.error = `${url}: ${errorMessage(e)}`;
      return { value: null, detail: webserver.error, status: 'warn' };
    }
    return { value: null, detail: `${healthzUrl} → ${webserver.healthz.status}${metricsUrl ? ', /metrics read' : ', Prometheus metrics off'}` };
  });

  let observer: Snapshot['window']['observer'];
  let memoryPeak: MemoryPeak | null = null;
  const samples = await step('sample', `Sample CPU and memory for ${Math.round(opts.windowMs / 1000)} s`, async () => {
    // A crash-looping container has nothing steady to measure; its log and config say why it restarts.
    if (down) return { value: [] as StatsSample[], detail: `skipped: ${downWhy}`, status: 'skipped' };
    try {
      const hostMem = (await hostP).memTotalBytes;
      // our own CPU while sampling (process-wide: every thread, the UI's redraws included)
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const s = await sampleStats(docker, target.id, opts, hostMem, emit, windowStart, signal);
      const cpu = process.cpuUsage(cpu0);
      const cost = { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, via: s.source };
      observer = cost;
      memoryPeak = s.peak;
      const peak = s.peak ? `; memory peak since start ${formatBytes(s.peak.bytes)}` : '';
      return {
        value: s.samples,
        detail: `${s.samples.length} samples (${s.source === 'cgroup' ? 'cgroup files' : 'stats API'})${peak}; falco-doctor itself: ${observerCpuPercent(cost).toFixed(1)} % of a core`,
      };
    } catch (e) {
      // the operator quit: no look at the container to explain it
      if (signal?.aborted) throw e;
      // Falco may die during the window (a crash loop caught while up), or die and be restarted by
      // Docker before we look again (its cgroup files go with the old process): say so rather than fail
      const now = toContainerInfo(await inspectContainer(docker, target.id));
      const restarted = now.state.startedAt !== target.state.startedAt || now.state.restartCount !== target.state.restartCount;
      if (now.state.running && !now.state.restarting && !restarted) throw e;
      target.state = now.state;
      const what =
        now.state.running && !now.state.restarting
          ? `restarted during the window (${now.state.restartCount} restarts)`
          : `stopped during the window: ${now.state.restarting ? 'restarting' : now.state.status} (exit code ${now.state.exitCode})`;
      return { value: [] as StatsSample[], detail: what, status: 'warn' };
    }
  });
  signal?.throwIfAborted();
  if (metricsUrl && !webserver.error) {
    webserver.metricsEnd = await httpGet(metricsUrl).then(
      (r) => r.body,
      (e) => {
        webserver.error = `${metricsUrl}: ${errorMessage(e)}`;
        return null;
      },
    );
  }
  const windowEnd = Date.now();
  const logs = await step('logs', 'Read the container log', async () => {
    const tty = false;
    const startedMs = Date.parse(target.state.startedAt);
    const startup = await readLogs(docker, target.id, { sinceMs: startedMs, tty, maxLines: 400, keep: 'first' });
    const sinceMs = Math.max(windowStart - opts.lookbackMs, startedMs || 0);
    const window = await readLogs(docker, target.id, { sinceMs, tty, maxLines: 20_000, keep: 'last' });
    const value: Snapshot['logs'] = { sinceMs, startup: startup.lines, window: window.lines, truncated: window.truncated };
    return { value, detail: `${window.lines.length} lines since ${new Date(sinceMs).toISOString().slice(11, 19)} UTC` };
  });
  const host = await hostP;
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'falco-doctor', version: opts.toolVersion },
    window: { start: windowStart, end: windowEnd, ...(observer ? { observer } : {}) },
    origin: target.labels['falco-doctor.lab'] === 'standin' ? 'lab' : 'live',
    target,
    falco,
    samples,
    memoryPeak,
    service: null,
    host,
    logs,
    kube: null,
    webserver,
  };
}

async function sampleStats(
  docker: DockerClient,
  id: string,
  opts: CollectOptions,
  hostMem: number,
  emit: Emit,
  start: number,
  signal: AbortSignal | undefined,
): Promise<{ samples: StatsSample[]; source: 'cgroup' | 'stats-api'; peak: MemoryPeak | null }> {
  // cgroup files on the host when readable (cheaper for dockerd), else one-shot stats API calls
  const sampler = await openSampler(docker, id, hostMem, { hostVisible: opts.hostVisible });
  const samples: StatsSample[] = [];
  for (let i = 0; ; i++) {
    signal?.throwIfAborted();
    const s = await sampler.next();
    // a reading in flight when the operator quit goes nowhere
    signal?.throwIfAborted();
    samples.push(s);
    const elapsed = Date.now() - start;
    emit({ type: 'sample', sample: s, elapsedMs: elapsed, windowMs: opts.windowMs });
    // the peak once, at the end: a high-water mark covers the window and everything since the start
    if (elapsed >= opts.windowMs) return { samples, source: sampler.source, peak: await sampler.peak().catch(() => null) };
    const nextAt = start + (i + 1) * opts.sampleEveryMs;
    // an abort ends the wait at once (rejecting with the signal's reason), not at the next tick
    await pause(Math.max(0, Math.min(nextAt, start + opts.windowMs) - Date.now()), undefined, { signal });
  }
}

type StepResult<T> = T | { value: T; detail: string; status?: StepStatus };

function stepper(emit: Emit, signal: AbortSignal | undefined) {
  return async function step<T>(id: string, title: string, fn: () => Promise<StepResult<T>>): Promise<T> {
    signal?.throwIfAborted();
    emit({ type: 'step-started', id, title });
    try {
      const r = await fn();
      if (typeof r === 'object' && r !== null && 'detail' in r && 'value' in r) {
        emit({ type: 'step-finished', id, status: r.status ?? 'ok', detail: r.detail });
        return r.value;
      }
      emit({ type: 'step-finished', id, status: 'ok', detail: typeof r === 'string' ? r : '' });
      return r as T;
    } catch (e) {
      emit({ type: 'step-finished', id, status: 'failed', detail: errorMessage(e) });
      throw e;
    }
  };
}
