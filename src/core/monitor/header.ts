// The target's header and webserver settings from what the poller read at a container start:
// inspect, the config files and the startup log. Pure: the same derivations diagnose makes.
import type { ContainerInfo, FileRead } from '../snapshot.js';
import { effectiveConfigOfFiles } from '../falco/config/from-files.js';
import { webserverSettings, type WebserverSettings } from '../falco/webserver.js';
import { engineKind, ringBufferBudget } from '../falco/engine.js';
import { detectVersion } from '../falco/version.js';
import type { TargetHeader } from './types.js';

export interface TargetFiles {
  configFiles: readonly FileRead[];
  overrides: readonly string[];
  startupLines: readonly string[];
  hostCpus: number;
}

export type WebserverConfig = WebserverSettings;

export function describeTarget(info: ContainerInfo, files: TargetFiles): { header: TargetHeader; webserver: WebserverConfig } {
  const main = files.configFiles[0];
  const config = effectiveConfigOfFiles(files.configFiles, files.overrides);
  const version = detectVersion({ image: info.image, versionOutput: null, startupLines: [...files.startupLines], configText: main?.text ?? null }).version;
  const budget = ringBufferBudget(config, files.hostCpus, version);
  const { nanoCpus, cpuQuota, cpuPeriod, memoryBytes } = info.limits;
  const cores = nanoCpus > 0 ? nanoCpus / 1e9 : cpuQuota > 0 && cpuPeriod > 0 ? cpuQuota / cpuPeriod : null;
  const webserver = webserverSettings(config);
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
