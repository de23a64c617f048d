// The target's header and webserver settings from what the poller read at a container start:
// inspect, the config files and the startup log. Pure: the same derivations diagnose makes.
import type { ContainerInfo, FileRead } from '../snapshot.js';
import { computeEffectiveConfig, configFileEntries, getPath } from '../falco/config/effective.js';
import { engineKind, ringBufferBudget } from '../falco/engine.js';
import { detectVersion } from '../falco/version.js';
import type { TargetHeader } from './types.js';

export interface TargetFiles {
  configFiles: readonly FileRead[];
  overrides: readonly string[];
  startupLines: readonly string[];
  hostCpus: number;
}

export interface WebserverConfig {
  enabled: boolean;
  port: number;
  prometheus: boolean;
}

export function describeTarget(info: ContainerInfo, files: TargetFiles): { header: TargetHeader; webserver: WebserverConfig } {
  const [main, ...rest] = files.configFiles;
  const mainFile = main ?? { path: '/etc/falco/falco.yaml', text: '' };
  const entries = configFileEntries(computeEffectiveConfig(mainFile, [], []).value);
  const dropIns = rest.map((f) => ({
    file: f,
    strategy: entries.find((e) => f.path === e.path || f.path.startsWith(`${e.path}/`))?.strategy ?? 'append',
  }));
  const config = computeEffectiveConfig(mainFile, dropIns, [...files.overrides]);
  const version = detectVersion({ image: info.image, versionOutput: null, startupLines: [...files.startupLines], configText: main?.text ?? null }).version;
  const budget = ringBufferBudget(config, files.hostCpus, version);
  const { nanoCpus, cpuQuota, cpuPeriod, memoryBytes } = info.limits;
  const cores = nanoCpus > 0 ? nanoCpus / 1e9 : cpuQuota > 0 && cpuPeriod > 0 ? cpuQuota / cpuPeriod : null;
  const webserver: WebserverConfig = {
    enabled: getPath(config.value, 'webserver.enabled') !== false,
    port: Number(getPath(config.value, 'webserver.listen_port') ?? 8765),
    prometheus: getPath(config.value, 'webserver.prometheus_metrics_enabled') === true && getPath(config.value, 'metrics.enabled') === true,
  };
  return {
    header: {
      id: info.id,
      name: info.name,
      image: info.image,
      startedAt: info.state.startedAt,
      falcoVersion: version,
      engineKind: engineKind(config, version),
      bufferPreset: budget?.preset ?? null,
      ringBufferBytes: budget?.totalBytes ?? null,
      cpuLimitCores: cores,
      memLimitBytes: memoryBytes > 0 ? memoryBytes : null,
      hostCpus: files.hostCpus,
      lab: info.labels['falco-doctor.lab'] === 'standin',
      prometheus: webserver.enabled && webserver.prometheus,
    },
    webserver,
  };
}
