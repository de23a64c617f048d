// The one description of the Falco target: from the container's inspect and what was read of its files
// and log, where its config lives (in the container, on the host, the bind mount that holds it), which
// Falco it is (version, engine, ring buffers), whether it rereads its files, where its webserver answers
// (/healthz, /metrics) and how it was started (compose or a plain run). Pure: diagnose (through
// buildContext), the home screen, fix, the checklist and the rollout all take it from here.
import type { ContainerInfo, FileRead } from '../snapshot.js';
import type { EffectiveConfig } from '../falco/config/types.js';
import { getPath } from '../falco/config/effective.js';
import { effectiveConfigOfFiles } from '../falco/config/from-files.js';
import { webserverSettings, type WebserverSettings } from '../falco/webserver.js';
import { engineKind, ringBufferBudget, type RingBufferBudget } from '../falco/engine.js';
import { detectVersion, type DetectedVersion } from '../falco/version.js';
import { bindMountFor } from '../bind-mount.js';
import type { TargetHeader } from '../monitor/types.js';
import { launchOf, type Launch } from './launch.js';
import { webserverUrls, type WebserverUrls } from './webserver-url.js';

/** What was read besides the inspect; each reader passes what it has (home has no `falco --version`). */
export interface TargetFacts {
  /** falco.yaml first, then its drop-ins */
  configFiles: readonly FileRead[];
  /** `-o key=value` from the command line */
  overrides: readonly string[];
  startupLines: readonly string[];
  versionOutput: string | null;
  hostCpus: number;
}

export interface FalcoTarget {
  config: {
    effective: EffectiveConfig;
    /** falco.yaml as Falco sees it, inside the container; null when none was found */
    path: string | null;
    /** the host file behind it, or null when it is not on a bind mount (or not readable from here) */
    hostPath: string | null;
    /** the host folder of the bind mount that holds it: writes must stay inside it */
    root: string | null;
  };
  version: DetectedVersion;
  engineKind: string | null;
  ringBuffer: RingBufferBudget | null;
  /** Falco rereads its files when they change (watch_config_files, on unless set false) */
  watchConfig: boolean;
  webserver: WebserverSettings;
  urls: WebserverUrls;
  launch: Launch;
  /** the home screen's header line */
  header: TargetHeader;
}

export function describeFalcoTarget(info: ContainerInfo, facts: TargetFacts): FalcoTarget {
  const main = facts.configFiles[0];
  const effective = effectiveConfigOfFiles(facts.configFiles, facts.overrides);
  const version = detectVersion({
    image: info.image,
    versionOutput: facts.versionOutput,
    startupLines: [...facts.startupLines],
    configText: main?.text ?? null,
  });
  const engine = engineKind(effective, version.version);
  const ringBuffer = ringBufferBudget(effective, facts.hostCpus, version.version);
  const webserver = webserverSettings(effective);
  const { nanoCpus, cpuQuota, cpuPeriod, memoryBytes } = info.limits;
  const cores = nanoCpus > 0 ? nanoCpus / 1e9 : cpuQuota > 0 && cpuPeriod > 0 ? cpuQuota / cpuPeriod : null;
  return {
    config: {
      effective,
      path: main?.path ?? null,
      hostPath: main?.hostPath ?? null,
      root: main ? (bindMountFor(main.path, info.mounts)?.source ?? null) : null,
    },
    version,
    engineKind: engine,
    ringBuffer,
    watchConfig: getPath(effective.value, 'watch_config_files') !== false,
    webserver,
    urls: webserverUrls(info, webserver),
    launch: launchOf(info.labels),
    header: {
      id: info.id,
      name: info.name,
      image: info.image,
      startedAt: info.state.startedAt,
      falcoVersion: version.version,
      engineKind: engine,
      bufferPreset: ringBuffer?.preset ?? null,
      ringBufferBytes: ringBuffer?.totalBytes ?? null,
      cpuLimitCores: cores,
      memLimitBytes: memoryBytes > 0 ? memoryBytes : null,
      hostCpus: facts.hostCpus,
      lab: info.labels['falco-doctor.lab'] === 'standin',
      prometheus: webserver.enabled && webserver.prometheus,
    },
  };
}
