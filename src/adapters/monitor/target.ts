// Finds the Falco container and describes it once per container start: limits, config (for the
// engine, preset and ring-buffer size), version and the webserver's /metrics URL. Reading the config
// on every poll would be waste: Falco only rereads it itself on a restart or a hot reload of rules.
import type { DockerClient } from '../docker/client.js';
import { containerFs } from '../docker/container-fs.js';
import { findFalcoContainer } from '../docker/discover.js';
import { inspectContainer as inspectDocker, toContainerInfo } from '../docker/inspect.js';
import { readLogs } from '../docker/logs.js';
import { readFalcoFiles } from '../falco-files.js';
import type { ContainerInfo } from '../../core/snapshot.js';
import { describeFalcoTarget } from '../../core/target/describe.js';
import type { TargetHeader } from '../../core/monitor/types.js';
import { withTimeout } from './timeout.js';

export const CALL_TIMEOUT_MS = 5000;

export interface LiveTarget {
  info: ContainerInfo;
  header: TargetHeader;
  /** base URL of /metrics, or null when Prometheus metrics are off or unreachable */
  metricsUrl: string | null;
  /** the engine host's memory: the stats API reports it as the limit when there is none */
  hostMemBytes: number;
}

export async function inspectContainer(docker: DockerClient, id: string): Promise<ContainerInfo> {
  return toContainerInfo(await withTimeout(inspectDocker(docker, id), CALL_TIMEOUT_MS, 'docker inspect'));
}

export async function findTarget(docker: DockerClient, wanted: string | null): Promise<ContainerInfo> {
  const found = await withTimeout(findFalcoContainer(docker, wanted), CALL_TIMEOUT_MS, 'docker ps');
  return inspectContainer(docker, found.id);
}

export async function describeLiveTarget(docker: DockerClient, info: ContainerInfo, hostVisible: boolean): Promise<LiveTarget> {
  const engine = await withTimeout(docker.info() as Promise<{ NCPU?: number; MemTotal?: number }>, CALL_TIMEOUT_MS, 'docker info');
  const falco = await readFalcoFiles(containerFs(docker, info, hostVisible), info.cmd);
  const startedMs = Date.parse(info.state.startedAt);
  const startup = await readLogs(docker, info.id, { sinceMs: Number.isFinite(startedMs) ? startedMs : 0, tty: false, maxLines: 400, keep: 'first' }).catch(
    () => ({ lines: [] }),
  );
  // no `falco --version` here: an exec per container start would cost more than the header gains
  const target = describeFalcoTarget(info, {
    configFiles: falco.configFiles,
    overrides: falco.overrides,
    startupLines: startup.lines.map((l) => l.text),
    versionOutput: null,
    hostCpus: engine.NCPU ?? 1,
  });
  return { info, header: target.header, metricsUrl: target.urls.metrics, hostMemBytes: engine.MemTotal ?? 0 };
}
