// Everything the probes need, derived once from a snapshot by pure code: the effective Falco config,
// its version, ring-buffer budget, rules, drop alerts and metrics read from the logs and /metrics.
import type { Snapshot } from '../snapshot.js';
import type { EffectiveConfig } from '../falco/config/types.js';
import { getPath } from '../falco/config/effective.js';
import type { RingBufferBudget } from '../falco/engine.js';
import { knownKeysFor } from '../falco/config/model.js';
import { startupRefusals, type Refusal } from '../falco/config/refusals.js';
import { loadedPlugins } from '../falco/config/plugins.js';
import { outputsBuffering, type Buffering } from '../falco/outputs-buffering.js';
import { loadRules, type RulesSummary } from '../falco/rules/load.js';
import type { DetectedVersion } from '../falco/version.js';
import type { DropAlert } from '../falco/parse/drop-alert.js';
import type { MetricsSnapshot } from '../falco/parse/metrics-snapshot.js';
import { parsePrometheus, type PromSample } from '../falco/parse/prometheus.js';
import { parseStartupLog, type StartupInfo } from '../falco/parse/startup.js';
import { readWindowLog } from './window-log.js';
import { describeFalcoTarget, type FalcoTarget } from '../target/describe.js';

export interface DiagnosisContext {
  snapshot: Snapshot;
  /** the one description of the target (core/target/describe.ts); config, version, engine and ring
   *  buffer below are its own, kept here under the names the probes use */
  target: FalcoTarget;
  config: EffectiveConfig;
  version: DetectedVersion;
  engineKind: string | null;
  ringBuffer: RingBufferBudget | null;
  rules: RulesSummary;
  startup: StartupInfo;
  dropAlerts: DropAlert[];
  metricsSnapshots: MetricsSnapshot[];
  /** "Falco internal: timeouts notification" alerts in the window: the driver delivered no event for
   *  syscall_event_timeouts.max_consecutives reads in a row (process_events.cpp@0.42.1:202). */
  timeoutNotices: number;
  /** What Falco would refuse to start with (config/refusals.ts); none when no config was read. */
  refusals: Refusal[];
  /** Whether Falco block-buffers its outputs here (outputs-buffering.ts), and why. */
  buffering: Buffering;
  promStart: PromSample[] | null;
  promEnd: PromSample[] | null;
  /** seconds covered by the sampling window */
  windowSeconds: number;
  /** seconds covered by the log look-back, never longer than the container has been running */
  logSeconds: number;
}

export function buildContext(snapshot: Snapshot): DiagnosisContext {
  const startupLines = snapshot.logs.startup.map((l) => l.text);
  const target = describeSnapshotTarget(snapshot);
  const config = target.config.effective;
  const version = target.version;
  const windowLog = readWindowLog(snapshot.logs.window.map((l) => l.text));
  const startedMs = Date.parse(snapshot.target.state.startedAt);
  const logStart = Number.isFinite(startedMs) ? Math.max(snapshot.logs.sinceMs, startedMs) : snapshot.logs.sinceMs;
  return {
    snapshot,
    target,
    config,
    version,
    engineKind: target.engineKind,
    ringBuffer: target.ringBuffer,
    // the `rules:` selection is read from 0.38 on (knowledge/falco-config-catalogue.json)
    rules: loadRules(
      snapshot.falco.rulesFiles,
      version.version === null || knownKeysFor(version.version).has('rules') ? getPath(config.value, 'rules') : undefined,
      {
        falcoVersion: version.version,
        minPriority: getPath(config.value, 'priority'),
        // the container's own files, config.d included: what they load is what Falco loads
        plugins: snapshot.falco.configFiles.length > 0 ? loadedPlugins(config).names : null,
      },
    ),
    startup: parseStartupLog(startupLines),
    dropAlerts: windowLog.dropAlerts,
    metricsSnapshots: windowLog.metricsSnapshots,
    timeoutNotices: windowLog.timeoutNotices,
    refusals: snapshot.falco.configFiles.length > 0 ? startupRefusals(config, version.version) : [],
    buffering: outputsBuffering(snapshot.target.cmd, version.version, getPath(config.value, 'buffered_outputs')),
    promStart: snapshot.webserver.metricsStart === null ? null : parsePrometheus(snapshot.webserver.metricsStart),
    promEnd: snapshot.webserver.metricsEnd === null ? null : parsePrometheus(snapshot.webserver.metricsEnd),
    windowSeconds: Math.max(0, (snapshot.window.end - snapshot.window.start) / 1000),
    logSeconds: Math.max(1, (snapshot.window.end - logStart) / 1000),
  };
}

/** The target as a snapshot shows it: everything collect read, `falco --version` included. */
export function describeSnapshotTarget(snapshot: Snapshot): FalcoTarget {
  return describeFalcoTarget(snapshot.target, {
    configFiles: snapshot.falco.configFiles,
    overrides: snapshot.falco.overrides,
    startupLines: snapshot.logs.startup.map((l) => l.text),
    versionOutput: snapshot.falco.versionOutput,
    hostCpus: snapshot.host.cpus,
  });
}
