// The home screen's poller: every interval, one tick with what changed. One poll at a time (the next
// is scheduled when the last one ends), every call under a deadline, every failure turned into a
// target state: the loop outlives dockerd restarts and a removed container, and never rejects.
import type { DockerClient } from '../docker/client.js';
import type { MonitorTick, ServiceReading, TargetStatus } from '../../core/monitor/types.js';
import { classifyFailure } from './failure.js';
import { FalcoWatch, type FalcoPart } from './falco-watch.js';
import { selfMeter } from './self-usage.js';
import { ServiceWatch } from './service-watch.js';

export interface MonitorOptions {
  /** --container: name or id; null = discover as diagnose does */
  container: string | null;
  /** --service: name or id; null = the busiest other running container */
  service: string | null;
  intervalMs: number;
  /** how far back the rates and sparklines reach */
  windowMs: number;
  /** false when dockerd runs on another machine: bind-mount sources are not ours to read */
  hostVisible: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface MonitorHandle {
  /** Stops polling; resolves when the poll in flight (if any) has ended. No tick follows. */
  stop(): Promise<void>;
}

export function startMonitor(docker: DockerClient, opts: MonitorOptions, onTick: (tick: MonitorTick) => void): MonitorHandle {
  const falco = new FalcoWatch(docker, opts);
  const service = new ServiceWatch(docker, opts.service);
  const self = selfMeter();
  const env = opts.env ?? process.env;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const poll = async (): Promise<MonitorTick> => {
    const t = Date.now();
    let part: FalcoPart;
    try {
      part = await falco.poll(t);
    } catch (e) {
      part = { status: await classifyFailure(docker, e, env) };
    }
    let serviceReading: ServiceReading | null | undefined;
    if (part.status.state !== 'docker-down') {
      serviceReading = await service.poll(falco.targetId, falco.hostMemBytes).catch(() => undefined);
    }
    const usage = self.read();
    return {
      t,
      ...part,
      ...(serviceReading === undefined ? {} : { service: serviceReading }),
      ...(usage ? { self: usage } : {}),
    };
  };

  const loop = async (): Promise<void> => {
    if (stopped) return;
    const started = Date.now();
    let tick: MonitorTick;
    try {
      tick = await poll();
    } catch (e) {
      // nothing above should throw; if it does, say so on screen instead of dying
      tick = { t: started, status: { state: 'gone', detail: String(e) } satisfies TargetStatus };
    }
    if (stopped) return;
    try {
      onTick(tick);
    } catch {
      // a consumer's failure is the consumer's: the poller keeps its schedule
    }
    timer = setTimeout(
      () => {
        inFlight = loop();
      },
      Math.max(0, opts.intervalMs - (Date.now() - started)),
    );
  };

  inFlight = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
